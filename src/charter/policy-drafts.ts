/**
 * @module charter/policy-drafts
 * Drafts: a new version of a policy saved from its Markdown source (it must parse), and edits to a
 * draft until it is published. The version number is the policy's next; the source's front matter
 * `version:` is set to it, so the stored text always says which version it is.
 */
import { appendAudit } from '../audit/index.ts';
import type { PolicyMeta } from '../policy/model.ts';
import { parsePolicy } from '../policy/parse/index.ts';
import { AppError } from '../server/errors.ts';
import { lockOrg } from '../store/dialect.ts';
import { newId } from '../store/ids.ts';
import type { PolicyVersionTable } from '../store/schema.ts';
import type { PolicyChangeContext } from './policy-context.ts';
import { versionRow } from './policy-context.ts';
import { sourceHash } from './policy-library.ts';

/** Longest policy source accepted (characters). */
export const MAX_POLICY_SOURCE = 200_000;

/** Sets the front matter's `version:` line to `version` (adds it when missing). */
export function withVersion(source: string, version: number): string {
  const text = source.replace(/\r\n?/g, '\n');
  const m = /^---\n([\s\S]*?)\n---/.exec(text);
  if (!m) return text;
  const fm = m[1] ?? '';
  const next = /^version:.*$/m.test(fm)
    ? fm.replace(/^version:.*$/m, `version: ${version}`)
    : `${fm}\nversion: ${version}`;
  return `---\n${next}\n---${text.slice(m[0].length)}`;
}

/**
 * Parses a source as a version of `policyId`.
 * @throws AppError `policy-error` (422) with `body.source` problems when it does not parse or names
 * another policy.
 */
export function parseDraft(
  policyId: string,
  source: string,
  version: number,
): { source: string; meta: PolicyMeta } {
  const text = withVersion(source, version);
  const parsed = parsePolicy(text);
  if (!parsed.ok) {
    throw new AppError(
      'policy-error',
      'The policy does not parse; fix the problems and save again.',
      parsed.problems
        .filter((p) => p.severity === 'error')
        .slice(0, 50)
        .map((p) => ({
          path: 'body.source',
          message: `Line ${p.position.line}, column ${p.position.column}: ${p.message}`,
        })),
    );
  }
  const meta = parsed.value.meta;
  if (meta.policy !== policyId)
    throw new AppError('policy-error', `The front matter names policy ${meta.policy}, not ${policyId}.`, [
      { path: 'body.source', message: `Unexpected policy: ${meta.policy}, expected policy: ${policyId}` },
    ]);
  return { source: text, meta };
}

/**
 * Saves a new draft version of a policy (a new policy when the id is new).
 * @throws AppError `policy-error` when the source does not parse or names another policy.
 */
export async function createDraft(
  ctx: PolicyChangeContext,
  policyId: string,
  source: string,
): Promise<PolicyVersionTable> {
  const { trx, actor } = ctx;
  // Serialise version numbering per organisation (PostgreSQL; SQLite transactions are serial already).
  await lockOrg(trx, ctx.dialect, actor.orgId);
  const last = await trx
    .selectFrom('policy_versions')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('org_id', '=', actor.orgId)
    .where('policy_id', '=', policyId)
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  const draft = parseDraft(policyId, source, version);
  const row: PolicyVersionTable = {
    org_id: actor.orgId,
    id: newId(),
    policy_id: policyId,
    version,
    title: draft.meta.title,
    audience: draft.meta.audience,
    effective: draft.meta.effective,
    state: 'draft',
    source: draft.source,
    created_at: ctx.now,
    published_at: null,
    published_by: null,
  };
  await trx.insertInto('policy_versions').values(row).execute();
  await appendAudit(trx, ctx.dialect, {
    orgId: actor.orgId,
    actorType: 'user',
    actorId: actor.userId,
    action: 'policy_version.drafted',
    entity: 'policy_version',
    entityId: row.id,
    data: { policy: policyId, version, effective: row.effective, source_hash: sourceHash(row.source) },
    at: ctx.now,
  });
  return row;
}

/**
 * Replaces the source of a draft.
 * @throws AppError `not-found`; `invalid-transition` when the version is not a draft;
 * `version-conflict` when `baseHash` is not the hash of the stored source; `policy-error`.
 */
export async function updateDraft(
  ctx: PolicyChangeContext,
  policyId: string,
  version: number,
  source: string,
  baseHash: string | undefined,
): Promise<PolicyVersionTable> {
  const { trx, actor } = ctx;
  await lockOrg(trx, ctx.dialect, actor.orgId);
  const row = await versionRow(trx, actor.orgId, policyId, version);
  if (row.state !== 'draft')
    throw new AppError(
      'invalid-transition',
      `Version ${version} of ${policyId} is ${row.state}; published versions never change. Save a new draft instead.`,
    );
  if (baseHash !== undefined && baseHash !== sourceHash(row.source))
    throw new AppError(
      'version-conflict',
      'The draft changed since you loaded it; reload it to see the changes.',
      [
        {
          path: 'body.base_hash',
          message: 'Unexpected base_hash, expected the hash of the draft as stored now',
        },
      ],
    );
  const draft = parseDraft(policyId, source, version);
  await trx
    .updateTable('policy_versions')
    .set({
      source: draft.source,
      title: draft.meta.title,
      audience: draft.meta.audience,
      effective: draft.meta.effective,
    })
    .where('org_id', '=', actor.orgId)
    .where('id', '=', row.id)
    .execute();
  await appendAudit(trx, ctx.dialect, {
    orgId: actor.orgId,
    actorType: 'user',
    actorId: actor.userId,
    action: 'policy_version.draft_updated',
    entity: 'policy_version',
    entityId: row.id,
    data: {
      policy: policyId,
      version,
      effective: draft.meta.effective,
      source_hash: sourceHash(draft.source),
      previous_hash: sourceHash(row.source),
    },
    at: ctx.now,
  });
  return {
    ...row,
    source: draft.source,
    title: draft.meta.title,
    audience: draft.meta.audience,
    effective: draft.meta.effective,
  };
}
