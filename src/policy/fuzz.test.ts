/**
 * Bad input never crashes the engine.
 *   - ≥ 10,000 malformed documents (mutations of the examples, the TCK models and the fixtures, and
 *     junk made from scratch) go through parsePolicy, compileCharter and the linter, each parsed once:
 *     nothing throws, every problem is well-formed data with its file and a position inside the
 *     document, and what compiles runs the same through generated code, interpreter and fast path.
 *   - FEEL nested deeper than 100 brackets or longer than 10,000 characters is refused before parsing.
 *   - ≥ 10,000 malformed fact sets go through evaluate, interpret, evaluateValue and decisionFunction
 *     of the demo charter: nothing throws, warnings are data and the four paths agree.
 * Cases are counted, so the suites cannot silently shrink; seeds are fixed, so failures replay.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Charter } from './compile/charter.ts';
import { toJson } from './feel/values.ts';
import { compileCharter, type PolicyDocument, type Problem, parsePolicy } from './index.ts';
import { lintParsed } from './lint/index.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const TODAY = '2026-11-22';

interface Source {
  readonly file: string;
  readonly text: string;
}

function read(dir: string): Source[] {
  return readdirSync(join(repoRoot, dir))
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((f) => ({ file: f, text: readFileSync(join(repoRoot, dir, f), 'utf8') }));
}

const examples = read('examples/charter');
const tck = read('conformance/tck');
const fixtures = read('src/policy/__fixtures__');
const factsSource = examples.find((s) => s.file === 'facts.md') as Source;

function parseOk(s: Source): PolicyDocument {
  const r = parsePolicy(s.text, s.file);
  if (!r.ok) throw new Error(`${s.file} does not parse`);
  return r.value;
}

/**
 * Keeps a seed small: at most five rows per table, annotation and description cells cut short. Long
 * prose and many similar rows cost parse time and test nothing new.
 */
function compact(markdown: string): string {
  let notes: number[] = [];
  let rows = 0;
  return markdown
    .split('\n')
    .flatMap((line) => {
      if (!line.startsWith('|')) {
        notes = [];
        rows = 0;
        return [line];
      }
      if (++rows > 7) return [];
      const cells = line.split('|');
      if (rows === 1) notes = cells.flatMap((c, k) => (/^\s*#|^\s*Description\s*$/.test(c) ? [k] : []));
      for (const k of notes)
        if (k > 0 && (cells[k]?.length ?? 0) > 14) cells[k] = ` ${cells[k]?.trim().slice(0, 10)} `;
      return [cells.join('|')];
    })
    .join('\n');
}

/**
 * Seeds: every executable section of every example on its own, with its front matter and the facts
 * it uses (small, so that ten thousand mutants stay fast).
 */
function makeSeeds(sources: readonly Source[]): string[] {
  const factRows = factsSource.text.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Fact '));
  const seeds: string[] = [];
  for (const s of sources) {
    const doc = parseOk(s);
    const front = s.text.slice(0, s.text.indexOf('\n---', 3) + 5);
    const ownFacts = doc.sections.find((x) => x.kind === 'facts');
    for (const section of doc.sections) {
      if (section.kind === 'prose' || (section.kind === 'facts' && ownFacts)) continue;
      // The document's own Facts rows that this section mentions.
      let facts = ownFacts
        ? `${ownFacts.markdown
            .split('\n')
            .filter(
              (l) =>
                !/^\| \w/.test(l) ||
                l.startsWith('| Fact ') ||
                section.markdown.includes(l.split('|')[1]?.trim() ?? '\n'),
            )
            .join('\n')}\n\n`
        : '';
      if (!ownFacts && section.kind === 'decision-table') {
        const names = new Set(section.inputs.map((i) => i.name));
        const rows = factRows.filter((r) => names.has(r.split('|')[1]?.trim() ?? ''));
        if (rows.length)
          facts = `## Facts\n\n| Fact | Type | Values | Description |\n|---|---|---|---|\n${rows.join('\n')}\n\n`;
      }
      seeds.push(compact(`${front}\n${facts}${section.markdown}\n`));
    }
  }
  return seeds;
}

const tckSeeds = makeSeeds(tck);
const exampleSeeds = makeSeeds([...examples, ...fixtures]);
const sectionSeeds = [...tckSeeds, ...exampleSeeds];

/** The demo charter's vocabulary, compact (no prose, no descriptions), for linting mutants against. */
const vocabulary: Source = {
  file: 'vocabulary.md',
  text: `---\npolicy: vocabulary\ntitle: Vocabulary\nversion: 1\neffective: 2026-01-01\naudience: staff\n---\n\n## Facts\n\n| Fact | Type | Values | Description |\n|---|---|---|---|\n${factsSource.text
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| Fact '))
    .map((l) => `${l.split('|').slice(0, 4).join('|')}| |`)
    .join('\n')}\n`,
};
const vocabularyParsed = parsePolicy(vocabulary.text, vocabulary.file);
const vocabularyDoc = parseOk(vocabulary);
const wholeSeeds = [...examples, ...tck, ...fixtures].map((s) => s.text);

// ---------------------------------------------------------------------------------------------
// Junk

function nested(depth: number, kind: number): string {
  switch (kind) {
    case 0:
      return `${'('.repeat(depth)}1${')'.repeat(depth)}`;
    case 1:
      return `${'['.repeat(depth)}${']'.repeat(depth)}`;
    case 2:
      return `${'not('.repeat(depth)}1${')'.repeat(depth)}`;
    case 3:
      return Array.from({ length: depth }, () => '1').join(' + ');
    case 4:
      return `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`;
    case 5:
      return `${'-'.repeat(depth)}1`;
    case 6:
      return `${'if true then '.repeat(depth)}1${' else 2'.repeat(depth)}`;
    default:
      return `${'['.repeat(depth)}1`;
  }
}

const JUNK = [
  '',
  ' ',
  '-',
  '|',
  '\\|',
  '||',
  '"',
  '"unterminated',
  '"a\\q"',
  '"\\u12"',
  "'single'",
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '((',
  '[1..',
  '(..5)',
  ']1..2[',
  '[5..1]',
  '..',
  '?',
  '? >',
  'not()',
  'not(not(1))',
  'not(-)',
  '-, 1',
  '1e999999',
  '-1e999',
  '123456789012345678901234567890',
  '0x1F',
  '1_000',
  '.5',
  '5.',
  'NaN',
  'Infinity',
  'null',
  'date("2024-02-30")',
  'date("x")',
  'date(1)',
  'date()',
  '@"nope"',
  '@"P1Y2D"',
  'duration("P1Y2D")',
  'time("10:00")',
  'date and time("2024-01-01T25:00:00")',
  'for x in [1] return x',
  'some x in [1] satisfies x > 0',
  'function(a) a',
  '{a: 1, a: 2}',
  '{"x": }',
  '{__proto__: 1}',
  'x instance of number',
  'a.b.c.d',
  'substring("abc", 1, 2, 3)',
  'unknownFn(1)',
  'count()',
  'sum(a: 1)',
  'string length(?)',
  '1 / 0',
  '2 ** 99999',
  '"a" + 1',
  'Amount between 1',
  '→',
  '->',
  '→ ',
  '# ',
  '#',
  ':',
  ': "a", "b"',
  '→ Out: ',
  '→ Out: x +',
  'Hit policy: BOGUS',
  'Hit policy: C+',
  'Hit policy:',
  'Hit policy: collect   sum',
  '## Decision: ',
  '## Decision: X',
  '# Decision: X',
  '## Decision: Refund',
  '## Hours: X',
  '## Facts',
  '## Standards',
  '## Procedure: P',
  '```feel',
  '```',
  '---',
  '\t',
  '\r',
  '\r\n',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '\uDFFF',
  '\u2028',
  '\u202E',
  '\u200B',
  'é',
  'e\u0301',
  '😀',
  '👩‍👩‍👧',
  '\uFFFF',
  '<script>',
  '&amp;',
  '*emphasis*',
  '[link](x)',
  '> quote',
  '    indented code',
  '1. item',
  '- [ ] task',
  'a'.repeat(300),
  '9'.repeat(400),
  '99999999999999999999',
  '-0',
  '<=',
  '>>',
  ',',
  '**',
  'if',
  'then',
  'not(',
  '@"',
  'date("2027-02-30")',
  'Ω',
  '- ',
  'Monday–Friday | 25:00–26:00',
  '| Day | Open |',
  'Time zone: Mars/Olympus',
  'Closed: 2027-02-30',
  '&a [*a]',
  '!!binary aGVsbG8=',
  'policy: [1, 2]',
  'version: 1e309',
  'version: -1',
  'effective: 2026-02-30',
  'review: P',
  'audience: both',
  'decisions: x',
  'decisions: [Nope]',
  '<<: *a',
  "__proto__: {polluted: 'yes'}",
  'constructor: {prototype: {polluted: true}}',
];

/**
 * Random text from code points (lone surrogates and controls included). Built from integers because
 * fc.string's grapheme and binary units cost seconds to construct.
 */
function codePoints(max: number, maxLength: number): fc.Arbitrary<string> {
  return fc
    .array(fc.integer({ min: 0, max }), { maxLength })
    .map((cps) => cps.map((c) => String.fromCodePoint(c)).join(''));
}

const junk: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...JUNK) },
  { weight: 2, arbitrary: codePoints(0x10ffff, 12) },
  { weight: 2, arbitrary: codePoints(0xffff, 12) },
  { weight: 1, arbitrary: codePoints(0x7f, 12) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(3, 20, 60, 200), fc.integer({ min: 0, max: 7 }))
      .map(([depth, kind]) => nested(depth, kind)),
  },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.bigInt().map(String) },
);

/** Invented front matter values for the YAML parser and the schema. */
const yamlJunk: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '~',
    'null',
    '[]',
    '{}',
    '[1, 2]',
    '{a: 1}',
    '"unterminated',
    "'x",
    '&a [*a]',
    '*nope',
    '!!binary aGVsbG8=',
    '!!str',
    '!custom x',
    '|\n  block',
    '>-\n  folded',
    '1e309',
    '-1',
    '0',
    '1.5',
    '2026-02-30',
    '2026-01-01T00:00:00Z',
    'P',
    'P6M1D',
    'public, staff',
    'yes',
    ':',
    '- a\n- b',
    '\t1',
    `[${'['.repeat(500)}`,
  ),
  junk,
);

// ---------------------------------------------------------------------------------------------
// Mutations

type Mutation =
  | { readonly op: 'delete' | 'duplicate' | 'truncate'; readonly at: number }
  | { readonly op: 'swap'; readonly at: number; readonly to: number }
  | {
      readonly op: 'insert' | 'line' | 'cell';
      readonly at: number;
      readonly cell: number;
      readonly text: string;
    }
  | { readonly op: 'front'; readonly key: string; readonly text: string | null }
  | { readonly op: 'splice'; readonly seed: number; readonly at: number; readonly count: number }
  | { readonly op: 'eol' | 'table'; readonly at: number; readonly variant: number };

const position = fc.nat({ max: 1_000_000 });
const KEYS = ['policy', 'title', 'version', 'effective', 'audience', 'owner', 'review', 'decisions', 'extra'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete', 'duplicate', 'truncate'), at: position }),
  fc.record({ op: fc.constant('swap'), at: position, to: position }),
  fc.record({
    op: fc.constantFrom('insert', 'line', 'cell', 'cell'),
    at: position,
    cell: fc.nat(),
    text: junk,
  }),
  fc.record({ op: fc.constant('front'), key: fc.constantFrom(...KEYS), text: fc.option(yamlJunk) }),
  fc.record({
    op: fc.constant('splice'),
    seed: fc.nat(),
    at: position,
    count: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({ op: fc.constantFrom('eol', 'table'), at: position, variant: fc.nat({ max: 9 }) }),
);

function apply(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const i = 'at' in m ? m.at % Math.max(lines.length, 1) : 0;
  switch (m.op) {
    case 'delete':
      lines.splice(i, 1);
      return lines.join('\n');
    case 'duplicate':
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'swap': {
      const j = m.to % Math.max(lines.length, 1);
      const a = lines[i] ?? '';
      lines[i] = lines[j] ?? '';
      lines[j] = a;
      return lines.join('\n');
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'line':
      lines[i] = m.text;
      return lines.join('\n');
    case 'cell': {
      // A table line (header, delimiter or rule), one of its cells replaced.
      const tableLines = lines.flatMap((l, k) => (l.includes('|') ? [k] : []));
      const k = tableLines.length ? (tableLines[m.at % tableLines.length] as number) : i;
      const cells = (lines[k] ?? '').split('|');
      cells[m.cell % cells.length] = ` ${m.text} `;
      lines[k] = cells.join('|');
      return lines.join('\n');
    }
    case 'front': {
      const k = lines.findIndex((l, n) => n < 20 && l.startsWith(`${m.key}:`));
      if (m.text === null) {
        if (k >= 0) lines.splice(k, 1);
      } else if (k >= 0) lines[k] = `${m.key}: ${m.text}`;
      else lines.splice(1, 0, `${m.key}: ${m.text}`);
      return lines.join('\n');
    }
    case 'splice': {
      const other = (sectionSeeds[m.seed % sectionSeeds.length] as string).split('\n');
      const from = m.at % other.length;
      lines.splice(i, 0, ...other.slice(from, from + m.count));
      return lines.join('\n');
    }
    case 'eol':
      return [
        () => text.replace(/\n/g, '\r\n'),
        () => text.replace(/\n/g, '\r'),
        () => text.replace(/\n/g, '\u2028'),
        () => text.replace(/ /g, '\t'),
        () => text.replace(/\|/g, '¦'),
        () => text.replace(/→/g, '->'),
        () => text.replace(/"/g, '“'),
        () => `\uFEFF${text}`,
        () => text.trimEnd(),
        () => `${text}\n`.repeat(2),
      ][m.variant % 10]?.() as string;
    case 'table': {
      // Break tables: lose the delimiter row, the outer pipes, a column, or the header.
      const tableLines = lines.flatMap((l, k) => (l.includes('|') ? [k] : []));
      const k = tableLines.length ? (tableLines[m.at % tableLines.length] as number) : i;
      const line = lines[k] ?? '';
      const variants = [
        () => line.replace(/\|---/g, '|'),
        () => line.replace(/^\||\|$/g, ''),
        () => line.replace(/\|[^|]*$/, ''),
        () => `${line} extra |`,
        () => line.replace(/-/g, '='),
        () => line.replace(/→|->/g, ''),
        () => line.replace(/\| *[^|#→-][^|]*\|/, '| → Added |'),
        () => line.replace(/:/g, ''),
        () => line.replace(/"/g, ''),
        () => line.replace(/[[\]()]/g, ''),
      ];
      lines[k] = (variants[m.variant % variants.length] as () => string)();
      return lines.join('\n');
    }
  }
}

/** A whole malformed document, made from scratch rather than by mutation. */
const fromScratch: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '\n',
    '---',
    '---\n',
    '---\n---',
    '---\n---\n',
    '---\npolicy: x\n',
    '\uFEFF---\npolicy: x\n---\n',
    '## Decision: X\n\n| A | → B |\n|---|---|\n| 1 | 2 |\n',
    `---\n${'a: '.repeat(300)}\n---\n`,
    '|'.repeat(1_000),
    '#'.repeat(1_000),
    '`'.repeat(1_000),
    `${'> '.repeat(50)}x`,
    `${'- '.repeat(50)}x`,
    `${'['.repeat(500)}x${']'.repeat(500)}`,
  ),
  codePoints(0x10ffff, 300),
  codePoints(0x7f, 300),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  fc.array(junk, { maxLength: 30 }).map((parts) => parts.join('\n')),
);

const mutants = (seeds: readonly string[], most: number) =>
  fc
    .tuple(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: most }))
    .map(([s, ms]) => ms.reduce(apply, seeds[s % seeds.length] as string));

const malformedDocument: fc.Arbitrary<string> = fc.oneof(
  { weight: 30, arbitrary: mutants(tckSeeds, 4) },
  { weight: 10, arbitrary: mutants(exampleSeeds, 4) },
  { weight: 1, arbitrary: mutants(wholeSeeds, 3) },
  { weight: 5, arbitrary: fromScratch },
);

// ---------------------------------------------------------------------------------------------
// Checks

const CODES = new Set<string>([
  'syntax',
  'front-matter',
  'feel-syntax',
  'type-mismatch',
  'hit-policy',
  'duplicate-decision',
  'overlap',
  'gap',
  'unreachable',
  'output-value',
  'unknown-input',
  'unused-decision',
  'cycle',
  'review-overdue',
  'hours',
]);
const SEVERITIES = new Set<string>(['error', 'warning', 'info']);

function lineCount(text: string): number {
  return text.replace(/\r\n?/g, '\n').split('\n').length;
}

/** Every problem is data: known code, a message, a severity, a position inside its file. */
function checkProblems(
  problems: readonly Problem[],
  lines: ReadonlyMap<string, number>,
  where: string,
): void {
  if (!Array.isArray(problems)) throw new Error(`${where}: problems is not a list`);
  const most = Math.max(...lines.values());
  for (const p of problems) {
    const bad = (why: string) => new Error(`${where}: ${why} in ${JSON.stringify(p)}`);
    if (!CODES.has(p.code)) throw bad('unknown code');
    if (typeof p.message !== 'string' || p.message.length === 0) throw bad('no message');
    if (!SEVERITIES.has(p.severity)) throw bad('unknown severity');
    const { line, column } = p.position ?? {};
    if (!Number.isInteger(line) || !Number.isInteger(column)) throw bad('non-integer position');
    if ((line as number) < 1 || (column as number) < 1) throw bad('position before 1:1');
    const limit = (p.file !== undefined ? lines.get(p.file) : undefined) ?? most;
    if ((line as number) > limit + 1) throw bad(`line beyond the document's ${limit} lines`);
    if (p.file === undefined || !lines.has(p.file)) throw bad('no file, or not one of the documents');
    for (const r of p.rules ?? []) if (!Number.isInteger(r) || r < 1) throw bad('bad rule number');
  }
}

const SAMPLE_FACTS: readonly unknown[] = [1, 'a', true, '2024-01-01', null, 150, 'gold', [1], { price: 5 }];

/** Runs a decision three ways; they must agree (the differential tests' property, on mutants). */
function runDecision(charter: Charter, name: string, facts: Readonly<Record<string, unknown>>): void {
  const generated = JSON.stringify(charter.evaluate(name, facts));
  const interpreted = JSON.stringify(charter.interpret(name, facts));
  if (generated !== interpreted)
    throw new Error(`evaluate and interpret disagree on ${name}\n  ${generated}\n  ${interpreted}`);
  const fast = JSON.stringify(toJson(charter.evaluateValue(name, facts)));
  if (fast !== JSON.stringify(charter.evaluate(name, facts).value))
    throw new Error(`evaluateValue disagrees on ${name}: ${fast} vs ${generated}`);
}

/**
 * One malformed document through the three entry points, parsed once (the linter gets the parse
 * result); throws on a crash or a bad problem. True when parsing or compiling reported an error.
 */
function checkDocument(text: string, withVocabulary: boolean): boolean {
  const file = 'mutant.md';
  const lines = new Map([
    [file, lineCount(text)],
    [vocabulary.file, lineCount(vocabulary.text)],
  ]);
  const parsed = parsePolicy(text, file);
  checkProblems(parsed.problems, lines, 'parsePolicy');
  let broken = !parsed.ok;
  if (parsed.ok) {
    const docs = withVocabulary ? [parsed.value, vocabularyDoc] : [parsed.value];
    const compiled = compileCharter(docs);
    checkProblems(compiled.problems, lines, 'compileCharter');
    if (!compiled.ok && !compiled.problems.some((p) => p.severity === 'error'))
      throw new Error('compileCharter failed without an error');
    broken = !compiled.ok;
    // What still compiles must also run: every decision, on no facts and on some made-up ones.
    if (compiled.ok)
      for (const [name, d] of compiled.value.decisions) {
        runDecision(compiled.value, name, {});
        const facts: Record<string, unknown> = {};
        [...d.reads].forEach((r, k) => {
          facts[r] = SAMPLE_FACTS[k % SAMPLE_FACTS.length];
        });
        runDecision(compiled.value, name, facts);
      }
  } else if (!parsed.problems.some((p) => p.severity === 'error')) {
    throw new Error('parsePolicy failed without an error');
  }
  const results = withVocabulary ? [parsed, vocabularyParsed] : [parsed];
  checkProblems(lintParsed(results, { today: TODAY }), lines, 'lint');
  return broken;
}

function describeText(text: string): string {
  return JSON.stringify(text.length > 3_000 ? `${text.slice(0, 3_000)}…` : text);
}

describe('fuzz: malformed documents never crash the engine', () => {
  it('parsePolicy, compileCharter and the linter on ≥ 10,000 malformed documents', () => {
    let count = 0;
    let broken = 0;
    fc.assert(
      fc.property(malformedDocument, fc.nat({ max: 9 }), (text, n) => {
        try {
          if (checkDocument(text, n === 0)) broken++;
        } catch (e) {
          throw new Error(`${e instanceof Error ? e.message : String(e)}\ndocument: ${describeText(text)}`);
        }
        count++;
      }),
      { numRuns: 10_000, seed: 4242 },
    );
    expect(count).toBeGreaterThanOrEqual(10_000);
    // The mutations must actually break documents, or this test proves little.
    expect(broken).toBeGreaterThan(count / 10);
    // Parsing dominates (micromark); on a slow shared machine this takes a while.
  }, 300_000);

  it('pathological sizes: deep nesting and huge cells, once each', () => {
    const front = '---\npolicy: g\ntitle: G\nversion: 1\neffective: 2026-01-01\naudience: staff\n---\n\n';
    const table = (input: string, output: string) =>
      `${front}## Decision: G\nHit policy: FIRST\n\n| A | → Out |\n|---|---|\n| ${input} | ${output} |\n`;
    const docs: string[] = [];
    for (const depth of [99, 500, 1_100, 5_000])
      for (let kind = 0; kind < 8; kind++) {
        docs.push(table(nested(depth, kind), '1'), table('-', nested(depth, kind)));
      }
    docs.push(
      table('a'.repeat(30_000), '9'.repeat(5_000)),
      table(`"${'x'.repeat(30_000)}"`, '1e308 * 10'),
      table('-', `"${'\\u0041'.repeat(5_000)}"`),
      `${front}${'- '.repeat(500)}x`,
      `${front}${'> '.repeat(2_000)}x`,
      `${front}${'['.repeat(5_000)}x`,
      `---\n${'a: '.repeat(5_000)}\n---\n`,
      `---\npolicy: g\neffective: ${'['.repeat(5_000)}\n---\n`,
      `${front}## Decision: G\n\n| ${Array.from({ length: 300 }, (_, i) => `C${i}`).join(' | ')} | → Out |\n|${'---|'.repeat(301)}\n| ${'- | '.repeat(300)}1 |\n`,
      `${front}## Decision: G\nHit policy: COLLECT\n\n| A | B | C | D | E | F | → Out |\n|---|---|---|---|---|---|---|\n${Array.from({ length: 400 }, (_, i) => `| <${i} | >${i} | [${i}..${i + 3}] | not(${i}) | ${i}, ${i + 1} | "s${i}" | ${i} |`).join('\n')}\n`,
    );
    for (const text of docs) checkDocument(text, false);
    expect(docs.length).toBeGreaterThan(70);
  }, 120_000);

  it('regressions: documents that used to throw', () => {
    const front = '---\npolicy: g\ntitle: G\nversion: 1\neffective: 2026-01-01\naudience: staff\n---\n\n';
    // lezer-feel overflowed the stack building the tree of a deeply nested list.
    const deep = `${front}## Decision: G\n\n| A | → Out |\n|---|---|\n| - | ${'['.repeat(1_000)}${']'.repeat(1_000)} |\n`;
    checkDocument(deep, false);
    const compiled = parsePolicy(deep);
    expect(compiled.ok && compileCharter([compiled.value]).problems.map((p) => p.code)).toEqual([
      'feel-syntax',
    ]);
    // Thousands of open brackets sent lezer's error recovery into minutes and gigabytes (OOM);
    // a long if-chain grew its time and memory faster than linearly. Both are refused before parsing.
    for (const [cell, message] of [
      [nested(5_000, 1), 'Unexpected nesting deeper than 100 levels'],
      [nested(5_000, 7), 'Unexpected nesting deeper than 100 levels'],
      [nested(1_000, 6), 'Unexpected FEEL of 20001 characters, expected at most 10000'],
    ] as const) {
      const text = `${front}## Decision: G\n\n| A | → Out |\n|---|---|\n| - | ${cell} |\n`;
      const started = performance.now();
      checkDocument(text, false);
      const parsedDeep = parsePolicy(text);
      const problems = parsedDeep.ok ? compileCharter([parsedDeep.value]).problems : [];
      expect(problems.map((p) => p.message.slice(0, message.length))).toEqual([message]);
      expect(performance.now() - started).toBeLessThan(5_000);
    }
    // yaml throws on an alias bomb while converting to JS ("billion laughs").
    const lol = '"lol"';
    const bomb = `---\na: &a [${Array(9).fill(lol).join(',')}]\nb: &b [${Array(9).fill('*a').join(',')}]\nc: &c [${Array(9).fill('*b').join(',')}]\nd: &d [${Array(9).fill('*c').join(',')}]\ne: &e [${Array(9).fill('*d').join(',')}]\nf: &f [${Array(9).fill('*e').join(',')}]\n---\n\n# x\n`;
    checkDocument(bomb, false);
    expect(parsePolicy(bomb).problems.map((p) => p.code)).toEqual(['front-matter']);
  });
});

// ---------------------------------------------------------------------------------------------
// Malformed facts

const demo: Charter = (() => {
  const compiled = compileCharter(examples.map(parseOk));
  if (!compiled.ok) throw new Error('examples/charter does not compile');
  return compiled.value;
})();

const factNames = [...new Set([...demo.decisions.values()].flatMap((d) => [...d.reads]))];

function cyclic(): Record<string, unknown> {
  const o: Record<string, unknown> = { name: 'loop' };
  o.self = o;
  return o;
}

function deep(depth: number, list: boolean): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = list ? [v] : { v };
  return v;
}

const hugeString = 'x'.repeat(200_000);
const DEEP = [10, 1_000, 20_000].flatMap((d) => [deep(d, true), deep(d, false)]);

/** Values of every wrong (and some right) kind a caller could pass. */
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    1e308,
    -1e308,
    2 ** 53 + 1,
    null,
    undefined,
    '',
    ' ',
    'gold',
    'agent',
    'serious',
    '100',
    'true',
    '2026-01-01',
    '2027-02-30',
    'P1D',
    'unopened',
    hugeString,
    '\u0000',
    '\uD800',
    true,
    false,
    0,
    1,
    -5,
    150,
    [],
    [1, 2],
    [1, 'a'],
    ['gold'],
    [null],
    [[[]]],
    {},
    { a: 1 },
    { value: 'gold' },
    new Date(Date.UTC(2026, 0, 1)),
    new Date(Number.NaN),
    new Date(0),
    new Map([['a', 1]]),
    new Set([1]),
    /regex/,
    Object.create(null),
    Object(1),
    Object('gold'),
    10n,
    Symbol('s'),
    () => 1,
    new Error('boom'),
    new Uint8Array(3),
    Promise.resolve(1),
    { toJSON: () => ({ shown: true }) },
    {
      toJSON: () => {
        throw new Error('toJSON');
      },
    },
    { valueOf: () => 5, toString: () => 'five' },
    JSON.parse('{"__proto__": {"polluted": "yes"}}'),
    { constructor: { prototype: { polluted: 'yes' } } },
  ),
  fc.constant(null).map(cyclic),
  fc.constantFrom(...DEEP),
  fc.anything({ maxDepth: 3 }),
  fc.double(),
  codePoints(0x10ffff, 20),
  fc.integer(),
);

/** A facts argument: usually an object with bad values under real fact names, sometimes not an object. */
const badFacts: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc
      .tuple(
        fc.uniqueArray(
          fc.constantFrom(...factNames, '__proto__', 'constructor', 'prototype', 'toString', ''),
          {
            maxLength: 8,
          },
        ),
        fc.array(badValue, { minLength: 8, maxLength: 8 }),
        fc.constantFrom('plain', 'null-prototype', 'inherited', 'defined'),
      )
      .map(([keys, values, shape]) => {
        const entries = keys.map((k, i) => [k, values[i]] as const);
        if (shape === 'inherited') return Object.create(Object.fromEntries(entries)) as unknown;
        const o: Record<string, unknown> = shape === 'null-prototype' ? Object.create(null) : {};
        for (const [k, v] of entries) {
          // `defined` makes `__proto__` an own key, as JSON.parse would; assignment sets the prototype.
          if (shape === 'defined')
            Object.defineProperty(o, k, { value: v, enumerable: true, configurable: true, writable: true });
          else o[k] = v;
        }
        return o;
      }),
  },
  {
    // Every fact the charter reads, each present with probability 0.6: deeper rules get reached.
    weight: 3,
    arbitrary: fc
      .array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), badValue), {
        minLength: factNames.length,
        maxLength: factNames.length,
      })
      .map((picks) => {
        const o: Record<string, unknown> = {};
        picks.forEach(([p, v], k) => {
          if (p < 0.6) o[factNames[k] as string] = v;
        });
        return o;
      }),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      null,
      undefined,
      [],
      [{ 'Customer tier': 'gold' }],
      'facts',
      '',
      42,
      true,
      Symbol('facts'),
      () => ({}),
      new Date(),
      new Map([['Customer tier', 'gold']]),
      Object('facts'),
    ),
  },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
);

const decisionName = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...demo.decisions.keys()) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      'Nope',
      '__proto__',
      'constructor',
      'toString',
      ' Refund ',
      'Goodwill  budget',
      'refund',
      '\u0000',
    ),
  },
);

function serialisable(value: unknown, where: string): void {
  const text = JSON.stringify(value);
  if (typeof text !== 'string') throw new Error(`${where}: not serialisable`);
}

function checkFacts(decision: string, facts: unknown): void {
  const f = facts as Readonly<Record<string, unknown>>;
  const generated = demo.evaluate(decision, f);
  const interpreted = demo.interpret(decision, f);
  const fast = demo.evaluateValue(decision, f);
  for (const [name, e] of [
    ['evaluate', generated],
    ['interpret', interpreted],
  ] as const) {
    if (!Array.isArray(e.warnings) || !Array.isArray(e.matched)) throw new Error(`${name}: no lists`);
    for (const w of e.warnings)
      if (typeof w.code !== 'string' || typeof w.message !== 'string' || w.message === '')
        throw new Error(`${name}: malformed warning ${JSON.stringify(w)}`);
    if (e.error && (typeof e.error.code !== 'string' || typeof e.error.message !== 'string'))
      throw new Error(`${name}: malformed error`);
    serialisable(e, name);
  }
  if (JSON.stringify(generated) !== JSON.stringify(interpreted))
    throw new Error(
      `evaluate and interpret disagree\n  evaluate:  ${JSON.stringify(generated)}\n  interpret: ${JSON.stringify(interpreted)}`,
    );
  // The fast path gives the same value (null where the explained paths report an error).
  if (JSON.stringify(toJson(fast)) !== JSON.stringify(generated.value))
    throw new Error(
      `evaluateValue ${JSON.stringify(toJson(fast))} but evaluate ${JSON.stringify(generated.value)}`,
    );
  // So does the fast path bound to the decision.
  const bound = demo.decisionFunction(decision);
  const viaBound = JSON.stringify(toJson(bound ? bound(f) : null));
  if (viaBound !== JSON.stringify(toJson(fast)))
    throw new Error(`decisionFunction ${viaBound} but evaluateValue ${JSON.stringify(toJson(fast))}`);
}

function describeFacts(facts: unknown): string {
  try {
    return fc.stringify(facts).slice(0, 2_000);
  } catch {
    return typeof facts;
  }
}

describe('fuzz: malformed facts never crash evaluation', () => {
  it('regressions: non-object facts and unnormalised names on the fast path', () => {
    // evaluateValue read a fact from null facts (TypeError); evaluate reports bad-facts instead.
    for (const facts of [null, undefined, 'facts', 42, [], [{}]]) {
      checkFacts('Grant authority', facts);
      expect(demo.evaluateValue('Grant authority', facts as unknown as Record<string, unknown>)).toBeNull();
    }
    // evaluate normalised the decision name's whitespace, evaluateValue did not.
    const facts = { 'Staff role': 'manager', Team: 'returns' };
    expect(demo.evaluate('Goodwill  budget ', facts).value).toEqual({
      'Monthly budget': 2500,
      'Budget holder': 'team',
    });
    checkFacts('Goodwill  budget ', facts);
  });

  it('evaluate, interpret, evaluateValue and decisionFunction on ≥ 10,000 malformed fact sets', () => {
    let count = 0;
    fc.assert(
      fc.property(decisionName, badFacts, (decision, facts) => {
        try {
          checkFacts(decision, facts);
        } catch (e) {
          throw new Error(
            `${e instanceof Error ? e.message : String(e)}\ndecision: ${decision}\nfacts: ${describeFacts(facts)}`,
          );
        }
        count++;
      }),
      { numRuns: 12_000, seed: 99 },
    );
    expect(count).toBeGreaterThanOrEqual(10_000);
    // Nothing leaked onto Object.prototype through `__proto__` / `constructor` keys.
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
