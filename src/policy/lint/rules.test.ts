/**
 * Runs each lint rule's own examples: the passing one must not report the rule's code, the failing
 * one must, with a position inside the document.
 */
import { describe, expect, it } from 'vitest';
import { lintSources } from './index.ts';
import { RULES } from './rules/index.ts';

const today = '2026-06-01';

describe.each(RULES.map((r) => [r.code, r] as const))('lint rule %s', (code, rule) => {
  it('accepts its passing example', () => {
    const problems = lintSources([{ file: 'pass.md', text: rule.examples.pass }], { today });
    expect(problems.filter((p) => p.code === code)).toEqual([]);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
  it('reports its failing example with a position', () => {
    const text = rule.examples.fail;
    const problems = lintSources([{ file: 'fail.md', text }], { today }).filter((p) => p.code === code);
    expect(problems.length).toBeGreaterThan(0);
    const lines = text.split('\n').length;
    for (const p of problems) {
      expect(p.file).toBe('fail.md');
      expect(p.position.line).toBeGreaterThanOrEqual(1);
      expect(p.position.line).toBeLessThanOrEqual(lines);
      expect(p.message).toMatch(/^Unexpected .*, expected /);
    }
  });
});

describe('lint findings in detail', () => {
  const doc = (body: string) =>
    `---\npolicy: t\ntitle: T\nversion: 1\neffective: 2026-01-01\naudience: staff\n---\n\n${body}\n`;

  it('gives a gap as a concrete input that really matches no rule', () => {
    const text = doc(
      '## Decision: Refund\n\n| Days since delivery | Item condition: "unopened", "opened" | → Outcome |\n|---|---|---|\n| <= 30 | - | "refund" |\n| (30..60] | "unopened" | "store credit" |\n| > 60 | - | "deny" |',
    );
    const [gap] = lintSources([{ file: 'g.md', text }], { today }).filter((p) => p.code === 'gap');
    expect(gap?.example).toEqual({ 'Days since delivery': 31, 'Item condition': 'opened' });
  });

  it('names both rules of an overlap and shows where they meet', () => {
    const text = doc(
      '## Decision: Tier\n\n| Lifetime value | → Tier |\n|---|---|\n| [0..1000] | "standard" |\n| [1000..5000] | "gold" |\n| > 5000 | "gold" |',
    );
    const [o] = lintSources([{ file: 'o.md', text }], { today }).filter((p) => p.code === 'overlap');
    expect(o?.rules).toEqual([1, 2]);
    expect(o?.example).toEqual({ 'Lifetime value': 1000 });
    expect(o?.position).toEqual({ line: 14, column: 3 });
  });

  it('reports a rule shadowed by the union of earlier rules under FIRST', () => {
    const text = doc(
      '## Decision: Late\nHit policy: FIRST\n\n| Days since delivery | → Late |\n|---|---|\n| < 10 | false |\n| >= 10 | true |\n| [5..20] | true |\n| - | false |',
    );
    const found = lintSources([{ file: 'u.md', text }], { today }).filter((p) => p.code === 'unreachable');
    expect(found.map((p) => p.rules?.[0])).toEqual([3, 4]);
  });

  it('reports a PRIORITY rule that never wins', () => {
    const text = doc(
      '## Decision: Risk\nHit policy: PRIORITY\n\n| Amount | → Risk: "high", "low" |\n|---|---|\n| > 100 | "high" |\n| > 200 | "low" |\n| <= 100 | "low" |',
    );
    const found = lintSources([{ file: 'p.md', text }], { today }).filter((p) => p.code === 'unreachable');
    expect(found.map((p) => p.rules?.[0])).toEqual([2]);
  });

  it('suggests the declared fact for a misspelt input', () => {
    const text = doc(
      '## Facts\n\n| Fact | Type | Values | Description |\n|---|---|---|---|\n| Customer tier | string | "standard", "gold" | Tier |\n\n## Decision: D\n\n| Customer teir | → X |\n|---|---|\n| "gold" | 1 |\n| not("gold") | 2 |',
    );
    const [p] = lintSources([{ file: 'k.md', text }], { today }).filter((x) => x.code === 'unknown-input');
    expect(p?.message).toContain('did you mean "Customer tier"');
    expect(p?.position).toEqual({ line: 17, column: 3 });
  });

  it('reports a cycle between decisions', () => {
    const text = doc('## Decision: A\n\n```feel\nB + 1\n```\n\n## Decision: B\n\n```feel\nA + 1\n```');
    const problems = lintSources([{ file: 'c.md', text }], { today });
    expect(problems.some((p) => p.code === 'cycle' && p.message.includes('A → B → A'))).toBe(true);
  });
});
