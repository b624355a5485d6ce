/**
 * @module portal/reissue-link
 * A new private link for a case, replacing the old one. Used when a filing is retried with the same
 * Idempotency-Key: the first answer's link was never stored (only its hash), so the retry — which
 * only the original requester can make, knowing the key and the exact request — gets a fresh link.
 */
import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/index.ts';
import { hashPortalToken, newPortalToken } from '../cases/index.ts';
import type { DialectName } from '../store/dialect.ts';
import type { Database } from '../store/schema.ts';

/**
 * Replaces the case's link and returns the new token (shown once).
 * @example const token = await reissueLink(trx, 'sqlite', orgId, caseId, now)
 */
export async function reissueLink(
  trx: Transaction<Database>,
  dialect: DialectName,
  orgId: string,
  caseId: string,
  now: number,
): Promise<string> {
  const token = newPortalToken(orgId, caseId);
  const updated = await trx
    .updateTable('cases')
    .set({ portal_token_hash: hashPortalToken(token) })
    .where('org_id', '=', orgId)
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new Error(`case ${caseId} vanished`);
  await appendAudit(trx, dialect, {
    orgId,
    actorType: 'customer',
    actorId: null,
    action: 'case.portal_link_reissued',
    entity: 'case',
    entityId: caseId,
    data: { reason: 'filing retried with the same Idempotency-Key' },
    at: now,
  });
  return token;
}
