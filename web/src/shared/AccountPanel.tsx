/**
 * The staff top bar's account panel (desk and console alike): changing one's own password (the
 * current one, then the new one; the server ends the person's other sessions, this one stays) and
 * one's API tokens.
 */
import { type FormEvent, useState } from 'react';
import { ApiTokens } from './ApiTokens.tsx';
import { ApiError, post } from './api.ts';

export function AccountPanel({ onClose }: { onClose: () => void }) {
  return (
    <section className="panel account-panel" aria-labelledby="account-title">
      <h2 id="account-title">My account</h2>
      <ChangePassword />
      <ApiTokens />
      <button type="button" className="link" onClick={onClose}>
        Close
      </button>
    </section>
  );
}

export function ChangePassword() {
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
    <section aria-labelledby="password-title">
      <h3 id="password-title">Change my password</h3>
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
    </section>
  );
}
