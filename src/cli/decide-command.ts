/**
 * @module cli/decide-command
 * `charter decide <file|dir> --decision "<name>" --facts '<json>'`: prints one JSON object
 * `{"value", "matched", "warnings"}` (plus `error` when the decision could not be made).
 */
import { compileCharter } from '../policy/compile/charter.ts';
import type { PolicyDocument } from '../policy/model.ts';
import { parsePolicy } from '../policy/parse/index.ts';
import type { Io } from './lint-command.ts';
import { loadSources } from './load.ts';

export function decideCommand(
  paths: readonly string[],
  opts: { decision?: string; facts?: string },
  io: Io,
): number {
  if (paths.length === 0 || !opts.decision) {
    io.err('Usage: charter decide <file|dir> --decision "<name>" --facts \'<json>\'');
    return 2;
  }
  let facts: unknown = {};
  try {
    facts = JSON.parse(opts.facts ?? '{}');
  } catch (e) {
    io.err(`Unexpected --facts: ${(e as Error).message}, expected a JSON object`);
    return 2;
  }
  if (typeof facts !== 'object' || facts === null || Array.isArray(facts)) {
    io.err('Unexpected --facts, expected a JSON object');
    return 2;
  }
  const docs: PolicyDocument[] = [];
  for (const s of loadSources(paths)) {
    const r = parsePolicy(s.text, s.file);
    if (!r.ok) {
      for (const p of r.problems) io.err(`${p.file}:${p.position.line}:${p.position.column}  ${p.message}`);
      return 1;
    }
    docs.push(r.value);
  }
  const c = compileCharter(docs);
  if (!c.ok) {
    for (const p of c.problems.filter((x) => x.severity === 'error'))
      io.err(`${p.file}:${p.position.line}:${p.position.column}  ${p.message}`);
    return 1;
  }
  const e = c.value.evaluate(opts.decision, facts as Record<string, unknown>);
  const out: Record<string, unknown> = {
    value: e.value,
    matched: e.matched,
    warnings: e.warnings.map((w) => w.message),
  };
  if (e.error) out.error = e.error;
  io.out(JSON.stringify(out));
  return e.error ? 1 : 0;
}
