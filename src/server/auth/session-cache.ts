/**
 * @module server/auth/session-cache
 * Every signed-in request looks its session up. On SQLite a read outside a write transaction
 * opens a read transaction of its own (a lock on the shared WAL index), which cost more than the
 * rest of a typical request's reads together; so on SQLite a session found is kept for a moment.
 *
 * What keeps this safe: only sessions found are kept (a new sign-in is always read); signing out
 * forgets the session at once; expiry is still checked on every request; users' roles, active
 * flags and passwords change only through the staff routes, which forget that user's sessions here;
 * and an entry lives at most `SESSION_MEMORY_MS`, which bounds what another process writing the same
 * file (a second server, the CLI) could leave stale. PostgreSQL deployments run several processes,
 * so there nothing is kept.
 * Entries are found by the token itself (process memory only; the store keeps hashes), and remember
 * the CSRF token the session last proved, so that a write need not hash either again.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Store } from '../../store/index.ts';
import type { Role } from '../../store/schema.ts';

export interface SessionRow {
  readonly user_id: string;
  readonly role: Role;
  readonly disabled: number;
  readonly expires_at: number;
  readonly csrf_hash: string;
}

/** How long a session found stays remembered (real time, not the deciding clock). */
export const SESSION_MEMORY_MS = 2_000;
const MAX_SESSIONS = 10_000;

/** A session as remembered: its row, and the CSRF token it last proved against the row's hash. */
export interface KeptSession {
  readonly row: SessionRow;
  readonly until: number;
  csrf?: string;
}

/** Per store, by session token (in memory only: the store keeps only hashes). */
const caches = new WeakMap<Store, Map<string, KeptSession>>();

/** The session remembered for this token, if any and still fresh. */
export function rememberedSession(store: Store, token: string): KeptSession | undefined {
  const cache = caches.get(store);
  const kept = cache?.get(token);
  if (kept === undefined) return undefined;
  if (kept.until < performance.now()) {
    cache!.delete(token);
    return undefined;
  }
  return kept;
}

/** Remembers a session just read (SQLite only: undefined on PostgreSQL). */
export function rememberSession(store: Store, token: string, row: SessionRow): KeptSession | undefined {
  if (store.dialect !== 'sqlite') return undefined;
  let cache = caches.get(store);
  if (cache === undefined) {
    cache = new Map();
    caches.set(store, cache);
  }
  if (cache.size >= MAX_SESSIONS) cache.clear();
  const kept: KeptSession = { row, until: performance.now() + SESSION_MEMORY_MS };
  cache.set(token, kept);
  return kept;
}

/** Whether `csrf` is the token this session already proved (compared in constant time). */
export function provedCsrf(kept: KeptSession | undefined, csrf: string): boolean {
  const known = kept?.csrf;
  if (known === undefined || known.length !== csrf.length) return false;
  return timingSafeEqual(Buffer.from(known), Buffer.from(csrf));
}

/** Called when a session ends, before it is answered. */
export function forgetSession(store: Store, token: string): void {
  caches.get(store)?.delete(token);
}

/** Called when a user's role, active flag or password changes: their remembered sessions go. */
export function forgetUserSessions(store: Store, userId: string): void {
  const cache = caches.get(store);
  if (cache === undefined) return;
  for (const [token, kept] of cache) if (kept.row.user_id === userId) cache.delete(token);
}
