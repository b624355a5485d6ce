/**
 * @module cases/portal-token
 * The customer's private link to a case. The token is random and carries its organisation id (so a
 * look-up never crosses organisations); only its SHA-256 hash is stored, and the raw token is shown
 * once, when the case is created.
 */
import { createHash, randomBytes } from 'node:crypto';

/**
 * A new portal token for a case of `orgId`.
 * @example newPortalToken(orgId) // '0199…-….Xy3…'
 */
export function newPortalToken(orgId: string): string {
  return `${orgId}.${randomBytes(32).toString('base64url')}`;
}

/**
 * What `cases.portal_token_hash` holds for a token.
 * @example hashPortalToken(token).length // 64
 */
export function hashPortalToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The organisation a portal token claims (check the hash before trusting it), or `null`. */
export function orgOfPortalToken(token: string): string | null {
  const dot = token.indexOf('.');
  return dot > 0 ? token.slice(0, dot) : null;
}
