/**
 * Staff and teams: who signs in, with which role and team. Managers read; admins add people, change
 * a role or a team, deactivate a leaver (their sessions end at once), set a new password, and add or
 * rename teams. Every change is audited by the server.
 */
import { type FormEvent, useState } from 'react';
import { ApiError, get, patch, post } from '../../shared/api.ts';
import { useMe } from '../../shared/session.tsx';
import { errorText, useLoad, useTitle } from './data.ts';
import type { StaffList, StaffMember, StaffRole, TeamLine } from './types.ts';

const ROLES: readonly StaffRole[] = ['agent', 'manager', 'auditor', 'admin'];

/** The API's field problems by field name (`body.email` → `email`). */
function fieldProblems(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  return Object.fromEntries(err.problems.map((p) => [p.path.replace(/^body\./, ''), p.message]));
}

function RoleOptions() {
  return ROLES.map((r) => (
    <option key={r} value={r}>
      {r}
    </option>
  ));
}

/** "No team" and each team, for a member's team. */
function TeamOptions({ teams }: { teams: readonly TeamLine[] }) {
  return (
    <>
      <option value="">No team</option>
      {teams.map((t) => (
        <option key={t.id} value={t.id}>
          {t.name}
        </option>
      ))}
    </>
  );
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <span id={id} className="error small">
      {message}
    </span>
  ) : null;
}

function AddMember({ teams, onAdded }: { teams: readonly TeamLine[]; onAdded: (name: string) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const team = String(f.get('team_id') ?? '');
    setBusy(true);
    setError(null);
    setProblems({});
    try {
      const added = await post<StaffMember>('/api/staff', {
        email: String(f.get('email') ?? ''),
        name: String(f.get('name') ?? ''),
        role: String(f.get('role') ?? 'agent'),
        team_id: team === '' ? null : team,
        password: String(f.get('password') ?? ''),
      });
      form.reset();
      onAdded(added.name);
    } catch (err) {
      setError(errorText(err));
      setProblems(fieldProblems(err));
    } finally {
      setBusy(false);
    }
  }
  const describe = (field: string) => (problems[field] ? { 'aria-describedby': `add-${field}-error` } : {});
  return (
    <form className="panel stack" onSubmit={submit} aria-labelledby="add-title" noValidate>
      <h2 id="add-title">Add a member of staff</h2>
      <label>
        Email
        <input name="email" type="email" autoComplete="off" required {...describe('email')} />
        <FieldError id="add-email-error" message={problems.email} />
      </label>
      <label>
        Name
        <input name="name" autoComplete="off" required {...describe('name')} />
        <FieldError id="add-name-error" message={problems.name} />
      </label>
      <label>
        Role
        <select name="role" defaultValue="agent">
          <RoleOptions />
        </select>
      </label>
      <label>
        Team
        <select name="team_id" defaultValue="" {...describe('team_id')}>
          <TeamOptions teams={teams} />
        </select>
      </label>
      <label>
        First password (12 characters or more)
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          required
          {...describe('password')}
        />
        <FieldError id="add-password-error" message={problems.password} />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? 'Adding…' : 'Add'}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function MemberRow({
  m,
  teams,
  admin,
  self,
  onChanged,
}: {
  m: StaffMember;
  teams: readonly TeamLine[];
  admin: boolean;
  self: boolean;
  onChanged: (message: string) => Promise<void>;
}) {
  const [error, setError] = useState<string | null>(null);
  const [resetting, setResetting] = useState(false);
  const teamName = teams.find((t) => t.id === m.team_id)?.name ?? 'No team';
  async function change(body: Record<string, unknown>, message: string) {
    setError(null);
    try {
      const r = await patch<StaffMember & { cases_unassigned: number }>(
        `/api/staff/${encodeURIComponent(m.id)}`,
        body,
      );
      const released =
        r.cases_unassigned > 0
          ? ` ${r.cases_unassigned} open case${r.cases_unassigned === 1 ? '' : 's'} went back to the team queue.`
          : '';
      await onChanged(`${message}${released}`);
    } catch (err) {
      setError(errorText(err));
    }
  }
  async function reset(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const password = String(new FormData(e.currentTarget).get('password') ?? '');
    setError(null);
    try {
      await post<null>(`/api/staff/${encodeURIComponent(m.id)}/password`, { password });
      setResetting(false);
      await onChanged(`Set a new password for ${m.name}; their sessions have ended.`);
    } catch (err) {
      setError(fieldProblems(err).password ?? errorText(err));
    }
  }
  return (
    <tr data-member={m.email} className={m.active ? undefined : 'muted'}>
      <th scope="row">
        {m.name}
        {self && <span className="muted small"> (you)</span>}
      </th>
      <td>{m.email}</td>
      <td>
        {admin ? (
          <select
            aria-label={`Role of ${m.name}`}
            value={m.role}
            onChange={(e) => void change({ role: e.target.value }, `${m.name} is now ${e.target.value}.`)}
          >
            <RoleOptions />
          </select>
        ) : (
          m.role
        )}
      </td>
      <td>
        {admin ? (
          <select
            aria-label={`Team of ${m.name}`}
            value={m.team_id ?? ''}
            onChange={(e) =>
              void change(
                { team_id: e.target.value === '' ? null : e.target.value },
                `Moved ${m.name} to ${teams.find((t) => t.id === e.target.value)?.name ?? 'no team'}.`,
              )
            }
          >
            <TeamOptions teams={teams} />
          </select>
        ) : (
          teamName
        )}
      </td>
      <td>{m.active ? 'Active' : <span className="badge warn">Deactivated</span>}</td>
      {admin && (
        <td>
          <button
            type="button"
            onClick={() =>
              void change(
                { active: !m.active },
                m.active ? `Deactivated ${m.name}: their sessions have ended.` : `Reactivated ${m.name}.`,
              )
            }
          >
            {m.active ? 'Deactivate' : 'Reactivate'}
          </button>{' '}
          {resetting ? (
            <form className="inline" onSubmit={reset}>
              <label>
                New password for {m.name}
                <input name="password" type="password" autoComplete="new-password" required />
              </label>
              <button type="submit">Set</button>
              <button type="button" className="link" onClick={() => setResetting(false)}>
                Cancel
              </button>
            </form>
          ) : (
            <button type="button" onClick={() => setResetting(true)}>
              Reset password
            </button>
          )}
          {error && (
            <p className="error small" role="alert">
              {error}
            </p>
          )}
        </td>
      )}
    </tr>
  );
}

function Teams({
  teams,
  admin,
  onChanged,
}: {
  teams: readonly TeamLine[];
  admin: boolean;
  onChanged: (message: string) => Promise<void>;
}) {
  const [error, setError] = useState<string | null>(null);
  async function send(e: FormEvent<HTMLFormElement>, team: TeamLine | null) {
    e.preventDefault();
    const form = e.currentTarget;
    const name = String(new FormData(form).get('name') ?? '');
    setError(null);
    try {
      if (team) await patch<TeamLine>(`/api/teams/${encodeURIComponent(team.id)}`, { name });
      else await post<TeamLine>('/api/teams', { name });
      if (!team) form.reset();
      await onChanged(team ? `Renamed ${team.name} to ${name}.` : `Added the team ${name}.`);
    } catch (err) {
      setError(fieldProblems(err).name ?? errorText(err));
    }
  }
  return (
    <section aria-labelledby="teams-title">
      <h2 id="teams-title">Teams</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col">Active members</th>
            </tr>
          </thead>
          <tbody>
            {teams.map((t) => (
              <tr key={t.id}>
                <th scope="row">
                  {admin ? (
                    <form className="inline" onSubmit={(e) => void send(e, t)}>
                      <input
                        name="name"
                        defaultValue={t.name}
                        aria-label={`Name of the team ${t.name}`}
                        required
                      />
                      <button type="submit">Rename</button>
                    </form>
                  ) : (
                    t.name
                  )}
                </th>
                <td>{t.members}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {admin && (
        <form className="inline" onSubmit={(e) => void send(e, null)}>
          <label>
            New team
            <input name="name" required />
          </label>
          <button type="submit">Add team</button>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

export function StaffPage() {
  useTitle('Staff and teams');
  const { me } = useMe();
  const admin = me.role === 'admin';
  const list = useLoad('staff', () => get<StaffList>('/api/staff'));
  const [status, setStatus] = useState('');
  const changed = async (message: string) => {
    await list.reload();
    setStatus(message);
  };
  return (
    <main id="main" className="console">
      <h1>Staff and teams</h1>
      <p className="muted">
        {admin
          ? 'Deactivating someone ends their sessions and revokes their API tokens at once; the organisation always keeps an active admin.'
          : 'Only admins change staff and teams.'}
      </p>
      <p role="status" className="note">
        {status}
      </p>
      {list.error && (
        <p className="error" role="alert">
          {list.error}
        </p>
      )}
      {!list.data && !list.error && (
        <p className="loading" role="status">
          Loading…
        </p>
      )}
      {list.data && (
        <>
          <section aria-labelledby="people-title">
            <h2 id="people-title">People</h2>
            <div className="table-scroll">
              <table className="staff">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Role</th>
                    <th scope="col">Team</th>
                    <th scope="col">Status</th>
                    {admin && <th scope="col">Actions</th>}
                  </tr>
                </thead>
                <tbody>
                  {list.data.staff.map((m) => (
                    <MemberRow
                      key={m.id}
                      m={m}
                      teams={list.data?.teams ?? []}
                      admin={admin}
                      self={m.id === me.id}
                      onChanged={changed}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          {admin && <AddMember teams={list.data.teams} onAdded={(name) => void changed(`Added ${name}.`)} />}
          <Teams teams={list.data.teams} admin={admin} onChanged={changed} />
        </>
      )}
    </main>
  );
}
