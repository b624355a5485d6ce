/** Loading state for the desk's pages, and the directory (teams and staff) shared by all of them. */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { ApiError, get } from '../../shared/api.ts';
import type { CatalogueEntry, Directory } from './types.ts';

export interface Loaded<T> {
  readonly data: T | null;
  readonly error: string | null;
  readonly loading: boolean;
  /** Loads again; resolves when the new data is in. */
  reload(): Promise<void>;
}

export function errorText(err: unknown): string {
  return err instanceof ApiError ? err.message : 'Could not reach the server.';
}

/**
 * Runs `load` when `key` changes (null: do nothing) and keeps the latest answer; a late answer
 * for an old key is dropped.
 */
export function useLoad<T>(key: string | null, load: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<{ key: string | null; data: T | null; error: string | null }>({
    key: null,
    data: null,
    error: null,
  });
  const [loading, setLoading] = useState(false);
  const latest = useRef(load);
  latest.current = load;
  const current = useRef(key);
  current.current = key;
  const run = useCallback(async () => {
    const k = current.current;
    if (k === null) return;
    setLoading(true);
    try {
      const data = await latest.current();
      if (current.current === k) setState({ key: k, data, error: null });
    } catch (err) {
      if (current.current === k)
        setState((s) => ({ key: k, data: s.key === k ? s.data : null, error: errorText(err) }));
    } finally {
      if (current.current === k) setLoading(false);
    }
  }, []);
  useEffect(() => {
    if (key !== null) void run();
  }, [key, run]);
  const fresh = state.key === key;
  return { data: fresh ? state.data : null, error: fresh ? state.error : null, loading, reload: run };
}

const DirectoryContext = createContext<Directory | null>(null);

export function DirectoryProvider({ children }: { children: ReactNode }) {
  const { data } = useLoad('directory', () => get<Directory>('/api/desk/directory'));
  return <DirectoryContext.Provider value={data}>{children}</DirectoryContext.Provider>;
}

/** Teams and staff of the organisation (null while loading). */
export function useDirectory(): Directory | null {
  return useContext(DirectoryContext);
}

let catalogueLoad: Promise<{ items: CatalogueEntry[] }> | null = null;

/** The decisions the charter offers (fetched once per page load; a failure is retried next time). */
export function loadCatalogue(): Promise<{ items: CatalogueEntry[] }> {
  catalogueLoad ??= get<{ items: CatalogueEntry[] }>('/api/decisions/catalogue').catch((err: unknown) => {
    catalogueLoad = null;
    throw err;
  });
  return catalogueLoad;
}

/** Whether a policy is published to the public or to staff only, from the catalogue. */
export function audienceOf(entries: readonly CatalogueEntry[], policyId: string): string | undefined {
  return entries.find((e) => e.policy.id === policyId)?.policy.audience;
}
