/**
 * @module audit/hash
 * The hash of an audit entry covers the previous entry's hash and this entry's fields, in a fixed
 * order, so any edit, deletion or reordering breaks the chain from that point on.
 */
import { hash } from 'node:crypto';

export const GENESIS = '0'.repeat(64);

export interface HashedFields {
  readonly orgId: string;
  readonly seq: number;
  readonly id: string;
  readonly at: number;
  readonly actorType: string;
  readonly actorId: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  /** JSON text exactly as stored. */
  readonly data: string;
}

/**
 * @example entryHash(GENESIS, { orgId, seq: 1, … }) // 64 hex characters
 */
export function entryHash(prevHash: string, f: HashedFields): string {
  const canonical = JSON.stringify([
    prevHash,
    f.orgId,
    f.seq,
    f.id,
    f.at,
    f.actorType,
    f.actorId,
    f.action,
    f.entity,
    f.entityId,
    f.data,
  ]);
  return hash('sha256', canonical);
}
