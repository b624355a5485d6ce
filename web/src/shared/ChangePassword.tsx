/**
 * Changing one's own password, from the staff top bar (desk and console alike): the current
 * password, then the new one. The server ends the person's other sessions; this one stays.
 */
import { type FormEvent, useState } from 'react';
import { ApiError, post } from './api.ts';

export function ChangePassword({ onClose }: { onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await post<null>('/api/auth/password', {
        current_password: String(f.get('current') ?? ''),
        new_password: String(f.get('new') ?? ''),
      });
      setDone(true);
    } catch (err) {
      setError(
        err instanceof ApiError
          ? err.problems.map((p) => p.message).join('; ') || err.message
          : 'Could not reach the server.',
      );
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="panel password-panel" aria-labelledby="password-title">
      <h2 id="password-title">Change my password</h2>
      {done ? (
        <p role="status">Password changed. Your other sessions have ended; this one stays signed in.</p>
      ) : (
        <form className="inline" onSubmit={submit}>
          <label>
            Current password
            <input name="current" type="password" autoComplete="current-password" required />
          </label>
          <label>
            New password (12 characters or more)
            <input name="new" type="password" autoComplete="new-password" required minLength={12} />
          </label>
          <button type="submit" disabled={busy}>
            {busy ? 'Changing…' : 'Change password'}
          </button>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="link" onClick={onClose}>
        Close
      </button>
    </section>
  );
}
