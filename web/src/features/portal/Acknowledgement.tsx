/** What a visitor sees once their request is filed: case number, promised times and the private link. */
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { Deadline, FiledAnswer, PublicOrg } from './types.ts';
import { METRIC_LABELS, visitorZone, when, workingTime, zoneCity } from './words.ts';

export function DeadlineList({ deadlines, org }: { deadlines: readonly Deadline[]; org: PublicOrg }) {
  const mine = visitorZone();
  return (
    <ul className="portal-deadlines">
      {deadlines.map((d) => (
        <li key={`${d.metric}:${d.due_at}`}>
          <strong>{METRIC_LABELS[d.metric]}</strong> by{' '}
          <time dateTime={d.due_at}>
            {when(d.due_at, org.time_zone)} {zoneCity(org.time_zone)} time
          </time>
          {mine !== org.time_zone && <span className="muted"> ({when(d.due_at, mine)} your time)</span>}
          <span className="muted"> — within {workingTime(d.duration)}</span>
        </li>
      ))}
    </ul>
  );
}

export function Acknowledgement({ filed, org }: { filed: FiledAnswer; org: PublicOrg }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => heading.current?.focus(), []);
  const link = `${window.location.origin}${filed.follow_url}`;
  const first = filed.deadlines.find((d) => d.metric === 'first_reply');
  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <section className="panel portal-ack" aria-labelledby="ack-heading">
      <h1 id="ack-heading" ref={heading} tabIndex={-1}>
        Thank you — we have your request
      </h1>
      <p className="portal-case-number">
        Your case number is <strong data-testid="case-number">#{filed.case.number}</strong>
      </p>
      {filed.notice && (
        <p className="portal-notice" role="note">
          {filed.notice}
        </p>
      )}
      {first ? (
        <p>
          We promise to reply within <strong>{workingTime(first.duration)}</strong>:
        </p>
      ) : (
        <p>We will reply as soon as we can.</p>
      )}
      <DeadlineList deadlines={filed.deadlines} org={org} />
      <h2>Your private link</h2>
      <p>
        Keep this link: it shows your request, our replies and lets you answer. Anyone with the link can read
        it, so do not share it.
      </p>
      <p className="portal-link">
        <a href={filed.follow_url} data-testid="follow-link">
          {link}
        </a>
      </p>
      <p>
        <button type="button" className="secondary" onClick={() => void copy()}>
          Copy the link
        </button>{' '}
        <span role="status">{copied ? 'Copied.' : ''}</span>
      </p>
      <p>
        <Link href="/">Back to help and policies</Link>
      </p>
    </section>
  );
}
