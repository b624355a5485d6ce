/**
 * Differential property tests: the generated code (`evaluate`), the reference interpreter
 * (`interpret`) and the fast path (`evaluateValue`) must agree on every table and every fact set.
 * Tables are generated in the Markdown grammar (random columns, cells, outputs, hit policies), so
 * the whole pipeline — parse, lower, type, generate — is exercised, not just the IR.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Charter, Evaluation } from './compile/charter.ts';
import { toJson } from './feel/values.ts';
import { compileCharter, type HitPolicy, type PolicyDocument, parsePolicy } from './index.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

// ---------------------------------------------------------------------------------------------
// Comparison

/** JSON-like normal form: -0 is 0, undefined keys dropped (what a caller would serialise). */
function norm(value: unknown): unknown {
  if (typeof value === 'number') return Object.is(value, -0) ? 0 : value;
  if (Array.isArray(value)) return value.map(norm);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = norm(v);
    return out;
  }
  return value;
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => {
      if (v === undefined) return '<undefined>';
      if (typeof v === 'number' && !Number.isFinite(v)) return `<${v}>`;
      if (typeof v === 'bigint') return `<${v}n>`;
      return v;
    });
  } catch {
    return String(value);
  }
}

/** Deep equality of normal forms (plain JSON-like data, so a stable serialisation will do). */
function same(a: unknown, b: unknown): boolean {
  return show(norm(a)) === show(norm(b));
}

/** Runs the three paths and throws with the first disagreement, both sides shown. */
function agree(charter: Charter, decision: string, facts: Readonly<Record<string, unknown>>): Evaluation {
  const generated = charter.evaluate(decision, facts);
  const interpreted = charter.interpret(decision, facts);
  if (!same(generated, interpreted))
    throw new Error(
      `evaluate and interpret disagree on ${decision} with facts ${show(facts)}\n  evaluate:  ${show(norm(generated))}\n  interpret: ${show(norm(interpreted))}`,
    );
  const fast = toJson(charter.evaluateValue(decision, facts));
  if (!same(fast, generated.value))
    throw new Error(
      `evaluateValue and evaluate disagree on ${decision} with facts ${show(facts)}\n  evaluateValue: ${show(norm(fast))}\n  evaluate:      ${show(norm(generated.value))}`,
    );
  return generated;
}

// ---------------------------------------------------------------------------------------------
// Table generator

type Kind = 'number' | 'string' | 'boolean' | 'date';

interface InputSpec {
  readonly name: string;
  readonly kind: Kind;
  /** Allowed values written in the header (`Name: …`), if any. */
  readonly allowed: string | null;
  /** The string column's enumeration (cells draw from it). */
  readonly values: readonly string[];
}

interface OutputSpec {
  readonly name: string;
  /** Declared output values (priority order), as FEEL literals. */
  readonly values: readonly string[] | null;
}

interface TableSpec {
  readonly hitPolicy: HitPolicy;
  readonly inputs: readonly InputSpec[];
  readonly outputs: readonly OutputSpec[];
  readonly rules: readonly { readonly inputs: readonly string[]; readonly outputs: readonly string[] }[];
  /** Declare the inputs in a Facts table (typed boundary, reader coercion in output expressions). */
  readonly declare: boolean;
  /** Write the hit policy as its one-letter DMN abbreviation. */
  readonly abbreviate: boolean;
}

const HIT_POLICIES: readonly HitPolicy[] = [
  'UNIQUE',
  'FIRST',
  'PRIORITY',
  'ANY',
  'COLLECT',
  'COLLECT SUM',
  'COLLECT MIN',
  'COLLECT MAX',
  'COLLECT COUNT',
  'RULE ORDER',
  'OUTPUT ORDER',
];
const ABBREVIATION: Record<HitPolicy, string> = {
  UNIQUE: 'U',
  FIRST: 'F',
  PRIORITY: 'P',
  ANY: 'A',
  COLLECT: 'C',
  'COLLECT SUM': 'C+',
  'COLLECT MIN': 'C<',
  'COLLECT MAX': 'C>',
  'COLLECT COUNT': 'C#',
  'RULE ORDER': 'R',
  'OUTPUT ORDER': 'O',
};

const INPUT_NAMES = [
  'Amount',
  'Days since delivery',
  'Order total',
  'Score',
  'Tier',
  'Customer tier',
  'Is member',
  'Due date',
  'Start',
  'Age',
  'Risk-level',
  'x',
] as const;
const OUTPUT_NAMES = ['Outcome', 'Refund percent', 'Level', 'Note', 'Approved/Declined'] as const;
const STRINGS = ['gold', 'silver', 'bronze', 'a', 'b', 'new', 'x y', 'É"q'] as const;
/** Small integers and a few awkward decimals, so facts land on, just inside and just outside bounds. */
const number = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -3, max: 15 }) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 120 }) },
  { weight: 1, arbitrary: fc.constantFrom(0.5, 99.99, 0.1, 1e21, -1e-7, 2.5) },
);
const day = fc.integer({ min: 0, max: 400 });

function isoDay(offset: number): string {
  return new Date(Date.UTC(2024, 0, 1 + offset)).toISOString().slice(0, 10);
}
function feelString(s: string): string {
  return JSON.stringify(s);
}
function numText(n: number): string {
  return String(n);
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** FEEL unary-test text for one cell of a column. */
function cellArb(col: InputSpec, columns: readonly InputSpec[]): fc.Arbitrary<string> {
  const any = fc.constantFrom('-', '', '-');
  // Another column of the same kind: a cell may compare against another fact, as in `[numB..numC]`.
  const others = columns.filter((c) => c.kind === col.kind && c.name !== col.name).map((c) => c.name);
  const other = others.length ? fc.constantFrom(...others) : null;
  switch (col.kind) {
    case 'number': {
      const cmp = fc
        .tuple(fc.constantFrom('<', '<=', '>', '>='), number)
        .map(([op, n]) => `${op} ${numText(n)}`);
      const range = fc
        .tuple(fc.constantFrom('[', '(', ']'), number, number, fc.constantFrom(']', ')', '['))
        .map(([o, a, b, c]) => `${o}${numText(Math.min(a, b))}..${numText(Math.max(a, b))}${c}`);
      const list = fc.array(number, { minLength: 1, maxLength: 3 }).map((ns) => ns.map(numText).join(', '));
      const predicate = fc
        .tuple(fc.constantFrom('? > ', '? * 2 <= ', 'abs(?) < ', 'modulo(?, 2) = '), number)
        .map(([p, n]) => `${p}${numText(n)}`);
      const positive = fc.oneof(
        cmp,
        range,
        list,
        number.map((n) => `= ${numText(n)}`),
      );
      const options = [
        { weight: 3, arbitrary: any },
        { weight: 3, arbitrary: positive },
        { weight: 1, arbitrary: positive.map((t) => `not(${t})`) },
        { weight: 1, arbitrary: fc.tuple(cmp, range).map(([a, b]) => `${a}, ${b}`) },
        { weight: 1, arbitrary: number.map((n) => `!= ${numText(n)}`) },
        { weight: 1, arbitrary: predicate },
      ];
      if (other)
        options.push({
          weight: 1,
          arbitrary: fc
            .tuple(other, number, fc.constantFrom('<', '>=', '[', 'not(', 'not2', ''))
            .map(([o, n, f]) => {
              if (f === '[') return `[${o}..${numText(n)}]`;
              if (f === 'not(') return `not(${o}, ${numText(n)})`;
              if (f === 'not2') return `not(${numText(n)}, ${o})`;
              return `${f} ${o}`;
            }),
        });
      return fc.oneof(...options);
    }
    case 'string': {
      const one = fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...col.values) },
        { weight: 1, arbitrary: fc.constantFrom(...STRINGS) },
      );
      const list = fc
        .uniqueArray(one, { minLength: 1, maxLength: 3 })
        .map((vs) => vs.map(feelString).join(', '));
      const options = [
        { weight: 3, arbitrary: any },
        { weight: 4, arbitrary: list },
        { weight: 1, arbitrary: list.map((t) => `not(${t})`) },
        {
          weight: 1,
          arbitrary: one.map((v) => `starts with(?, ${feelString(v.slice(0, 1))}), string length(?) > 3`),
        },
      ];
      if (other) options.push({ weight: 1, arbitrary: other.map((o) => `${o}, "zzz"`) });
      return fc.oneof(...options);
    }
    case 'boolean':
      return fc.oneof(
        { weight: 2, arbitrary: any },
        { weight: 4, arbitrary: fc.constantFrom('true', 'false') },
        {
          weight: 1,
          arbitrary: fc.constantFrom('not(true)', 'not(false)', 'true, false', '? = true', 'null'),
        },
      );
    case 'date': {
      const lit = fc
        .tuple(day, fc.boolean())
        .map(([d, at]) => (at ? `@"${isoDay(d)}"` : `date("${isoDay(d)}")`));
      const cmp = fc.tuple(fc.constantFrom('<', '<=', '>', '>='), lit).map(([op, d]) => `${op} ${d}`);
      const range = fc
        .tuple(fc.constantFrom('[', '('), day, day, fc.constantFrom(']', ')'))
        .map(
          ([o, a, b, c]) => `${o}date("${isoDay(Math.min(a, b))}")..date("${isoDay(Math.max(a, b))}")${c}`,
        );
      const positive = fc.oneof(
        cmp,
        range,
        lit,
        lit.map((d) => `? - ${d} > duration("P10D")`),
      );
      const options = [
        { weight: 3, arbitrary: any },
        { weight: 4, arbitrary: positive },
        { weight: 1, arbitrary: positive.map((t) => `not(${t})`) },
      ];
      if (other) options.push({ weight: 1, arbitrary: other.map((o) => `> ${o}`) });
      return fc.oneof(...options);
    }
  }
}

/** FEEL expression text for one output cell. */
function outputArb(
  out: OutputSpec,
  inputs: readonly InputSpec[],
  numericOnly: boolean,
): fc.Arbitrary<string> {
  const numbers = inputs.filter((i) => i.kind === 'number').map((i) => i.name);
  const strings = inputs.filter((i) => i.kind === 'string').map((i) => i.name);
  const dates = inputs.filter((i) => i.kind === 'date').map((i) => i.name);
  const options: { weight: number; arbitrary: fc.Arbitrary<string> }[] = [
    { weight: 6, arbitrary: number.map(numText) },
  ];
  if (out.values) options.push({ weight: 20, arbitrary: fc.constantFrom(...out.values) });
  if (numbers.length)
    options.push({
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(...numbers), fc.constantFrom('* 2', '+ 1', '- 0.5', '/ 4', '* 0.1'))
        .map(([n, op]) => `${n} ${op}`),
    });
  if (!numericOnly) {
    options.push({ weight: 4, arbitrary: fc.constantFrom(...STRINGS).map(feelString) });
    options.push({ weight: 1, arbitrary: fc.constantFrom('null', 'true', 'false', '') });
    if (numbers.length)
      options.push({
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom(...numbers), number)
          .map(
            ([n, k]) =>
              [
                `if ${n} > ${numText(k)} then "high" else "low"`,
                `${n} between 1 and ${numText(k)}`,
                `[${n}, ${numText(k)}]`,
                `{total: ${n} + ${numText(k)}, half: total / 2}`,
                `sum([${n}, ${numText(k)}])`,
              ][Math.abs(Math.trunc(k)) % 5] as string,
          ),
      });
    if (strings.length)
      options.push({ weight: 1, arbitrary: fc.constantFrom(...strings).map((n) => `${n} + "!"`) });
    if (dates.length)
      options.push({
        weight: 1,
        arbitrary: fc.constantFrom(...dates).map((n) => `${n} + duration("P1D")`),
      });
  } else options.push({ weight: 1, arbitrary: fc.constant('null') });
  return fc.oneof(...options);
}

/** An array whose length is uniform in [min, max]. */
function sized<T>(item: fc.Arbitrary<T>, min: number, max: number): fc.Arbitrary<T[]> {
  return fc.integer({ min, max }).chain((n) => fc.array(item, { minLength: n, maxLength: n }));
}

const inputSpec = (name: string): fc.Arbitrary<InputSpec> =>
  fc.constantFrom<Kind>('number', 'string', 'boolean', 'date').chain((kind): fc.Arbitrary<InputSpec> => {
    switch (kind) {
      case 'number':
        return fc
          .constantFrom(null, null, null, '[0..100]', '>= 0', '-5, 0, 1, 2, 3')
          .map((allowed) => ({ name, kind, allowed, values: [] }));
      case 'string':
        return fc
          .tuple(fc.uniqueArray(fc.constantFrom(...STRINGS), { minLength: 2, maxLength: 4 }), fc.boolean())
          .map(([values, declared]) => ({
            name,
            kind,
            allowed: declared ? values.map(feelString).join(', ') : null,
            values,
          }));
      case 'boolean':
        return fc.constant({ name, kind, allowed: null, values: [] });
      case 'date':
        return fc
          .constantFrom(null, null, '>= date("2024-02-01")', '[date("2024-01-01")..date("2024-12-31")]')
          .map((allowed) => ({ name, kind, allowed, values: [] }));
    }
  });

const tableSpec: fc.Arbitrary<TableSpec> = fc
  .record({
    hitPolicy: fc.constantFrom(...HIT_POLICIES),
    inputNames: fc.shuffledSubarray([...INPUT_NAMES], { minLength: 1, maxLength: 5 }),
    outputNames: fc.shuffledSubarray([...OUTPUT_NAMES], { minLength: 1, maxLength: 3 }),
    declare: fc.boolean(),
    abbreviate: fc.boolean(),
  })
  .chain(({ hitPolicy, inputNames, outputNames, declare, abbreviate }) => {
    const single = hitPolicy.startsWith('COLLECT ');
    const names = single ? outputNames.slice(0, 1) : outputNames;
    const prioritised = hitPolicy === 'PRIORITY' || hitPolicy === 'OUTPUT ORDER';
    const outputs: fc.Arbitrary<OutputSpec[]> = fc.tuple(
      ...names.map((name, k) =>
        (prioritised && k === 0 ? fc.constant(true) : fc.constantFrom(false, false, prioritised)).chain(
          (declared) =>
            declared
              ? fc
                  .uniqueArray(
                    fc.oneof(
                      fc.constantFrom(...STRINGS).map(feelString),
                      fc.integer({ min: 0, max: 9 }).map(String),
                    ),
                    { minLength: 2, maxLength: 4 },
                  )
                  .map((values): OutputSpec => ({ name, values }))
              : fc.constant<OutputSpec>({ name, values: null }),
        ),
      ),
    );
    return fc.tuple(fc.tuple(...inputNames.map(inputSpec)), outputs).chain(([inputs, outs]) => {
      const numericOnly =
        hitPolicy === 'COLLECT SUM' || hitPolicy === 'COLLECT MIN' || hitPolicy === 'COLLECT MAX';
      const rule = fc.record({
        inputs: fc.tuple(...inputs.map((i) => cellArb(i, inputs))),
        outputs: fc.tuple(...outs.map((o) => outputArb(o, inputs, numericOnly))),
      });
      // An explicit length: fast-check's default size would favour one- and two-rule tables.
      return sized(rule, 1, 12).map(
        (rules): TableSpec => ({ hitPolicy, inputs, outputs: outs, rules, declare, abbreviate }),
      );
    });
  });

const FACT_TYPE: Record<Kind, string> = {
  number: 'number',
  string: 'string',
  boolean: 'boolean',
  date: 'date',
};

function render(spec: TableSpec): string {
  const lines = [
    '---',
    'policy: generated',
    'title: Generated table',
    'version: 1',
    'effective: 2026-01-01',
    'audience: staff',
    '---',
    '',
  ];
  if (spec.declare) {
    lines.push('## Facts', '', '| Fact | Type | Values | Description |', '|---|---|---|---|');
    for (const i of spec.inputs)
      lines.push(
        `| ${i.name} | ${FACT_TYPE[i.kind]} | ${i.kind === 'string' ? (i.allowed ?? '') : ''} | generated |`,
      );
    lines.push('');
  }
  lines.push(
    '## Decision: Generated',
    `Hit policy: ${spec.abbreviate ? ABBREVIATION[spec.hitPolicy] : spec.hitPolicy}`,
    '',
  );
  const head = [
    ...spec.inputs.map((i) => (i.allowed ? `${i.name}: ${i.allowed}` : i.name)),
    ...spec.outputs.map((o) => (o.values ? `→ ${o.name}: ${o.values.join(', ')}` : `→ ${o.name}`)),
    '# Why',
  ];
  lines.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
  spec.rules.forEach((r, k) => {
    lines.push(`| ${[...r.inputs, ...r.outputs, `rule ${k + 1}`].join(' | ')} |`);
  });
  // A second decision that requires the first: evaluation order, scope and explanations of requirements.
  const first = spec.inputs[0] as InputSpec;
  const firstCell = spec.rules[0]?.inputs[0] ?? '-';
  lines.push(
    '',
    '## Decision: Downstream',
    'Hit policy: FIRST',
    '',
    `| Generated | ${first.name} | → Verdict |`,
    '|---|---|---|',
    '| null | - | "none" |',
    `| - | ${firstCell === '' ? '-' : firstCell} | "like rule 1" |`,
    '| [] | - | "empty" |',
    '| - | - | "some" |',
  );
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Fact generator

const MISSING = Symbol('missing');

function factArb(col: InputSpec): fc.Arbitrary<unknown> {
  const wrong = fc.constantFrom<unknown>(
    null,
    MISSING,
    '5',
    '',
    true,
    0,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    { a: 1 },
    [1, 2],
    [],
    new Date(Date.UTC(2024, 2, 1)),
  );
  let right: fc.Arbitrary<unknown>;
  switch (col.kind) {
    case 'number':
      right = fc.oneof(
        number,
        number.map((n) => n + 0.5),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
      );
      break;
    case 'string':
      right = fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...col.values) },
        { weight: 2, arbitrary: fc.constantFrom(...STRINGS, 'zzz', 'GOLD') },
        { weight: 1, arbitrary: fc.string() },
      );
      break;
    case 'boolean':
      right = fc.constantFrom(true, false, 'true', 1);
      break;
    case 'date':
      right = fc.oneof(
        { weight: 6, arbitrary: day.map(isoDay) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            '2024-02-30',
            '2024-13-01',
            '24-01-01',
            '2024-03-01T10:00:00Z',
            '2024-3-1',
          ),
        },
      );
      break;
  }
  return fc.oneof({ weight: 5, arbitrary: right }, { weight: 2, arbitrary: wrong });
}

function factsArb(spec: TableSpec): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(fc.tuple(...spec.inputs.map(factArb)), fc.constantFrom<unknown>(MISSING, MISSING, 'extra', 42))
    .map(([values, extra]) => {
      const facts: Record<string, unknown> = {};
      spec.inputs.forEach((inp, i) => {
        if (values[i] !== MISSING) facts[inp.name] = values[i];
      });
      if (extra !== MISSING) facts.Unrelated = extra;
      return facts;
    });
}

// ---------------------------------------------------------------------------------------------
// Known charters: facts generated from what a decision reads

function compileAll(documents: readonly PolicyDocument[], what: string): Charter {
  const compiled = compileCharter(documents);
  if (!compiled.ok) throw new Error(`${what} does not compile: ${show(compiled.problems)}`);
  return compiled.value;
}

function load(file: string): PolicyDocument {
  const parsed = parsePolicy(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(`${file} does not parse: ${show(parsed.problems)}`);
  return parsed.value;
}

/** Every literal value written anywhere in a decision's IR (cells, headers, outputs). */
function literalsIn(node: unknown, out: unknown[]): void {
  if (!node || typeof node !== 'object') return;
  const n = node as { kind?: unknown; value?: unknown };
  if (n.kind === 'literal') out.push(toJson(n.value));
  for (const v of Object.values(node)) if (v && typeof v === 'object') literalsIn(v, out);
}

/** Fact values for a charter: its literals, their neighbours, and the usual wrong values. */
function charterFacts(charter: Charter, decision: string): fc.Arbitrary<Record<string, unknown>> {
  const d = charter.decisions.get(decision);
  if (!d) throw new Error(`no decision ${decision}`);
  const names = new Set<string>(d.reads);
  for (const dep of d.requires) for (const n of charter.decisions.get(dep)?.reads ?? []) names.add(n);
  for (const dep of d.requires) names.delete(dep);
  names.delete(d.name);
  const literals: unknown[] = [];
  for (const dd of charter.decisions.values()) literalsIn(dd.table ?? dd.section, literals);
  for (const f of charter.environment.facts.values()) literalsIn(f.allowed, literals);
  const pool = unique(literals.filter((v) => v !== null && typeof v !== 'object'));
  const near = pool.flatMap((v) => (typeof v === 'number' ? [v - 1, v - 0.5, v + 0.5, v + 1] : []));
  const value = fc.oneof(
    { weight: 8, arbitrary: pool.length ? fc.constantFrom(...pool) : fc.constant(null) },
    { weight: 3, arbitrary: near.length ? fc.constantFrom(...near) : fc.integer() },
    { weight: 1, arbitrary: fc.integer({ min: -10, max: 400 }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(true, false, 'zzz', null, '2016-10-01', '2016-09-30') },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>({ price: 12, name: 'a' }, { price: 5 }, ['fever', 'cough']),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(Number.NaN, [], {}, new Date(Date.UTC(2016, 9, 2)), '12', 'P1D'),
    },
  );
  const keys = [...names];
  return fc.tuple(...keys.map(() => fc.option(value, { freq: 6, nil: MISSING }))).map((vs) => {
    const facts: Record<string, unknown> = {};
    keys.forEach((k, i) => {
      if (vs[i] !== MISSING) facts[k] = vs[i];
    });
    return facts;
  });
}

function checkCharter(charter: Charter, runs: number, seed: number): number {
  let count = 0;
  for (const name of charter.decisions.keys()) {
    fc.assert(
      fc.property(charterFacts(charter, name), (facts) => {
        agree(charter, name, facts);
        count++;
      }),
      { numRuns: runs, seed },
    );
  }
  return count;
}

// ---------------------------------------------------------------------------------------------

describe('differential: generated code = reference interpreter = fast path', () => {
  it('agrees on 300 random decision tables × 50 fact sets', () => {
    let tables = 0;
    let cases = 0;
    fc.assert(
      fc.property(
        tableSpec.chain((spec) =>
          fc.tuple(fc.constant(spec), fc.array(factsArb(spec), { minLength: 50, maxLength: 50 })),
        ),
        ([spec, factSets]) => {
          const markdown = render(spec);
          const parsed = parsePolicy(markdown, 'generated.md');
          if (!parsed.ok)
            throw new Error(`generated table does not parse:\n${markdown}\n${show(parsed.problems)}`);
          const charter = compileAll([parsed.value], `generated table:\n${markdown}\n`);
          tables++;
          for (const [k, facts] of factSets.entries()) {
            try {
              agree(charter, 'Generated', facts);
              if (k % 5 === 0) agree(charter, 'Downstream', facts);
            } catch (e) {
              throw new Error(`${markdown}\n${e instanceof Error ? e.message : String(e)}`);
            }
            cases++;
          }
        },
      ),
      { numRuns: 300, seed: 20261122 },
    );
    expect(tables).toBe(300);
    expect(cases).toBe(15_000);
  });

  it('agrees on every conformance/tck model with generated facts', () => {
    const dir = join(repoRoot, 'conformance', 'tck');
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort();
    expect(files.length).toBeGreaterThanOrEqual(15);
    let cases = 0;
    for (const f of files) cases += checkCharter(compileAll([load(join(dir, f))], f), 150, 17);
    expect(cases).toBeGreaterThan(files.length * 150);
  });

  it('agrees on every examples/charter decision with generated facts', () => {
    const dir = join(repoRoot, 'examples', 'charter');
    const docs = readdirSync(dir)
      .filter((f) => f.endsWith('.md') && f !== 'README.md')
      .sort()
      .map((f) => load(join(dir, f)));
    const charter = compileAll(docs, 'examples/charter');
    expect(charter.decisions.size).toBeGreaterThanOrEqual(10);
    expect(checkCharter(charter, 400, 29)).toBe(charter.decisions.size * 400);
  });
});

/** A minimal document around one section, for the regressions below. */
function doc(body: string): Charter {
  const text = `---\npolicy: regression\ntitle: Regression\nversion: 1\neffective: 2026-01-01\naudience: staff\n---\n\n## Facts\n\n| Fact | Type | Values | Description |\n|---|---|---|---|\n| A | number | | |\n| B | number | | |\n\n${body}\n`;
  const parsed = parsePolicy(text, 'regression.md');
  if (!parsed.ok) throw new Error(show(parsed.problems));
  return compileAll([parsed.value], 'regression');
}

describe('differential regressions (minimised from the properties above)', () => {
  it('a broken UNIQUE reports a wrong-typed fact once, not again while listing the matching rules', () => {
    const c = doc('## Decision: D\n\n| A | → Out |\n|---|---|\n| - | 1 |\n| - | 2 |');
    const e = agree(c, 'D', { A: 'x' });
    expect(e.error?.code).toBe('hit-policy');
    expect(e.warnings.map((w) => w.code)).toEqual(['type-mismatch', 'hit-policy']);
  });

  it('the interpreter does not evaluate outputs that cannot matter (FIRST after its match, broken UNIQUE)', () => {
    const first = doc(
      '## Decision: D\nHit policy: FIRST\n\n| A | → Out |\n|---|---|\n| - | 1 |\n| - | B * 2 |',
    );
    expect(agree(first, 'D', { A: 1, B: 'x' }).warnings).toEqual([]);
    const unique = doc('## Decision: D\n\n| A | → Out |\n|---|---|\n| - | B * 2 |\n| - | 2 |');
    expect(agree(unique, 'D', { A: 1, B: 'x' }).warnings.map((w) => w.code)).toEqual(['hit-policy']);
  });

  it('warnings come out in the same order: each rule is tested, then its outputs evaluated', () => {
    const c = doc(
      '## Decision: D\nHit policy: RULE ORDER\n\n| A | → Out |\n|---|---|\n| - | A + 1 |\n| < B | 2 |',
    );
    agree(c, 'D', { A: 'x', B: 'y' });
  });

  it('not(5, B) does not read B once 5 matched, in generated code as in the interpreter', () => {
    const c = doc('## Decision: D\nHit policy: FIRST\n\n| A | → Out |\n|---|---|\n| not(5, B) | 1 |');
    expect(agree(c, 'D', { A: 5, B: 'x' }).warnings).toEqual([]);
    expect(agree(c, 'D', { A: 6, B: 'x' }).warnings.map((w) => w.fact)).toEqual(['B']);
  });
});
