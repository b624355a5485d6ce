/**
 * @module charter/import-charter
 * Imports policy documents as published versions (used for the demo company and `charter import`).
 */
import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/index.ts';
import { parsePolicy } from '../policy/parse/index.ts';
import type { DialectName } from '../store/dialect.ts';
import { newId } from '../store/ids.ts';
import type { Database } from '../store/schema.ts';

export interface SourceDocument {
  readonly file: string;
  readonly text: string;
}

/**
 * Stores each document as a published policy version.
 * @throws Error naming the file and line when a document does not parse.
 */
export async function importCharter(
  trx: Transaction<Database>,
  dialect: DialectName,
  orgId: string,
  sources: readonly SourceDocument[],
  actorId: string | null,
  now: number,
): Promise<number> {
  for (const s of sources) {
    const p = parsePolicy(s.text, s.file);
    if (!p.ok) {
      const first = p.problems[0];
      throw new Error(`${s.file}:${first?.position.line}:${first?.position.column} ${first?.message}`);
    }
    const m = p.value.meta;
    const id = newId();
    await trx
      .insertInto('policy_versions')
      .values({
        org_id: orgId,
        id,
        policy_id: m.policy,
        version: m.version,
        title: m.title,
        audience: m.audience,
        effective: m.effective,
        state: 'published',
        source: s.text,
        created_at: now,
        published_at: now,
        published_by: actorId,
      })
      .execute();
    await appendAudit(trx, dialect, {
      orgId,
      actorType: actorId ? 'user' : 'system',
      actorId,
      action: 'policy_version.published',
      entity: 'policy_version',
      entityId: id,
      data: { policy: m.policy, version: m.version, effective: m.effective },
      at: now,
    });
  }
  return sources.length;
}
