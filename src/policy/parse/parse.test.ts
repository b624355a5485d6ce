import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from './index.ts';

const fixture = readFileSync(new URL('../__fixtures__/refunds.md', import.meta.url), 'utf8');

describe('parsePolicy', () => {
  it('reads front matter, a decision table, hours, a procedure and standards', () => {
    const r = parsePolicy(fixture, 'refunds.md');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const doc = r.value;
    expect(doc.meta).toMatchObject({ policy: 'refunds', version: 4, effective: '2027-01-01', review: 'P6M' });
    const kinds = doc.sections.map((s) => s.kind);
    expect(kinds).toEqual(['prose', 'decision-table', 'hours', 'procedure', 'standards']);
    const table = doc.sections[1];
    if (table?.kind !== 'decision-table') throw new Error('no table');
    expect(table.hitPolicy).toBe('FIRST');
    expect(table.inputs.map((i) => i.name)).toEqual([
      'Days since delivery',
      'Item condition',
      'Customer tier',
    ]);
    expect(table.inputs[1]?.allowed?.text).toBe('"unopened", "opened", "damaged"');
    expect(table.inputs[1]?.allowed?.position).toEqual({ line: 19, column: 41 });
    expect(table.outputs.map((o) => o.name)).toEqual(['Outcome', 'Refund percent']);
    expect(table.rules).toHaveLength(5);
    expect(table.rules[1]?.inputs[0]).toEqual({ text: '(30..60]', position: { line: 22, column: 3 } });
    expect(table.rules[4]?.annotations[0]?.text).toBe('Outside the window');
    const hours = doc.sections[2];
    if (hours?.kind !== 'hours') throw new Error('no hours');
    expect(hours.fields.map((f) => [f.key, f.value])).toEqual([
      ['Time zone', 'Europe/London'],
      ['Holidays', 'GB-ENG'],
      ['Closed', '2027-12-24, 2027-12-31'],
    ]);
    expect(hours.rows[0]).toMatchObject({ day: 'Monday–Friday', open: '09:00–12:30, 13:30–17:30' });
    const proc = doc.sections[3];
    if (proc?.kind !== 'procedure') throw new Error('no procedure');
    expect(proc.steps.map((s) => [s.name, s.required])).toEqual([
      ['Greet', true],
      ['Listen', false],
    ]);
    expect(proc.steps[0]?.guidance).toBe('Say hello.');
    const std = doc.sections[4];
    if (std?.kind !== 'standards') throw new Error('no standards');
    expect(std.standards.map((s) => [s.measure, s.operator, s.value, s.unit ?? null])).toEqual([
      ['CSAT', '>=', 4.5, null],
      ['First replies within target', '>=', 95, '%'],
    ]);
  });

  it('reports front matter mistakes at the offending line', () => {
    const r = parsePolicy(
      '---\npolicy: refunds\ntitle: R\nversion: two\neffective: 2027-02-30\naudience: public\n---\n',
      'x.md',
    );
    expect(r.ok).toBe(false);
    const byLine = r.problems.map((p) => [p.code, p.position.line]);
    expect(byLine).toEqual([
      ['front-matter', 4],
      ['front-matter', 5],
    ]);
  });

  it('reports a missing front matter, a bad hit policy and a ragged row', () => {
    expect(parsePolicy('# Hello', 'a.md').problems[0]?.code).toBe('front-matter');
    const text =
      '---\npolicy: a\ntitle: A\nversion: 1\neffective: 2027-01-01\naudience: staff\n---\n\n## Decision: D\nHit policy: SOMETIMES\n\n| A | → B |\n|---|---|\n| 1 | 2 | 3 |\n';
    const r = parsePolicy(text, 'a.md');
    expect(r.problems.map((p) => [p.code, p.position.line, p.position.column])).toEqual([
      ['hit-policy', 10, 12],
      ['syntax', 14, 3],
    ]);
  });

  it('accepts hit policy abbreviations and -> arrows', () => {
    const text =
      '---\npolicy: a\ntitle: A\nversion: 1\neffective: 2027-01-01\naudience: staff\n---\n\n## Decision: D\nHit policy: C+\n\n| A | -> B |\n|---|---|\n| - | 2 |\n';
    const r = parsePolicy(text, 'a.md');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const t = r.value.sections[0];
    expect(t?.kind === 'decision-table' && t.hitPolicy).toBe('COLLECT SUM');
    expect(t?.kind === 'decision-table' && t.outputs[0]?.name).toBe('B');
  });
});

describe('hours fields', () => {
  it('point at the first character of the value', () => {
    const text =
      '---\npolicy: a\ntitle: A\nversion: 1\neffective: 2027-01-01\naudience: staff\n---\n\n## Hours: Support\nTime zone:   Europe/London\n\n| Day | Open |\n|---|---|\n| Monday | 09:00–17:00 |\n';
    const r = parsePolicy(text, 'a.md');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const h = r.value.sections[0];
    expect(h?.kind === 'hours' && h.fields[0]).toEqual({
      key: 'Time zone',
      value: 'Europe/London',
      position: { line: 10, column: 14 },
    });
  });
});
