/** The response promise in words, from the charter's response-times decision. */
import { Link } from 'wouter';
import type { PromiseAnswer } from './types.ts';
import { workingTime } from './words.ts';

export function PromiseSummary({ answer }: { answer: PromiseAnswer }) {
  const p = answer.promise;
  if (!p) return <p>We answer every request as soon as we can.</p>;
  const first = p.targets.find((t) => t.metric === 'first_reply');
  const resolution = p.targets.find((t) => t.metric === 'resolution');
  return (
    <div className="portal-promise">
      <p>
        <strong>Our promise:</strong> when you write to us through this website
        {first && (
          <>
            , you get a first reply within <strong>{workingTime(first.duration)}</strong>
          </>
        )}
        {resolution && (
          <>
            {first ? ' and' : ','} we aim to resolve your request within{' '}
            <strong>{workingTime(resolution.duration)}</strong>
          </>
        )}
        .
      </p>
      {p.why && <p className="muted">{p.why}.</p>}
      <p className="muted">
        Working hours are the opening hours of our {first?.calendar ?? 'support'} team, below. See{' '}
        <Link href={`/policies/${p.policy.id}`}>our response promise</Link> for every channel.
      </p>
    </div>
  );
}
