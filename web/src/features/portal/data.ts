/** Loading public data: the organisation the portal is about, and a small fetch-into-state hook. */
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { ApiError, get } from '../../shared/api.ts';
import type { PublicOrg } from './types.ts';

const ORG_KEY = 'charter.portal.org';

/** The slug the address names (`?org=`), remembered for this tab; null for the portal's default. */
function wantedSlug(): string | null {
  const fromQuery = new URLSearchParams(window.location.search).get('org');
  if (fromQuery) {
    sessionStorage.setItem(ORG_KEY, fromQuery);
    return fromQuery;
  }
  return sessionStorage.getItem(ORG_KEY);
}

let orgPromise: Promise<PublicOrg> | null = null;

/** The organisation this portal shows (asked once per page load). */
export function portalOrg(): Promise<PublicOrg> {
  if (!orgPromise) {
    const slug = wantedSlug();
    orgPromise = get<{ org: PublicOrg }>(
      `/api/public/org${slug ? `?slug=${encodeURIComponent(slug)}` : ''}`,
    ).then(
      (r) => r.org,
      (e: unknown) => {
        orgPromise = null;
        throw e;
      },
    );
  }
  return orgPromise;
}

export interface Loaded<T> {
  readonly data: T | null;
  readonly error: string | null;
  /** HTTP status of the failure, when there was an answer. */
  readonly status: number | null;
  reload(): void;
  set(value: T): void;
}

/** Runs `load` on mount (and when `key` changes), keeping its answer or its failure. */
export function useLoad<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<number | null>(null);
  const [round, setRound] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what `load` fetches
  useEffect(() => {
    let live = true;
    setError(null);
    load().then(
      (d) => {
        if (live) setData(d);
      },
      (e: unknown) => {
        if (!live) return;
        setStatus(e instanceof ApiError ? e.status : null);
        setError(e instanceof ApiError ? e.message : 'We could not reach the server. Please try again.');
      },
    );
    return () => {
      live = false;
    };
  }, [key, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, status, reload, set: setData };
}

/** Sets the document title while a page is shown. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}

/** Lets a page name the organisation in the banner (a private link knows its own). */
export const BrandContext = createContext<(name: string | null) => void>(() => {});

export function useBrand(name: string | null): void {
  const setBrand = useContext(BrandContext);
  useEffect(() => setBrand(name), [setBrand, name]);
}
