/**
 * @module store/ids
 * Record ids are UUIDv7: opaque, unique across processes, and sortable by creation time.
 */
import { v7 } from 'uuid';

/** A new record id. */
export function newId(): string {
  return v7();
}
