/**
 * @module policy
 * The charter engine's public face: parse policy documents, compile them to plain JS functions,
 * evaluate decisions with explanations, lint and diff. Pure: no I/O, no clock reads.
 */
export type { Charter, CompiledDecision, Evaluation, MatchedRule } from './compile/charter.ts';
export { compileCharter } from './compile/charter.ts';
export type { Warning } from './compile/coerce.ts';
export { sortProblems } from './messages.ts';
export type * from './model.ts';
export { parsePolicy } from './parse/index.ts';
