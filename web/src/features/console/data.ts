/** Loading helpers for the console's pages. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../shared/api.ts';

export interface Loaded<T> {
  readonly data: T | null;
  readonly error: string | null;
  readonly status: number | null;
  reload(): Promise<void>;
}

export function errorText(err: unknown): string {
  return err instanceof ApiError ? err.message : 'Could not reach the server.';
}

/** Runs `load` whenever `key` changes and keeps the latest answer (a late answer for an old key is dropped). */
export function useLoad<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<{
    key: string;
    data: T | null;
    error: string | null;
    status: number | null;
  }>({ key: '', data: null, error: null, status: null });
  const latest = useRef(load);
  latest.current = load;
  const current = useRef(key);
  current.current = key;
  const run = useCallback(async () => {
    const k = current.current;
    try {
      const data = await latest.current();
      if (current.current === k) setState({ key: k, data, error: null, status: 200 });
    } catch (err) {
      if (current.current === k)
        setState({
          key: k,
          data: null,
          error: errorText(err),
          status: err instanceof ApiError ? err.status : null,
        });
    }
  }, []);
  useEffect(() => {
    void key;
    void run();
  }, [key, run]);
  const fresh = state.key === key;
  return {
    data: fresh ? state.data : null,
    error: fresh ? state.error : null,
    status: fresh ? state.status : null,
    reload: run,
  };
}

/** Sets the document title while a page is shown. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Charter console`;
  }, [title]);
}

export const canWrite = (role: string): boolean => role === 'manager' || role === 'admin';

export const policyPath = (id: string): string => `/api/policies/${encodeURIComponent(id)}`;
