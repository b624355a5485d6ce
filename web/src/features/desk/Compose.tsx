/**
 * Adding to a case: a reply to the customer, an internal note, or a call logged. Each submit carries
 * an Idempotency-Key, kept until it goes through, so a retry after a dropped answer adds nothing twice.
 */
import { type FormEvent, useState } from 'react';
import { post } from '../../shared/api.ts';
import { RefusalBox, useSubmit } from './forms.tsx';
import { newKey } from './util.ts';

type Mode = 'reply' | 'note' | 'call';

const MODES: readonly (readonly [Mode, string])[] = [
  ['reply', 'Reply to the customer'],
  ['note', 'Internal note'],
  ['call', 'Log a call'],
];

export function Compose({ caseId, onChanged }: { caseId: string; onChanged: () => Promise<void> }) {
  const [mode, setMode] = useState<Mode>('reply');
  const { busy, refusal, run, clear } = useSubmit();
  const [key, setKey] = useState(newKey);
  const [sent, setSent] = useState<string | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const headers = { 'idempotency-key': key };
    const ok = await run(async () => {
      if (mode === 'reply')
        await post(
          `/api/cases/${caseId}/messages`,
          { direction: 'out', body: String(f.get('body') ?? '') },
          headers,
        );
      else if (mode === 'note')
        await post(`/api/cases/${caseId}/notes`, { body: String(f.get('body') ?? '') }, headers);
      else
        await post(
          `/api/cases/${caseId}/calls`,
          {
            direction: String(f.get('direction') ?? 'out'),
            duration: `PT${Math.max(1, Math.round(Number(f.get('minutes') ?? 1)))}M`,
            summary: String(f.get('body') ?? ''),
          },
          headers,
        );
    });
    if (!ok) return;
    form.reset();
    setKey(newKey());
    setSent(mode === 'reply' ? 'Reply sent.' : mode === 'note' ? 'Note added.' : 'Call logged.');
    await onChanged();
  }

  return (
    <div className="compose">
      <fieldset className="modes">
        <legend>What to add</legend>
        {MODES.map(([m, text]) => (
          <label key={m} className="radio">
            <input
              type="radio"
              name="compose-mode"
              value={m}
              checked={mode === m}
              onChange={() => {
                setMode(m);
                clear();
                setSent(null);
              }}
            />
            {text}
          </label>
        ))}
      </fieldset>
      <form onSubmit={submit} key={mode}>
        {mode === 'call' && (
          <div className="row">
            <label>
              Who called
              <select name="direction" defaultValue="out">
                <option value="out">We called the customer</option>
                <option value="in">The customer called us</option>
              </select>
            </label>
            <label>
              Minutes
              <input name="minutes" type="number" min={1} max={600} defaultValue={5} required />
            </label>
          </div>
        )}
        <label>
          {mode === 'reply'
            ? 'Reply (the customer sees this)'
            : mode === 'note'
              ? 'Note (staff only)'
              : 'Call summary'}
          <textarea name="body" required maxLength={20000} />
        </label>
        <RefusalBox refusal={refusal} title="Not saved" />
        <div className="row">
          <button type="submit" disabled={busy}>
            {mode === 'reply' ? 'Send reply' : mode === 'note' ? 'Add note' : 'Log call'}
          </button>
          {sent && (
            <span role="status" className="muted">
              {sent}
            </span>
          )}
        </div>
      </form>
    </div>
  );
}
