/**
 * The case timeline, oldest first: messages, calls, notes, status changes, decisions, approvals,
 * procedure steps, follow-ups and amendments. Every body is what a person or the system wrote, shown
 * as text (React escapes it; nothing is parsed as HTML). Written entries can be amended, never edited.
 */
import { type FormEvent, useState } from 'react';
import { post } from '../../shared/api.ts';
import { dateTime } from '../../shared/format.ts';
import { RefusalBox, useSubmit } from './forms.tsx';
import type { Directory, Entry } from './types.ts';
import { newKey, staffName } from './util.ts';

const AMENDABLE = new Set(['message_in', 'message_out', 'call', 'note', 'amendment']);

function label(e: Entry): string {
  const d = e.data;
  switch (e.kind) {
    case 'message_in':
      return 'Customer message';
    case 'message_out':
      return e.visibility === 'public' ? 'Reply to the customer' : 'Internal message';
    case 'call':
      return `Call ${d.direction === 'in' ? 'from the customer' : 'to the customer'}${typeof d.duration === 'string' ? ` (${d.duration.replace(/^PT/, '').toLowerCase()})` : ''}`;
    case 'note':
      return 'Internal note';
    case 'status_change':
      return d.created ? 'Case opened' : 'Status change';
    case 'assignment':
      return 'Assignment';
    case 'transfer':
      return 'Transfer';
    case 'escalation':
      return 'Escalation';
    case 'decision':
      return `Decision${typeof d.decision === 'string' ? `: ${d.decision}` : ''}`;
    case 'approval':
      return `Approval ${typeof d.state === 'string' ? d.state : ''}`.trim();
    case 'procedure_step':
      return 'Procedure step done';
    case 'follow_up':
      return 'Follow-up';
    case 'sla':
      return 'SLA';
    case 'amendment':
      return 'Amendment';
    default:
      return e.kind.replace(/_/g, ' ');
  }
}

function who(e: Entry, directory: Directory | null): string {
  if (e.actor_type === 'customer') return 'Customer';
  if (e.actor_type === 'system') return 'Charter';
  return staffName(directory, e.actor_id);
}

export function Timeline({
  caseId,
  entries,
  directory,
  onChanged,
}: {
  caseId: string;
  entries: readonly Entry[];
  directory: Directory | null;
  onChanged: () => Promise<void>;
}) {
  const [amending, setAmending] = useState<string | null>(null);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const amendedBy = new Map<string, Entry[]>();
  for (const e of entries)
    if (e.amends_id) amendedBy.set(e.amends_id, [...(amendedBy.get(e.amends_id) ?? []), e]);
  if (entries.length === 0) return <p className="muted">Nothing on the timeline yet.</p>;
  return (
    <ol className="timeline" aria-label="Case timeline">
      {entries.map((e) => {
        const original = e.amends_id ? byId.get(e.amends_id) : undefined;
        const amendments = amendedBy.get(e.id) ?? [];
        const state =
          e.kind === 'decision' ? e.data.approval_state : e.kind === 'approval' ? e.data.state : null;
        return (
          <li
            key={e.id}
            className={`entry entry-${e.kind.replace(/_/g, '-')} ${e.visibility}`}
            data-kind={e.kind}
          >
            <p className="entry-head">
              <strong>{label(e)}</strong> <span className="muted">by {who(e, directory)}</span>{' '}
              <time dateTime={e.created_at} className="muted">
                {dateTime(e.created_at)}
              </time>{' '}
              {e.visibility === 'internal' && <span className="badge neutral">internal</span>}{' '}
              {state === 'pending' && <span className="badge warn">approval pending</span>}
              {state === 'approved' && <span className="badge ok">approved</span>}
              {state === 'denied' && <span className="badge bad">denied</span>}
              {amendments.length > 0 && <span className="badge neutral">amended</span>}
            </p>
            {original && (
              <p className="muted amends">
                Corrects the {label(original).toLowerCase()} of {dateTime(original.created_at)}
                {typeof e.data.reason === 'string' ? ` — ${e.data.reason}` : ''}
              </p>
            )}
            <p className="body">{e.body}</p>
            {AMENDABLE.has(e.kind) &&
              (amending === e.id ? (
                <AmendForm
                  caseId={caseId}
                  entry={e}
                  onDone={async (saved) => {
                    setAmending(null);
                    if (saved) await onChanged();
                  }}
                />
              ) : (
                <button
                  type="button"
                  className="secondary small"
                  onClick={() => setAmending(e.id)}
                  aria-label={`Amend the ${label(e).toLowerCase()} of ${dateTime(e.created_at)}`}
                >
                  Amend
                </button>
              ))}
          </li>
        );
      })}
    </ol>
  );
}

function AmendForm({
  caseId,
  entry,
  onDone,
}: {
  caseId: string;
  entry: Entry;
  onDone: (saved: boolean) => Promise<void>;
}) {
  const { busy, refusal, run } = useSubmit();
  const [key] = useState(newKey);
  async function submit(ev: FormEvent<HTMLFormElement>) {
    ev.preventDefault();
    const f = new FormData(ev.currentTarget);
    const reason = String(f.get('reason') ?? '').trim();
    const ok = await run(() =>
      post(
        `/api/cases/${caseId}/entries/${entry.id}/amend`,
        { body: String(f.get('body') ?? ''), ...(reason ? { reason } : {}) },
        { 'idempotency-key': key },
      ),
    );
    if (ok) await onDone(true);
  }
  return (
    <form onSubmit={submit} className="amend-form">
      <label>
        Corrected text
        <textarea name="body" defaultValue={entry.body} required maxLength={20000} />
      </label>
      <label>
        Why (optional)
        <input name="reason" maxLength={500} />
      </label>
      <RefusalBox refusal={refusal} title="Not amended" />
      <div className="row">
        <button type="submit" disabled={busy}>
          Save amendment
        </button>
        <button type="button" className="secondary" onClick={() => void onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
