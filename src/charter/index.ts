/**
 * @module charter
 * Policy versions of an organisation: importing, and the charter in force on a date.
 */
export { type CharterInForce, charterInForce } from './charter-in-force.ts';
export { importCharter, type SourceDocument } from './import-charter.ts';
