/** `/`: how to contact us, the response promise, opening hours in both zones, and the public policies. */
import { Link } from 'wouter';
import { get } from '../../shared/api.ts';
import { portalOrg, useLoad, useTitle } from './data.ts';
import { HoursTable } from './HoursTable.tsx';
import { ErrorNote, LoadingNote } from './PortalLayout.tsx';
import { PromiseSummary } from './PromiseSummary.tsx';
import type { HoursAnswer, PoliciesAnswer, PromiseAnswer } from './types.ts';
import { longDate } from './words.ts';

interface HomeData {
  readonly policies: PoliciesAnswer;
  readonly hours: HoursAnswer;
  readonly promise: PromiseAnswer;
}

async function loadHome(): Promise<HomeData> {
  const org = await portalOrg();
  const base = `/api/public/${encodeURIComponent(org.slug)}`;
  const [policies, hours, promise] = await Promise.all([
    get<PoliciesAnswer>(`${base}/policies`),
    get<HoursAnswer>(`${base}/hours?days=7`),
    get<PromiseAnswer>(`${base}/promise`),
  ]);
  return { policies, hours, promise };
}

export function HomePage() {
  const home = useLoad('home', loadHome);
  const d = home.data;
  useTitle(d ? `${d.policies.org.name} — customer service` : 'Customer service');
  if (home.error) return <ErrorNote message={home.error} />;
  if (!d) return <LoadingNote />;
  const promised = d.promise.promise?.targets.find((t) => t.metric === 'first_reply')?.calendar;
  const calendars = [...d.hours.calendars].sort((a, b) =>
    a.name === promised ? -1 : b.name === promised ? 1 : 0,
  );
  const [main, ...others] = calendars;
  return (
    <>
      <h1>How can we help?</h1>
      <div className="portal-grid">
        <section aria-labelledby="contact-heading" className="panel">
          <h2 id="contact-heading">How to contact us</h2>
          <p>
            Ask a question, tell us about a problem, ask for a refund or return, or pass on a compliment with
            our <Link href="/request">request form</Link>. You get a case number straight away and a private
            link to follow your request and reply to us.
          </p>
          <p>
            <Link href="/request" className="button">
              Make a request
            </Link>
          </p>
          <PromiseSummary answer={d.promise} />
        </section>
        <section aria-labelledby="hours-heading" className="panel">
          <h2 id="hours-heading">Opening hours</h2>
          {main ? (
            <>
              <p>
                <span className={`badge ${main.open_now ? 'ok' : 'neutral'}`}>
                  {main.open_now ? 'Open now' : 'Closed now'}
                </span>{' '}
                Our {main.name} team, for the next seven days.
              </p>
              <HoursTable hours={d.hours} calendar={main} caption={`${main.name} hours`} />
              {others.map((c) => (
                <details key={c.name} className="portal-other-hours">
                  <summary>{c.name} hours</summary>
                  <HoursTable hours={d.hours} calendar={c} caption={`${c.name} hours`} />
                </details>
              ))}
              <p className="muted">
                From <Link href={`/policies/${main.policy}`}>our opening hours policy</Link>.
              </p>
            </>
          ) : (
            <p>Our opening hours are not published yet.</p>
          )}
        </section>
      </div>
      <section aria-labelledby="policies-heading">
        <h2 id="policies-heading">Our policies</h2>
        <ul className="portal-policies">
          {d.policies.policies.map((p) => (
            <li key={p.policy}>
              <Link href={`/policies/${p.policy}`}>{p.title}</Link>
              <span className="muted">
                {' '}
                — version {p.version}, in force since {longDate(p.effective)}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
