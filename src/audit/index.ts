/**
 * @module audit
 * The append-only, hash-chained record of every change.
 */
export { type AuditEvent, appendAudit, type VerifyResult, verifyAudit } from './audit-log.ts';
export { type ExportedEntry, exportAudit } from './export-audit.ts';
export { entryHash, GENESIS } from './hash.ts';
export { type AuditEntry, type AuditFilter, type AuditPage, listAudit } from './list-audit.ts';
