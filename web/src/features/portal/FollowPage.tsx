/**
 * `/follow/:token`: the customer's view of their case by its private link — status, promised times,
 * the conversation (their messages, our replies, decisions' outcomes) and a reply form. Everything
 * people wrote is rendered as text. The page asks browsers not to send its address on as a referrer.
 */
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { ApiError, get, post } from '../../shared/api.ts';
import { DeadlineList } from './Acknowledgement.tsx';
import { useBrand, useLoad, useTitle } from './data.ts';
import { ErrorNote, LoadingNote } from './PortalLayout.tsx';
import type { FollowAnswer, FollowItem } from './types.ts';
import { KIND_LABELS, STATUS_LABELS, visitorZone, when, zoneCity } from './words.ts';

function newKey(): string {
  return crypto.randomUUID();
}

function Item({ item, zone }: { item: FollowItem; zone: string }) {
  const at = (
    <time dateTime={item.at} className="muted">
      {when(item.at, zone)}
    </time>
  );
  if (item.type === 'status')
    return (
      <li className="portal-item portal-item-status">
        <p>
          Status: <strong>{STATUS_LABELS[item.status].text}</strong> · {at}
        </p>
      </li>
    );
  if (item.type === 'outcome')
    return (
      <li className="portal-item portal-item-outcome">
        <p>
          <strong>{item.text}</strong> · {at}
        </p>
        {item.why && <p className="muted">{item.why}</p>}
      </li>
    );
  const who = item.from === 'customer' ? 'You' : (item.author ?? 'Our team');
  const verb = item.corrects ? 'corrected a message' : item.from === 'customer' ? 'wrote' : 'replied';
  return (
    <li className={`portal-item ${item.from === 'customer' ? 'portal-item-mine' : 'portal-item-ours'}`}>
      <p className="portal-item-head">
        <strong>{who}</strong> {verb}
        {item.from === 'staff' && item.channel && item.channel !== 'web form' ? ` (by ${item.channel})` : ''}{' '}
        · {at}
      </p>
      <p className="body">{item.body}</p>
    </li>
  );
}

export function FollowPage({ token }: { token: string }) {
  const url = `/api/public/cases/${encodeURIComponent(token)}`;
  const loaded = useLoad(url, () => get<FollowAnswer>(url));
  const v = loaded.data;
  useTitle(v ? `Case #${v.case.number} — ${v.org.name}` : 'Your case');
  useBrand(v?.org.name ?? null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newKey);

  async function reply(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSent(null);
    try {
      const r = await post<FollowAnswer>(url, { message }, { 'idempotency-key': key });
      loaded.set(r);
      setMessage('');
      setKey(newKey());
      setSent('Your message has been added to the case.');
    } catch (err) {
      if (err instanceof ApiError) {
        setKey(newKey());
        setError(err.problems[0]?.message ? `Your message: ${err.problems[0].message}` : err.message);
      } else setError('We could not reach the server. Your message was not lost: please send it again.');
    } finally {
      setBusy(false);
    }
  }

  const head = <meta name="referrer" content="no-referrer" />;
  if (loaded.error)
    return (
      <>
        {head}
        <h1>Case not found</h1>
        <ErrorNote
          message={
            loaded.status === 404
              ? 'This link does not lead to a case. Check that you copied all of it.'
              : loaded.error
          }
        />
        <p>
          <Link href="/request">Make a new request</Link>
        </p>
      </>
    );
  if (!v) return <LoadingNote />;
  const zone = visitorZone();
  const status = STATUS_LABELS[v.case.status];
  return (
    <>
      {head}
      <h1>
        Case #{v.case.number}: {v.case.subject}
      </h1>
      <dl className="portal-facts">
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`badge ${status.tone}`}>{status.text}</span>
          </dd>
        </div>
        <div>
          <dt>Request</dt>
          <dd>{KIND_LABELS[v.case.kind]}</dd>
        </div>
        {v.case.order_number && (
          <div>
            <dt>Order</dt>
            <dd>{v.case.order_number}</dd>
          </div>
        )}
        <div>
          <dt>Opened</dt>
          <dd>
            <time dateTime={v.case.created_at}>{when(v.case.created_at, zone)}</time>
          </dd>
        </div>
      </dl>
      {v.deadlines.length > 0 && (
        <section aria-labelledby="promise-heading" className="panel">
          <h2 id="promise-heading">What we promised</h2>
          <DeadlineList deadlines={v.deadlines} org={v.org} />
        </section>
      )}
      <section aria-labelledby="conversation-heading">
        <h2 id="conversation-heading">Conversation</h2>
        <p className="muted">Times are in your time zone ({zoneCity(zone)}).</p>
        <ol className="timeline portal-timeline">
          {v.items.map((i) => (
            <Item key={`${i.type}:${i.id}`} item={i} zone={zone} />
          ))}
        </ol>
      </section>
      <section aria-labelledby="reply-heading" className="panel">
        <h2 id="reply-heading">Reply</h2>
        {v.can_reply ? (
          <form onSubmit={reply} noValidate>
            <label htmlFor="reply-message">Your message</label>
            <textarea
              id="reply-message"
              name="message"
              value={message}
              onChange={(e) => setMessage(e.currentTarget.value)}
              maxLength={5000}
              rows={5}
              required
              aria-describedby={error ? 'reply-error' : undefined}
              aria-invalid={error ? true : undefined}
            />
            <div aria-live="polite">
              {error && (
                <p id="reply-error" className="error">
                  {error}
                </p>
              )}
              {sent && <p className="portal-found">{sent}</p>}
            </div>
            <p>
              <button type="submit" disabled={busy}>
                {busy ? 'Sending…' : 'Send reply'}
              </button>
            </p>
          </form>
        ) : (
          <p>
            This case is closed. If you need anything else, please{' '}
            <Link href="/request">make a new request</Link>.
          </p>
        )}
      </section>
    </>
  );
}
