/**
 * @module cli/lint-command
 * `charter lint <files|dirs> [--format json] [--today YYYY-MM-DD]`: exit 1 when there are errors.
 */
import { lintSources } from '../policy/lint/index.ts';
import type { Problem } from '../policy/model.ts';
import { loadSources } from './load.ts';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function asJson(p: Problem) {
  return {
    file: p.file ?? null,
    line: p.position.line,
    column: p.position.column,
    severity: p.severity,
    code: p.code,
    message: p.message,
    decision: p.decision ?? null,
    rules: p.rules ?? [],
    example: p.example ?? null,
  };
}

export function lintCommand(
  paths: readonly string[],
  opts: { format?: string; today?: string },
  io: Io,
): number {
  if (paths.length === 0) {
    io.err('Usage: charter lint <files|dirs> [--format json] [--today YYYY-MM-DD]');
    return 2;
  }
  const sources = loadSources(paths);
  const problems = lintSources(sources, { today: opts.today ?? localToday() });
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (opts.format === 'json') io.out(JSON.stringify({ problems: problems.map(asJson) }));
  else {
    for (const p of problems) {
      const where = `${p.file ?? '<input>'}:${p.position.line}:${p.position.column}`;
      const example = p.code === 'gap' && p.example ? ` e.g. ${JSON.stringify(p.example)}` : '';
      io.out(`${where}  ${p.severity.padEnd(7)}  ${p.message}${example}  [${p.code}]`);
    }
    const warnings = problems.length - errors;
    io.out(
      problems.length === 0
        ? `${sources.length} document${sources.length === 1 ? '' : 's'} checked: no problems`
        : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
    );
  }
  return errors > 0 ? 1 : 0;
}
