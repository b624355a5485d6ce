/**
 * @module policy/compile/literal
 * A decision written as one FEEL expression (a fenced `feel` block).
 */
import { genExpr } from '../feel/codegen.ts';
import { evaluateExpr } from '../feel/interpret.ts';
import { type Expr, namesOf } from '../feel/ir.ts';
import { lowerExpression } from '../feel/lower.ts';
import { problem } from '../messages.ts';
import type { LiteralDecisionSection, Problem } from '../model.ts';
import type { Environment } from './environment.ts';
import { type DecisionRun, makeReader, makeRuntime } from './runtime-object.ts';

export interface CompiledLiteral {
  readonly expr: Expr;
  readonly reads: ReadonlySet<string>;
  readonly run: DecisionRun;
  readonly interpret: DecisionRun;
  readonly code: string;
}

/** Compiles a literal decision; a FEEL error comes back with the line and column inside the block. */
export function compileLiteral(
  section: LiteralDecisionSection,
  env: Environment,
  file: string | undefined,
): { literal: CompiledLiteral | null; problems: Problem[] } {
  const text = section.expression.text;
  const r = lowerExpression(text, env.names);
  if (!r.ok) {
    const before = text.slice(0, r.error.offset).split('\n');
    const line = section.expression.position.line + before.length - 1;
    const column =
      (before.length === 1 ? section.expression.position.column : 1) + (before.at(-1)?.length ?? 0);
    return {
      literal: null,
      problems: [
        problem({
          code: 'feel-syntax',
          message: `${r.error.message}, expected a FEEL expression`,
          position: { line, column },
          file,
          decision: section.name,
        }),
      ],
    };
  }
  const K: unknown[] = [];
  const ctx = {
    name: (n: string) => `R(${JSON.stringify(n)}, s, w)`,
    constant: (v: unknown) => {
      K.push(v);
      return `K[${K.length - 1}]`;
    },
  };
  const code = `// decision: ${section.name}\nreturn function decide(s, w, m) {\n  if (m) m.rules = [];\n  return ${genExpr(r.value, ctx)};\n};`;
  const reader = makeReader(env);
  const run = (new Function('rt', 'K', 'R', code) as (...a: unknown[]) => DecisionRun)(
    makeRuntime(),
    K,
    reader,
  );
  const expr = r.value;
  const interpret: DecisionRun = (s, w, m) => {
    if (m) m.rules = [];
    return evaluateExpr(expr, (n) => reader(n, s, w));
  };
  return { literal: { expr, reads: namesOf(expr), run, interpret, code }, problems: [] };
}
