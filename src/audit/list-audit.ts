/**
 * @module audit/list-audit
 * Reading the audit log: newest first, a page at a time (by sequence number), filtered by what
 * changed (entity and its id), the action, who did it and when. Each entry comes with both of its
 * hashes, so a reader can check the chain across the entries they were shown.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

export interface AuditFilter {
  readonly entity?: string | undefined;
  readonly entityId?: string | undefined;
  readonly action?: string | undefined;
  readonly actorId?: string | undefined;
  /** Epoch ms, inclusive. */
  readonly from?: number | undefined;
  /** Epoch ms, exclusive. */
  readonly to?: number | undefined;
}

export interface AuditEntry {
  readonly seq: number;
  readonly id: string;
  readonly at: number;
  readonly actorType: string;
  readonly actorId: string | null;
  /** The user's name when the actor is a member of staff. */
  readonly actorName: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly data: unknown;
  readonly prevHash: string;
  readonly hash: string;
}

export interface AuditPage {
  readonly items: readonly AuditEntry[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  readonly nextBefore: number | null;
}

/**
 * @example const page = await listAudit(db, orgId, { entityId: caseId }, 50);
 */
export async function listAudit(
  db: Kysely<Database>,
  orgId: string,
  filter: AuditFilter,
  limit: number,
  before?: number,
): Promise<AuditPage> {
  // Walks the (org_id, seq) key backwards; the filters are checked on the way.
  let q = db
    .selectFrom('audit_log')
    .leftJoin('users', (j) =>
      j.onRef('users.org_id', '=', 'audit_log.org_id').onRef('users.id', '=', 'audit_log.actor_id'),
    )
    .select([
      'audit_log.seq',
      'audit_log.id',
      'audit_log.at',
      'audit_log.actor_type',
      'audit_log.actor_id',
      'users.name as actor_name',
      'audit_log.action',
      'audit_log.entity',
      'audit_log.entity_id',
      'audit_log.data',
      'audit_log.prev_hash',
      'audit_log.hash',
    ])
    .where('audit_log.org_id', '=', orgId);
  if (before !== undefined) q = q.where('audit_log.seq', '<', before);
  if (filter.entity !== undefined) q = q.where('audit_log.entity', '=', filter.entity);
  if (filter.entityId !== undefined) q = q.where('audit_log.entity_id', '=', filter.entityId);
  if (filter.action !== undefined) q = q.where('audit_log.action', '=', filter.action);
  if (filter.actorId !== undefined) q = q.where('audit_log.actor_id', '=', filter.actorId);
  if (filter.from !== undefined) q = q.where('audit_log.at', '>=', filter.from);
  if (filter.to !== undefined) q = q.where('audit_log.at', '<', filter.to);
  const rows = await q
    .orderBy('audit_log.seq', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      seq: r.seq,
      id: r.id,
      at: r.at,
      actorType: r.actor_type,
      actorId: r.actor_id,
      actorName: r.actor_type === 'user' ? (r.actor_name ?? null) : null,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      data: JSON.parse(r.data) as unknown,
      prevHash: r.prev_hash,
      hash: r.hash,
    })),
    nextBefore: rows.length > limit ? (page.at(-1)?.seq ?? null) : null,
  };
}
