/**
 * Bad input never crashes the engine: ≥ 10,000 malformed documents (mutations of the demo charter's
 * real documents) through parse, compile and lint, and ≥ 10,000 malformed fact sets through every
 * evaluation path. Every problem comes back as data with a position inside the document.
 */
import { describe, expect, it } from 'vitest';
import { loadSources } from '../cli/load.ts';
import { compileCharter } from './compile/charter.ts';
import { lintSources } from './lint/index.ts';
import type { PolicyDocument, Problem } from './model.ts';
import { parsePolicy } from './parse/index.ts';

const sources = loadSources([new URL('../../examples/charter', import.meta.url).pathname]);

/** Small real documents to mutate: each section of the demo charter under its own front matter. */
const FRONT =
  '---\npolicy: fuzz\ntitle: Fuzz\nversion: 1\neffective: 2026-01-01\naudience: staff\nreview: P12M\n---\n\n';
const snippets: string[] = sources.flatMap((s) =>
  s.text
    .replace(/^---[\s\S]*?\n---\n/, '')
    .split(/\n(?=## )/)
    .filter((part) => part.trim().length > 0)
    .map((part) => FRONT + part),
);

/** mulberry32: the same seed, the same cases, so a failure can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JUNK = [
  '|',
  '||',
  '"',
  '(',
  ']',
  '[1..',
  '..',
  '→',
  '->',
  '#',
  '---',
  ':',
  '`',
  '```feel',
  '\\',
  '- ',
  '?',
  'not(',
  '@"',
  'date("2027-02-30")',
  '\u0000',
  '😀',
  'Ω',
  '\t',
  '99999999999999999999',
  '-0',
  'NaN',
  '<=',
  '>>',
  ',',
  '**',
  'if',
  'then',
  '{',
  '}',
  '\r',
];

function mutate(text: string, rnd: () => number): string {
  const lines = text.split('\n');
  const ops = 1 + Math.floor(rnd() * 4);
  for (let k = 0; k < ops; k++) {
    const i = Math.floor(rnd() * lines.length);
    const line = lines[i] ?? '';
    switch (Math.floor(rnd() * 8)) {
      case 0:
        lines.splice(i, 1);
        break;
      case 1:
        lines.splice(i, 0, line);
        break;
      case 2: {
        const j = Math.floor(rnd() * lines.length);
        lines[i] = lines[j] ?? '';
        lines[j] = line;
        break;
      }
      case 3: {
        const at = Math.floor(rnd() * (line.length + 1));
        lines[i] = line.slice(0, at) + JUNK[Math.floor(rnd() * JUNK.length)] + line.slice(at);
        break;
      }
      case 4:
        lines[i] = line.slice(0, Math.floor(rnd() * line.length));
        break;
      case 5:
        lines[i] = line.replace(/\|/g, () => (rnd() < 0.2 ? '' : '|'));
        break;
      case 6:
        lines[i] = line.replace(/"/g, () => (rnd() < 0.3 ? '' : '"'));
        break;
      default:
        return lines.slice(0, i).join('\n');
    }
  }
  return lines.join('\n');
}

function checkProblems(problems: readonly Problem[], text: string): void {
  const lines = text.split('\n').length + 1;
  for (const p of problems) {
    expect(typeof p.code).toBe('string');
    expect(typeof p.message).toBe('string');
    expect(['error', 'warning', 'info']).toContain(p.severity);
    expect(Number.isInteger(p.position.line) && p.position.line >= 1 && p.position.line <= lines).toBe(true);
    expect(Number.isInteger(p.position.column) && p.position.column >= 1).toBe(true);
  }
}

describe('malformed input', () => {
  it('parses, compiles and lints ≥ 10,000 malformed documents without throwing', () => {
    const rnd = prng(7);
    let ran = 0;
    let withErrors = 0;
    for (let n = 0; n < 10_000; n++) {
      const base = sources[n % sources.length];
      if (!base) continue;
      const text =
        n % 500 === 0
          ? String.fromCharCode(...Array.from({ length: 200 }, () => Math.floor(rnd() * 65535)))
          : mutate(base.text, rnd);
      const parsed = parsePolicy(text, 'fuzz.md');
      checkProblems(parsed.problems, text);
      if (parsed.problems.some((p) => p.severity === 'error')) withErrors++;
      if (parsed.ok) {
        const compiled = compileCharter([parsed.value]);
        checkProblems(compiled.problems, text);
        if (n % 20 === 0)
          checkProblems(lintSources([{ file: 'fuzz.md', text }], { today: '2026-11-22' }), text);
      }
      ran++;
    }
    expect(ran).toBeGreaterThanOrEqual(10_000);
    // The mutations must actually break documents, or this test proves nothing.
    expect(withErrors).toBeGreaterThan(1_000);
  }, 400_000);

  it('evaluates ≥ 10,000 malformed fact sets through every path without throwing', () => {
    const docs: PolicyDocument[] = sources.map((s) => {
      const r = parsePolicy(s.text, s.file);
      if (!r.ok) throw new Error(s.file);
      return r.value;
    });
    const c = compileCharter(docs);
    if (!c.ok) throw new Error('demo charter does not compile');
    const charter = c.value;
    const names = [...charter.decisions.keys()];
    const facts = [...charter.environment.facts.keys()];
    const rnd = prng(11);
    const values: unknown[] = [
      null,
      undefined,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      -0,
      1e308,
      '',
      'x'.repeat(10_000),
      '2027-02-30',
      '2027-01-01',
      'P1D',
      true,
      [],
      [1, 'a'],
      { a: { b: [] } },
      new Date(Number.NaN),
      new Date(0),
      Symbol('s'),
      () => 1,
      12,
      -5,
      'gold',
      'unopened',
      Object.create(null),
    ];
    let ran = 0;
    for (let n = 0; n < 10_000; n++) {
      const name = names[n % names.length] as string;
      let input: unknown;
      if (n % 97 === 0) input = [null, 'facts', 42, [], undefined][n % 5];
      else {
        const f: Record<string, unknown> = {};
        for (const k of facts) if (rnd() < 0.6) f[k] = values[Math.floor(rnd() * values.length)];
        if (n % 13 === 0)
          Object.defineProperty(f, '__proto__', { value: { polluted: true }, enumerable: true });
        input = f;
      }
      const asFacts = input as Record<string, unknown>;
      const e = charter.evaluate(name, asFacts);
      const i = charter.interpret(name, asFacts);
      charter.evaluateValue(name, asFacts);
      expect(Array.isArray(e.warnings)).toBe(true);
      expect(JSON.stringify(e.value)).toBe(JSON.stringify(i.value));
      ran++;
    }
    expect(ran).toBeGreaterThanOrEqual(10_000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 120_000);
});
