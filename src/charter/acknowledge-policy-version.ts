/**
 * @module charter/acknowledge-policy-version
 * Staff acknowledge each published version they have read. Acknowledging twice keeps the first.
 */
import { appendAudit } from '../audit/index.ts';
import { AppError } from '../server/errors.ts';
import { type PolicyChangeContext, versionRow } from './policy-context.ts';

/**
 * Records that the actor has read a published version.
 * @throws AppError `not-found`; `invalid-transition` for a draft.
 * @example await acknowledgePolicyVersion(ctx, 'refunds', 3) // { acknowledgedAt, created: true }
 */
export async function acknowledgePolicyVersion(
  ctx: PolicyChangeContext,
  policyId: string,
  version: number,
): Promise<{ acknowledgedAt: number; created: boolean }> {
  const { trx, actor } = ctx;
  const row = await versionRow(trx, actor.orgId, policyId, version);
  if (row.state === 'draft')
    throw new AppError(
      'invalid-transition',
      `Version ${version} of ${policyId} is a draft; only published versions are acknowledged.`,
    );
  const existing = await trx
    .selectFrom('acknowledgements')
    .select(['acknowledged_at'])
    .where('org_id', '=', actor.orgId)
    .where('policy_version_id', '=', row.id)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  if (existing) return { acknowledgedAt: Number(existing.acknowledged_at), created: false };
  const inserted = await trx
    .insertInto('acknowledgements')
    .values({
      org_id: actor.orgId,
      policy_version_id: row.id,
      user_id: actor.userId,
      acknowledged_at: ctx.now,
    })
    .onConflict((oc) => oc.columns(['org_id', 'policy_version_id', 'user_id']).doNothing())
    .executeTakeFirst();
  // A concurrent acknowledgement by the same person won the race: theirs stands.
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0)
    return { acknowledgedAt: ctx.now, created: false };
  await appendAudit(trx, ctx.dialect, {
    orgId: actor.orgId,
    actorType: 'user',
    actorId: actor.userId,
    action: 'policy_version.acknowledged',
    entity: 'policy_version',
    entityId: row.id,
    data: { policy: policyId, version },
    at: ctx.now,
  });
  return { acknowledgedAt: ctx.now, created: true };
}
