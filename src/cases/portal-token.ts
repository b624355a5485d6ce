/**
 * @module cases/portal-token
 * The customer's private link to a case: `<org id>.<case id>.<secret>`. The ids say where to look (a
 * look-up never crosses organisations and finds the case by its key); the secret is 32 random bytes,
 * and only the SHA-256 hash of the whole token is stored, so the raw token is shown once, when the
 * case is created. Links issued before the case id was part of them (`<org id>.<secret>`) still open
 * their case, by the hash alone.
 */
import { hash, randomFillSync, timingSafeEqual } from 'node:crypto';

// Random bytes drawn in blocks: one system call per 128 tokens rather than one each.
const pool = Buffer.allocUnsafe(32 * 128);
let used = pool.length;

function secret(): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const s = pool.toString('base64url', used, used + 32);
  used += 32;
  return s;
}

/**
 * A new portal token for case `caseId` of `orgId`.
 * @example newPortalToken(orgId, caseId) // '0199…-….0199…-….Xy3…'
 */
export function newPortalToken(orgId: string, caseId: string): string {
  return `${orgId}.${caseId}.${secret()}`;
}

/**
 * What `cases.portal_token_hash` holds for a token.
 * @example hashPortalToken(token).length // 64
 */
export function hashPortalToken(token: string): string {
  return hash('sha256', token);
}

/** Whether `token` is the one whose hash is stored (in constant time). */
export function portalTokenMatches(token: string, storedHash: string | null): boolean {
  if (storedHash === null) return false;
  const a = Buffer.from(hashPortalToken(token));
  const b = Buffer.from(storedHash);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The organisation a portal token claims (check the hash before trusting it), or `null`. */
export function orgOfPortalToken(token: string): string | null {
  const dot = token.indexOf('.');
  return dot > 0 ? token.slice(0, dot) : null;
}

/** The case a portal token claims, or `null` for a link of the older two-part form. */
export function caseOfPortalToken(token: string): string | null {
  const parts = token.split('.');
  return parts.length === 3 && parts[1] !== '' ? (parts[1] ?? null) : null;
}
