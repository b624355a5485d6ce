/**
 * @module charter/publish-policy-version
 * Publishing a draft: it must lint without errors together with the other documents in force, and
 * take effect today or later (the organisation's calendar). The version published before it stays
 * in history (and in force until the new effective date); published versions not yet in force that
 * the new one supersedes are retired, so they never take over later.
 */
import { appendAudit } from '../audit/index.ts';
import { AppError } from '../server/errors.ts';
import { lockOrg } from '../store/dialect.ts';
import type { PolicyVersionTable } from '../store/schema.ts';
import { lintPolicySource } from './lint-policy-source.ts';
import { orgToday, type PolicyChangeContext, versionRow } from './policy-context.ts';
import { metaOf } from './policy-library.ts';

export interface Published {
  readonly version: PolicyVersionTable;
  /** Versions retired because the new one supersedes them before they took effect. */
  readonly retired: readonly number[];
}

/**
 * Publishes a draft version.
 * @throws AppError `not-found`; `invalid-transition` when it is not a draft; `conflict` when a newer
 * version is already published; `policy-error` (422) when lint finds errors or the effective date is past.
 */
export async function publishPolicyVersion(
  ctx: PolicyChangeContext,
  policyId: string,
  version: number,
): Promise<Published> {
  const { trx, actor } = ctx;
  await lockOrg(trx, ctx.dialect, actor.orgId);
  const row = await versionRow(trx, actor.orgId, policyId, version);
  if (row.state !== 'draft')
    throw new AppError('invalid-transition', `Version ${version} of ${policyId} is already ${row.state}.`);
  const siblings = await trx
    .selectFrom('policy_versions')
    .select(['id', 'version', 'state', 'effective'])
    .where('org_id', '=', actor.orgId)
    .where('policy_id', '=', policyId)
    .execute();
  const newer = siblings.find((s) => s.state !== 'draft' && s.version > version);
  if (newer)
    throw new AppError(
      'conflict',
      `Version ${newer.version} of ${policyId} is already ${newer.state}; save this text as a new draft to publish it.`,
    );
  const lint = await lintPolicySource(trx, actor.orgId, row.source, ctx.now);
  const errors = [...lint.diagnostics, ...lint.elsewhere].filter((d) => d.severity === 'error');
  if (errors.length > 0)
    throw new AppError(
      'policy-error',
      `Not published: lint found ${errors.length} error${errors.length === 1 ? '' : 's'}. Fix them and publish again.`,
      errors.slice(0, 50).map((d) => ({
        path: 'source',
        message: `${d.file ? `${d.file} ` : ''}line ${d.line}, column ${d.column}: ${d.message} (${d.rule})`,
      })),
    );
  const meta = metaOf(row.source);
  const effective = meta?.effective ?? row.effective;
  const today = await orgToday(trx, actor.orgId, ctx.now);
  if (effective < today)
    throw new AppError(
      'policy-error',
      `The effective date ${effective} is in the past; published policies take effect today (${today}) or later.`,
      [{ path: 'source', message: `Unexpected effective: ${effective}, expected ${today} or later` }],
    );
  await trx
    .updateTable('policy_versions')
    .set({ state: 'published', effective, published_at: ctx.now, published_by: actor.userId })
    .where('org_id', '=', actor.orgId)
    .where('id', '=', row.id)
    .execute();
  const superseded = siblings.filter(
    (s) => s.state === 'published' && s.effective > today && s.effective >= effective,
  );
  for (const s of superseded) {
    await trx
      .updateTable('policy_versions')
      .set({ state: 'retired' })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', s.id)
      .execute();
    await appendAudit(trx, ctx.dialect, {
      orgId: actor.orgId,
      actorType: 'user',
      actorId: actor.userId,
      action: 'policy_version.retired',
      entity: 'policy_version',
      entityId: s.id,
      data: { policy: policyId, version: s.version, superseded_by: version },
      at: ctx.now,
    });
  }
  await appendAudit(trx, ctx.dialect, {
    orgId: actor.orgId,
    actorType: 'user',
    actorId: actor.userId,
    action: 'policy_version.published',
    entity: 'policy_version',
    entityId: row.id,
    data: {
      policy: policyId,
      version,
      effective,
      warnings: lint.warnings,
      retired: superseded.map((s) => s.version),
    },
    at: ctx.now,
  });
  return {
    version: { ...row, state: 'published', effective, published_at: ctx.now, published_by: actor.userId },
    retired: superseded.map((s) => s.version),
  };
}
