/**
 * @module cli/diff-command
 * `charter diff <old> <new> [--format json]`: what changed between two versions of a charter.
 */
import { compileCharter } from '../policy/compile/charter.ts';
import { diffCharters } from '../policy/diff/index.ts';
import type { PolicyDocument } from '../policy/model.ts';
import { parsePolicy } from '../policy/parse/index.ts';
import type { Io } from './lint-command.ts';
import { loadSources } from './load.ts';

function load(path: string, io: Io) {
  const docs: PolicyDocument[] = [];
  for (const s of loadSources([path])) {
    const r = parsePolicy(s.text, s.file);
    if (!r.ok) {
      for (const p of r.problems) io.err(`${p.file}:${p.position.line}:${p.position.column}  ${p.message}`);
      return null;
    }
    docs.push(r.value);
  }
  const c = compileCharter(docs);
  if (!c.ok) {
    for (const p of c.problems) io.err(`${p.file}:${p.position.line}:${p.position.column}  ${p.message}`);
    return null;
  }
  return c.value;
}

export function diffCommand(paths: readonly string[], opts: { format?: string }, io: Io): number {
  const [oldPath, newPath] = paths;
  if (!oldPath || !newPath) {
    io.err('Usage: charter diff <old> <new> [--format json]');
    return 2;
  }
  const before = load(oldPath, io);
  const after = load(newPath, io);
  if (!before || !after) return 1;
  const diffs = diffCharters(before, after).filter((d) => d.status !== 'unchanged');
  if (opts.format === 'json') {
    io.out(JSON.stringify({ decisions: diffs }));
    return 0;
  }
  if (diffs.length === 0) io.out('No decision changed.');
  for (const d of diffs) {
    io.out(`${d.status.toUpperCase()} ${d.decision}`);
    if (d.hitPolicy) io.out(`  hit policy: ${d.hitPolicy.before} → ${d.hitPolicy.after}`);
    for (const r of d.rules) {
      const when = r.conditions.join(' | ');
      if (r.kind === 'added') io.out(`  + rule ${r.after}: ${when} → ${r.outputsAfter?.join(', ')}`);
      else if (r.kind === 'removed') io.out(`  - rule ${r.before}: ${when} → ${r.outputsBefore?.join(', ')}`);
      else
        io.out(
          `  ~ rule ${r.before}→${r.after}: ${when} → ${r.outputsBefore?.join(', ')}  now  ${r.outputsAfter?.join(', ')}`,
        );
    }
    for (const o of d.outcomes)
      io.out(
        `  example ${JSON.stringify(o.facts)}: ${JSON.stringify(o.before)} → ${JSON.stringify(o.after)}`,
      );
  }
  return 0;
}
