/**
 * What changes a case's course: its status (with a reason; the server refuses to resolve while
 * required procedure steps are open, and says which), taking it, transferring it to another team
 * and escalating it — both with a reason.
 */
import { type FormEvent, useState } from 'react';
import { ApiError, patch, post } from '../../shared/api.ts';
import { useMe } from '../../shared/session.tsx';
import { RefusalBox, useSubmit } from './forms.tsx';
import { type CaseRecord, type CaseStatus, type Directory, NEXT_STATUS } from './types.ts';

export function CaseActions({
  kase,
  directory,
  onChanged,
  onBlocked,
}: {
  kase: CaseRecord;
  directory: Directory | null;
  onChanged: () => Promise<void>;
  onBlocked: (steps: readonly string[]) => void;
}) {
  const { me } = useMe();
  if (me.role === 'auditor')
    return (
      <section className="panel" aria-labelledby="actions-heading">
        <h2 id="actions-heading">Actions</h2>
        <p className="muted">Auditors read cases; they do not change them.</p>
      </section>
    );
  return (
    <section className="panel actions" aria-labelledby="actions-heading">
      <h2 id="actions-heading">Actions</h2>
      <StatusForm kase={kase} onChanged={onChanged} onBlocked={onBlocked} />
      {kase.assignee_id !== me.id && <TakeCase kase={kase} onChanged={onChanged} />}
      <TransferForm kase={kase} directory={directory} onChanged={onChanged} />
      <EscalateForm kase={kase} onChanged={onChanged} />
    </section>
  );
}

function StatusForm({
  kase,
  onChanged,
  onBlocked,
}: {
  kase: CaseRecord;
  onChanged: () => Promise<void>;
  onBlocked: (steps: readonly string[]) => void;
}) {
  const next = NEXT_STATUS[kase.status];
  const [to, setTo] = useState<CaseStatus | ''>('');
  const [reason, setReason] = useState('');
  const { busy, refusal, run } = useSubmit();
  const [done, setDone] = useState<string | null>(null);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!to) return;
    setDone(null);
    let blocked: string[] = [];
    const ok = await run(async () => {
      try {
        await patch(`/api/cases/${kase.id}`, {
          version: kase.version,
          status: to,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        });
      } catch (err) {
        const problems = err instanceof ApiError ? err.problems : [];
        blocked = problems
          .filter((p) => p.path.startsWith('procedure.'))
          .map((p) => p.path.slice('procedure.'.length));
        throw err;
      }
    });
    onBlocked(blocked);
    if (ok) {
      setDone(`Status is now ${to}.`);
      setTo('');
      setReason('');
    }
    await onChanged();
  }
  return (
    <form onSubmit={submit} className="action">
      <h3>Status</h3>
      <p className="muted">Now: {kase.status}</p>
      <label>
        Change status to
        <select value={to} onChange={(e) => setTo(e.target.value as CaseStatus | '')} required>
          <option value="">Choose…</option>
          {next.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        Reason
        <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
      </label>
      <RefusalBox refusal={refusal} title="The status did not change" />
      <button type="submit" disabled={busy}>
        Change status
      </button>
      {done && (
        <p role="status" className="muted">
          {done}
        </p>
      )}
    </form>
  );
}

function TakeCase({ kase, onChanged }: { kase: CaseRecord; onChanged: () => Promise<void> }) {
  const { me } = useMe();
  const { busy, refusal, run } = useSubmit();
  return (
    <div className="action">
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={async () => {
          if (await run(() => post(`/api/cases/${kase.id}/assign`, { assignee_id: me.id })))
            await onChanged();
        }}
      >
        Assign to me
      </button>
      <RefusalBox refusal={refusal} title="Not assigned" />
    </div>
  );
}

function TransferForm({
  kase,
  directory,
  onChanged,
}: {
  kase: CaseRecord;
  directory: Directory | null;
  onChanged: () => Promise<void>;
}) {
  const { busy, refusal, run } = useSubmit();
  const teams = (directory?.teams ?? []).filter((t) => t.id !== kase.team_id);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const ok = await run(() =>
      post(`/api/cases/${kase.id}/transfer`, {
        team_id: String(f.get('team_id') ?? ''),
        reason: String(f.get('reason') ?? '').trim(),
      }),
    );
    if (ok) {
      form.reset();
      await onChanged();
    }
  }
  return (
    <form onSubmit={submit} className="action">
      <h3>Transfer</h3>
      <label>
        To team
        <select name="team_id" required defaultValue="">
          <option value="">Choose…</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Reason for the transfer
        <input name="reason" required maxLength={500} />
      </label>
      <RefusalBox refusal={refusal} title="Not transferred" />
      <button type="submit" className="secondary" disabled={busy}>
        Transfer
      </button>
    </form>
  );
}

function EscalateForm({ kase, onChanged }: { kase: CaseRecord; onChanged: () => Promise<void> }) {
  const { busy, refusal, run } = useSubmit();
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const reason = String(new FormData(form).get('reason') ?? '').trim();
    const ok = await run(() => post(`/api/cases/${kase.id}/escalate`, { reason }));
    if (ok) {
      form.reset();
      await onChanged();
    }
  }
  return (
    <form onSubmit={submit} className="action">
      <h3>Escalate</h3>
      <p className="muted">
        Raises the priority one step ({kase.priority}
        {kase.priority === 'urgent' ? ', already the highest' : ''}) and re-targets the SLA clocks.
      </p>
      <label>
        Reason for escalating
        <input name="reason" required maxLength={500} />
      </label>
      <RefusalBox refusal={refusal} title="Not escalated" />
      <button type="submit" className="secondary" disabled={busy}>
        Escalate
      </button>
    </form>
  );
}
