/**
 * @module policy/compile/table
 * Lowers a decision table to IR (one FEEL parse per cell), types its columns, and generates one
 * plain JS function for it. The reference interpreter over the same IR sits beside it.
 */
import { genExpr, genTestBool, stringLiterals } from '../feel/codegen.ts';
import { evaluateExpr, runTest } from '../feel/interpret.ts';
import { type Expr, namesOf, type Test } from '../feel/ir.ts';
import { lowerExpression, lowerTests } from '../feel/lower.ts';
import { type FeelType, inferType, testValueTypes } from '../feel/types.ts';
import type { FeelValue } from '../feel/values.ts';
import { problem } from '../messages.ts';
import type { Cell, DecisionTableSection, HitPolicy, Problem } from '../model.ts';
import { aggregate, HIT_ERROR, type Match, type Priorities } from './aggregate.ts';
import { type BoundaryType, type Coercer, makeCoercer } from './coerce.ts';
import type { Environment } from './environment.ts';
import { feelTypeOf } from './environment.ts';
import {
  type DecisionRun,
  type Explain,
  type FastRun,
  makeReader,
  makeRuntime,
  readFact,
  supplied,
} from './runtime-object.ts';

export interface TableInput {
  readonly name: string;
  readonly expr: Expr;
  /** The fact name when the input is a plain name. */
  readonly fact: string | null;
  readonly type: BoundaryType;
  readonly allowed: Test | null;
  /** The allowed values when they are an enumeration of literals (used by lint). */
  readonly enumeration: readonly FeelValue[] | null;
  readonly cell: Cell;
}

export interface TableOutput {
  readonly name: string;
  readonly allowed: readonly FeelValue[] | null;
  readonly cell: Cell;
}

export interface TableRule {
  readonly number: number;
  readonly tests: readonly Test[];
  readonly outputs: readonly Expr[];
  readonly annotations: readonly string[];
  readonly cells: readonly Cell[];
  readonly outputCells: readonly Cell[];
}

export interface TableModel {
  readonly hitPolicy: HitPolicy;
  readonly inputs: readonly TableInput[];
  readonly outputs: readonly TableOutput[];
  readonly rules: readonly TableRule[];
}

export interface CompiledTable {
  readonly model: TableModel;
  readonly reads: ReadonlySet<string>;
  readonly run: DecisionRun;
  readonly fast: FastRun;
  readonly interpret: DecisionRun;
  readonly code: string;
}

function at(cell: Cell, offset: number) {
  return { line: cell.position.line, column: cell.position.column + offset };
}

function literalList(t: Test | null): FeelValue[] | null {
  if (!t) return null;
  const items = t.kind === 'disjunction' ? t.tests : [t];
  const out: FeelValue[] = [];
  for (const i of items) {
    if (i.kind !== 'equals') return null;
    const v = i.value;
    if (v.kind === 'literal') out.push(v.value);
    else if (v.kind === 'list' && v.items.every((x) => x.kind === 'literal'))
      out.push(...v.items.map((x) => (x.kind === 'literal' ? x.value : null)));
    else return null;
  }
  return out;
}

const SIMPLE_TYPES: readonly FeelType[] = ['number', 'string', 'boolean', 'date', 'date and time'];

/**
 * Compiles one decision table. Problems (FEEL syntax, type mismatches, hit-policy misuse) are
 * returned with the cell's position; the table is still compiled when they are only warnings.
 */
export function compileTable(
  section: DecisionTableSection,
  env: Environment,
  file: string | undefined,
): { table: CompiledTable | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const decision = section.name;
  const report = (code: Problem['code'], message: string, cell: Cell, offset = 0, rules?: number[]) =>
    problems.push(
      problem({ code, message, position: at(cell, offset), file, decision, ...(rules ? { rules } : {}) }),
    );
  const nameType = (n: string): FeelType => {
    const f = env.facts.get(n);
    return f ? feelTypeOf(f.type) : 'any';
  };

  // Inputs: the header expression, its allowed values, its type.
  const rawInputs = section.inputs.map((col) => {
    const cell: Cell = { text: col.name, position: col.position };
    const e = lowerExpression(col.name, env.names);
    let expr: Expr = { kind: 'name', name: col.name };
    if (e.ok) expr = e.value;
    else
      report(
        'feel-syntax',
        `${e.error.message}, expected an input name or FEEL expression`,
        cell,
        e.error.offset,
      );
    let allowed: Test | null = null;
    if (col.allowed) {
      const t = lowerTests(col.allowed.text, env.names);
      if (t.ok) allowed = t.value;
      else
        report('feel-syntax', `${t.error.message}, expected FEEL unary tests`, col.allowed, t.error.offset);
    }
    const fact = expr.kind === 'name' ? expr.name : null;
    return { name: col.name, expr, fact, allowed, cell, allowedText: col.allowed?.text };
  });

  // Rules: one FEEL parse per cell.
  const rules: TableRule[] = section.rules.map((r) => {
    const tests = r.inputs.map((cell) => {
      const t = lowerTests(cell.text, env.names);
      if (t.ok) return t.value;
      report('feel-syntax', `${t.error.message}, expected FEEL unary tests`, cell, t.error.offset, [
        r.number,
      ]);
      return { kind: 'any' } as Test;
    });
    const outputs = r.outputs.map((cell) => {
      const e = lowerExpression(cell.text === '' ? 'null' : cell.text, env.names);
      if (e.ok) return e.value;
      report('feel-syntax', `${e.error.message}, expected a FEEL expression`, cell, e.error.offset, [
        r.number,
      ]);
      return { kind: 'literal', value: null } as Expr;
    });
    return {
      number: r.number,
      tests,
      outputs,
      annotations: r.annotations.map((a) => a.text),
      cells: r.inputs,
      outputCells: r.outputs,
    };
  });

  // Column types: declared fact type, else the one type its allowed values / cells agree on.
  const inputs: TableInput[] = rawInputs.map((inp, i) => {
    let type: BoundaryType = 'any';
    const declared = inp.fact ? env.facts.get(inp.fact) : undefined;
    if (declared) type = declared.type;
    else if (inp.expr.kind !== 'name') type = inferType(inp.expr, nameType);
    else {
      const seen = new Set<FeelType>();
      if (inp.allowed) testValueTypes(inp.allowed, nameType, seen);
      for (const r of rules) {
        const t = r.tests[i];
        if (t) testValueTypes(t, nameType, seen);
      }
      seen.delete('null');
      const only = [...seen];
      if (only.length === 1 && SIMPLE_TYPES.includes(only[0] as FeelType)) type = only[0] as FeelType;
    }
    const allowed = inp.allowed ?? declared?.allowed ?? null;
    // Cells must compare with values of the column's type.
    const feelType = feelTypeOf(type);
    if (SIMPLE_TYPES.includes(feelType)) {
      rules.forEach((r) => {
        const t = r.tests[i];
        const cell = r.cells[i];
        if (!t || !cell) return;
        const seen = testValueTypes(t, nameType);
        for (const s of seen) {
          if (s === 'any' || s === 'null' || s === feelType || s === 'list') continue;
          report(
            'type-mismatch',
            `Unexpected ${s} in rule ${r.number} for ${inp.name}, expected a ${feelType} like the column`,
            cell,
            0,
            [r.number],
          );
        }
      });
    }
    return {
      name: inp.name,
      expr: inp.expr,
      fact: inp.fact,
      type,
      allowed,
      enumeration: literalList(allowed),
      cell: inp.cell,
      ...(inp.allowedText ? { allowedText: inp.allowedText } : {}),
    };
  });

  const outputs: TableOutput[] = section.outputs.map((col) => {
    const cell: Cell = { text: col.name, position: col.position };
    let allowed: FeelValue[] | null = null;
    if (col.allowed) {
      const t = lowerTests(col.allowed.text, env.names);
      if (!t.ok)
        report(
          'feel-syntax',
          `${t.error.message}, expected a list of output values`,
          col.allowed,
          t.error.offset,
        );
      else {
        allowed = literalList(t.value);
        if (!allowed)
          report('syntax', 'Unexpected output values, expected a list of literal values', col.allowed);
      }
    }
    return { name: col.name, allowed, cell };
  });

  const hp = section.hitPolicy;
  if ((hp === 'PRIORITY' || hp === 'OUTPUT ORDER') && outputs.every((o) => !o.allowed)) {
    const o = outputs[0] as TableOutput;
    report(
      'hit-policy',
      `Unexpected ${hp} without output values, expected → ${o.name}: "highest", …`,
      o.cell,
    );
  }
  if (hp.startsWith('COLLECT ') && outputs.length > 1) {
    report(
      'hit-policy',
      `Unexpected ${outputs.length} outputs under ${hp}, expected one`,
      outputs[1]?.cell ?? outputs[0]!.cell,
    );
  }

  if (problems.some((p) => p.severity === 'error')) return { table: null, problems };

  const model: TableModel = { hitPolicy: hp, inputs, outputs, rules };
  const reads = new Set<string>();
  for (const i of inputs) namesOf(i.expr, reads);
  for (const r of rules) {
    for (const t of r.tests) namesOf(t, reads);
    for (const o of r.outputs) namesOf(o, reads);
  }
  const { run, fast, code } = generate(model, env, section.name);
  return { table: { model, reads, run, fast, interpret: interpreter(model, env), code }, problems };
}

function coercersFor(model: TableModel): Coercer[] {
  return model.inputs.map((i) =>
    makeCoercer(
      i.name,
      i.type,
      i.allowed,
      (i as TableInput & { allowedText?: string }).allowedText,
      i.fact ?? i.name,
    ),
  );
}

function outputValue(model: TableModel, values: readonly FeelValue[]): FeelValue {
  if (model.outputs.length === 1) return values[0] ?? null;
  const o: Record<string, FeelValue> = {};
  model.outputs.forEach((out, k) => {
    o[out.name] = values[k] ?? null;
  });
  return o;
}

function priorities(model: TableModel): Priorities {
  return model.outputs.map((o) => o.allowed);
}

/** The reference interpreter: loop over rules, test every cell, aggregate. */
function interpreter(model: TableModel, env: Environment): DecisionRun {
  const coercers = coercersFor(model);
  const reader = makeReader(env);
  const names = model.outputs.map((o) => o.name);
  const prio = priorities(model);
  return (s, w, m) => {
    const scope = (n: string) => reader(n, s, w);
    const inputs = model.inputs.map((inp, i) => {
      const raw = inp.expr.kind === 'name' ? readFact(s, inp.expr.name) : evaluateExpr(inp.expr, scope);
      return (coercers[i] as Coercer)(raw, w);
    });
    if (m) m.inputs = inputs;
    // Read cells and outputs in the generated code's order, so warnings come out the same: FIRST
    // stops at its first match; UNIQUE evaluates its output after every test, and only when one matched.
    const unique = model.hitPolicy === 'UNIQUE';
    const output = (r: TableRule) =>
      outputValue(
        model,
        r.outputs.map((o) => evaluateExpr(o, scope)),
      );
    const matches: Match[] = [];
    for (const [idx, r] of model.rules.entries()) {
      if (!r.tests.every((t, i) => runTest(t, inputs[i], scope) === true)) continue;
      matches.push({ rule: idx, value: unique ? null : output(r) });
      if (model.hitPolicy === 'FIRST') break;
    }
    const only = matches[0];
    if (unique && only && matches.length === 1)
      matches[0] = { rule: only.rule, value: output(model.rules[only.rule] as TableRule) };
    const { value, used } = aggregate(model.hitPolicy, matches, names, prio);
    if (m) m.rules = [...used];
    return value;
  };
}

/** JS source of a primitive FEEL value, or null when it has none that reads back the same. */
function primitiveSource(v: FeelValue): string | null {
  if (v === null) return 'null';
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : Number.isFinite(v) ? String(v) : null;
  if (typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v);
  return null;
}

/**
 * Generates the table's JS, two functions over the same tests:
 *   - `decide(s, w, m)` for explained evaluation (warnings, matched rules, coerced inputs);
 *   - `fast(s)` for `evaluateValue` / `decisionFunction`: no warning sink, no explanation, null for
 *     facts that are not an object and for a broken hit policy.
 * Each input is read and type-checked once, up front (number columns keep the check in a local);
 * constant outputs are precomputed frozen values held in closure constants and returned as they are,
 * written as object literals so they have the shape a caller's own literal would.
 */
function generate(
  model: TableModel,
  env: Environment,
  name: string,
): { run: DecisionRun; fast: FastRun; code: string } {
  const K: unknown[] = [];
  const constant = (v: unknown) => {
    K.push(v);
    return `K[${K.length - 1}]`;
  };
  // Closure-level constants, one per distinct constant output.
  const head: string[] = [];
  const named = new Map<string, string>();
  const hoist = (source: string): string => {
    let local = named.get(source);
    if (!local) {
      local = `O${named.size}`;
      named.set(source, local);
      head.push(`const ${local} = ${source};`);
    }
    return local;
  };
  const ctxFor = (warnings: string) => ({
    name: (n: string) => `R(${JSON.stringify(n)}, s, ${warnings})`,
    constant,
  });
  const explained = ctxFor('w');
  const quick = ctxFor('null');

  const enumerations: (readonly FeelValue[] | null)[] = model.inputs.map(() => null);
  const isNumber: (string | null)[] = model.inputs.map(() => null);
  /** Reads and checks the inputs; `fast` has no warning sink and no explanation. */
  const readInputs = (fast: boolean): string[] => {
    const lines: string[] = [];
    const w = fast ? 'null' : 'w';
    model.inputs.forEach((inp, i) => {
      const v = `i${i}`;
      const fact = inp.expr.kind === 'name' ? inp.expr.name : null;
      const read = fact !== null ? `s[${JSON.stringify(fact)}]` : genExpr(inp.expr, fast ? quick : explained);
      // Off the fast path only: an inherited object or function (`constructor`, `toString`…) is no fact.
      const own = fact !== null ? `S(s, ${JSON.stringify(fact)}, ${v})` : v;
      const coerce = `C[${i}](${own}, ${w})`;
      const closed = inp.enumeration?.every((x) => typeof x === 'string') ? inp.enumeration : null;
      const within = (t: Test): boolean => {
        if (t.kind === 'any') return true;
        const strings = t.kind === 'not' ? stringLiterals(t.test) : stringLiterals(t);
        if (strings === null) return false;
        return strings.every((x) => closed?.includes(x));
      };
      const check = closed?.map((x) => `${v} === ${JSON.stringify(x)}`).join(' || ') || 'false';
      lines.push(`let ${v} = ${read};`);
      if (closed && model.rules.every((r) => within(r.tests[i] ?? { kind: 'any' }))) {
        // Cells only name allowed strings (not(…) becomes the other allowed values), so an unlisted
        // value can match nothing but "-": without warnings wanted, the check can be skipped; only a
        // missing value must become null.
        const missing =
          fact !== null
            ? `if (typeof ${v} !== "string" && ${v} !== null) ${v} = ${own} ?? null;`
            : `if (${v} === undefined) ${v} = null;`;
        lines.push(fast ? missing : `if (w !== null) { if (!(${check})) ${v} = ${coerce}; } else ${missing}`);
        enumerations[i] = closed;
        return;
      }
      let ok: string;
      if (closed) ok = check;
      else if (inp.type === 'number' && !inp.allowed) {
        // The check is kept in a local: the rules' numeric tests read it instead of repeating typeof.
        isNumber[i] = `n${i}`;
        lines.push(
          `let n${i} = typeof ${v} === "number" && ${v} - ${v} === 0;`,
          `if (!n${i}) { ${v} = ${coerce}; n${i} = typeof ${v} === "number"; }`,
        );
        return;
      } else if (inp.type === 'string' && !inp.allowed) ok = `typeof ${v} === "string"`;
      else if (inp.type === 'boolean' && !inp.allowed) ok = `typeof ${v} === "boolean"`;
      else ok = 'false';
      lines.push(ok === 'false' ? `${v} = ${coerce};` : `if (!(${ok})) ${v} = ${coerce};`);
    });
    if (!fast && model.inputs.length)
      lines.push(`if (m) m.inputs = [${model.inputs.map((_, i) => `i${i}`).join(', ')}];`);
    return lines;
  };

  const cond = (r: TableRule, fast: boolean) =>
    r.tests
      .map((t, i) =>
        t.kind === 'any'
          ? ''
          : genTestBool(t, `i${i}`, fast ? quick : explained, enumerations[i] ?? null, isNumber[i] ?? null),
      )
      .filter(Boolean)
      .join(' && ') || 'true';
  const constantSource = (r: TableRule): string => {
    const values = r.outputs.map((o) => (o.kind === 'literal' ? o.value : null));
    const v = outputValue(model, values);
    if (v === null || typeof v !== 'object') return primitiveSource(v) ?? constant(v);
    const entries = model.outputs.map((o, k) => [o.name, primitiveSource(values[k] ?? null)] as const);
    if (model.outputs.length > 1 && entries.every(([n, src]) => n !== '__proto__' && src !== null))
      return hoist(
        `Object.freeze({ ${entries.map(([n, src]) => `${JSON.stringify(n)}: ${src}`).join(', ')} })`,
      );
    return hoist(constant(Object.freeze(v)));
  };
  // Constant outputs, by rule: both functions return the very same value.
  const constants = new Map<TableRule, string>();
  const constantOut = (r: TableRule): string => {
    let src = constants.get(r);
    if (src === undefined) {
      src = constantSource(r);
      constants.set(r, src);
    }
    return src;
  };
  const outExpr = (r: TableRule, fast: boolean) => {
    const ctx = fast ? quick : explained;
    if (r.outputs.every((o) => o.kind === 'literal')) return constantOut(r);
    if (model.outputs.length === 1) return genExpr(r.outputs[0] as Expr, ctx);
    return `{ ${model.outputs.map((o, k) => `${JSON.stringify(o.name)}: ${genExpr(r.outputs[k] as Expr, ctx)}`).join(', ')} }`;
  };

  const hp = model.hitPolicy;
  const body = (fast: boolean): string[] => {
    const lines = readInputs(fast);
    const rules = (idx: number[]) => (fast ? '' : `if (m) m.rules = [${idx.join(', ')}]; `);
    if (hp === 'FIRST') {
      for (const [idx, r] of model.rules.entries()) {
        const c = cond(r, fast);
        const hit = `${rules([idx])}return ${outExpr(r, fast)};`;
        if (c === 'true') return [...lines, hit]; // later rules are unreachable
        lines.push(`if (${c}) { ${hit} }`);
      }
      lines.push(`${rules([])}return null;`);
    } else if (hp === 'UNIQUE') {
      lines.push(fast ? 'let hit = -1;' : 'let hit = -1, n = 0;');
      for (const [idx, r] of model.rules.entries()) {
        // Without warnings to report, a second match settles it: the answer is null.
        lines.push(
          fast
            ? `if (${cond(r, fast)}) { if (hit >= 0) return null; hit = ${idx}; }`
            : `if (${cond(r, fast)}) { hit = ${idx}; n++; }`,
        );
      }
      if (!fast) {
        lines.push('if (n > 1) { if (m) m.rules = rt.matching(null, s, w); return HIT; }');
        lines.push('if (m) m.rules = hit < 0 ? [] : [hit];');
      }
      lines.push('switch (hit) {');
      for (const [idx, r] of model.rules.entries()) lines.push(`case ${idx}: return ${outExpr(r, fast)};`);
      lines.push('default: return null; }');
    } else {
      lines.push('const ms = [];');
      for (const [idx, r] of model.rules.entries())
        lines.push(`if (${cond(r, fast)}) ms.push({ rule: ${idx}, value: ${outExpr(r, fast)} });`);
      lines.push(`const a = rt.aggregate(${JSON.stringify(hp)}, ms, ON, P);`);
      lines.push(
        fast ? 'return a.value === HIT ? null : a.value;' : 'if (m) m.rules = a.used;\nreturn a.value;',
      );
    }
    return lines;
  };

  const decideBody = body(false).join('\n  ');
  const fastBody = [
    'if (typeof s !== "object" || s === null || Array.isArray(s)) return null;',
    ...body(true),
  ].join('\n  ');
  const code = [
    `// decision: ${name}`,
    ...head,
    `function decide(s, w, m) {\n  ${decideBody}\n}`,
    `function fast(s) {\n  ${fastBody}\n}`,
    'return { decide, fast };',
  ].join('\n');
  // When UNIQUE is broken, the explanation lists every matching rule: the interpreter finds them.
  const allMatches = interpreter({ ...model, hitPolicy: 'RULE ORDER' }, env);
  // It re-reads the inputs, so it reports no warnings: the generated code already has.
  const matching = (s: Readonly<Record<string, unknown>>) => {
    const ex: Explain = { inputs: [], rules: [] };
    allMatches(s, null, ex);
    return ex.rules;
  };
  const factory = new Function('rt', 'K', 'C', 'R', 'S', 'HIT', 'ON', 'P', code) as (...args: unknown[]) => {
    decide: DecisionRun;
    fast: FastRun;
  };
  const made = factory(
    {
      ...makeRuntime(),
      matching: (_: unknown, s: Readonly<Record<string, unknown>>) => matching(s),
    },
    K,
    coercersFor(model),
    makeReader(env),
    supplied,
    HIT_ERROR,
    model.outputs.map((o) => o.name),
    priorities(model),
  );
  return { run: made.decide, fast: made.fast, code };
}
