/**
 * One's own API tokens, from the staff top bar: create one (shown once: only its hash is kept),
 * see the ones made before, revoke one.
 */
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api, get, post } from './api.ts';
import { dateTime } from './format.ts';
import type { Token } from './tokens.ts';

export function ApiTokens() {
  const [tokens, setTokens] = useState<readonly Token[] | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setTokens((await get<{ items: Token[] }>('/api/tokens')).items);
    } catch {
      setError('Could not load your tokens.');
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  async function create(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    setError(null);
    try {
      const r = await post<{ token: string }>('/api/tokens', {
        name: String(new FormData(form).get('name') ?? ''),
      });
      setCreated(r.token);
      form.reset();
      await load();
    } catch {
      setError('Give the token a name (up to 100 characters).');
    }
  }
  async function revoke(id: string) {
    setError(null);
    try {
      await api<null>('DELETE', `/api/tokens/${encodeURIComponent(id)}`);
      await load();
    } catch {
      setError('Could not revoke the token.');
    }
  }
  return (
    <section aria-labelledby="tokens-title">
      <h3 id="tokens-title">My API tokens</h3>
      <form className="inline" onSubmit={create}>
        <label>
          Name of a new token
          <input name="name" required maxLength={100} placeholder="e.g. shop integration" />
        </label>
        <button type="submit">Create token</button>
      </form>
      {created && (
        <p role="status">
          Your new token (shown once; send it as <code>Authorization: Bearer …</code>):{' '}
          <code className="token">{created}</code>
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {tokens !== null && tokens.length > 0 && (
        <ul className="tokens">
          {tokens.map((t) => (
            <li key={t.id}>
              {t.name} <span className="muted small">made {dateTime(t.created_at)}</span>{' '}
              {t.revoked_at ? (
                <span className="muted small">revoked {dateTime(t.revoked_at)}</span>
              ) : (
                <button type="button" onClick={() => void revoke(t.id)}>
                  Revoke {t.name}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
