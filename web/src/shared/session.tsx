/**
 * Staff sign-in: who is signed in (GET /api/auth/me), the sign-in form, and signing out.
 * The CSRF token from sign-in lives in sessionStorage; a tab without it asks to sign in again.
 */
import {
  createContext,
  type FormEvent,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useState,
} from 'react';
import { ApiError, get, post, setCsrf } from './api.ts';
import type { Me } from './me.ts';

export type { Me } from './me.ts';

interface SessionValue {
  readonly me: Me;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function useMe(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useMe outside <RequireStaff>');
  return v;
}

/** Renders children once a staff member is signed in; otherwise the sign-in form. */
export function RequireStaff({ children, face }: { children: ReactNode; face: string }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const load = useCallback(async () => {
    if (!sessionStorage.getItem('charter.csrf')) return setMe(null);
    try {
      setMe(await get<Me>('/api/auth/me'));
    } catch {
      setMe(null);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const signOut = useCallback(async () => {
    try {
      await post('/api/auth/logout', {});
    } finally {
      setCsrf(null);
      setMe(null);
    }
  }, []);
  if (me === undefined)
    return (
      <p className="loading" role="status">
        Loading…
      </p>
    );
  if (me === null) return <SignIn face={face} onSignedIn={load} />;
  return <SessionContext.Provider value={{ me, signOut }}>{children}</SessionContext.Provider>;
}

function SignIn({ face, onSignedIn }: { face: string; onSignedIn: () => Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const r = await post<{ csrf_token: string }>('/api/auth/login', {
        org: String(f.get('org') ?? ''),
        email: String(f.get('email') ?? ''),
        password: String(f.get('password') ?? ''),
      });
      setCsrf(r.csrf_token);
      await onSignedIn();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not reach the server.');
    } finally {
      setBusy(false);
    }
  }
  return (
    <main className="signin">
      <h1>Sign in to the {face}</h1>
      <form onSubmit={submit} aria-describedby={error ? 'signin-error' : undefined}>
        <label>
          Organisation
          <input name="org" defaultValue="larkspur" required autoComplete="organization" />
        </label>
        <label>
          Email
          <input name="email" type="email" required autoComplete="username" />
        </label>
        <label>
          Password
          <input name="password" type="password" required autoComplete="current-password" />
        </label>
        {error && (
          <p id="signin-error" className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
