import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../parse/index.ts';
import { compileCharter } from './charter.ts';

function charter(body: string) {
  const text = `---\npolicy: t\ntitle: T\nversion: 3\neffective: 2026-01-01\naudience: staff\n---\n\n${body}\n`;
  const doc = parsePolicy(text, 't.md');
  if (!doc.ok) throw new Error(JSON.stringify(doc.problems));
  const c = compileCharter([doc.value]);
  if (!c.ok) throw new Error(JSON.stringify(c.problems));
  return c.value;
}

const table = (hp: string, header: string, rows: string[]) =>
  `## Decision: D\nHit policy: ${hp}\n\n${header}\n${header.replace(/[^|]+/g, '---')}\n${rows.join('\n')}`;

describe('hit policies (DMN 1.4)', () => {
  const rows = ['| > 10 | "a" | 1 |', '| > 20 | "b" | 2 |', '| > 30 | "a" | 3 |'];
  const header = '| X | → L: "b", "a" | → N |';
  const value = (hp: string, x: number) => charter(table(hp, header, rows)).evaluate('D', { X: x });

  it('FIRST returns the first match as an object of outputs', () => {
    expect(value('FIRST', 35).value).toEqual({ L: 'a', N: 1 });
    expect(value('FIRST', 35).matched.map((m) => m.rule)).toEqual([1]);
    expect(value('FIRST', 5).value).toBeNull();
  });
  it('UNIQUE gives an error result, not a guess, when several rules match', () => {
    const e = value('UNIQUE', 25);
    expect(e.value).toBeNull();
    expect(e.error?.code).toBe('hit-policy');
    expect(e.matched.map((m) => m.rule)).toEqual([1, 2]);
    expect(value('UNIQUE', 15).value).toEqual({ L: 'a', N: 1 });
  });
  it('ANY accepts agreeing matches and rejects disagreeing ones', () => {
    const agree = charter(table('ANY', '| X | → L |', ['| > 10 | "a" |', '| > 20 | "a" |'])).evaluate('D', {
      X: 25,
    });
    expect(agree.value).toBe('a');
    expect(value('ANY', 25).error?.code).toBe('hit-policy');
  });
  it('PRIORITY picks by declared output order, then rule order', () => {
    expect(value('PRIORITY', 35).value).toEqual({ L: 'b', N: 2 });
  });
  it('OUTPUT ORDER sorts by priority; RULE ORDER and COLLECT keep rule order', () => {
    expect(value('OUTPUT ORDER', 35).value).toEqual([
      { L: 'b', N: 2 },
      { L: 'a', N: 1 },
      { L: 'a', N: 3 },
    ]);
    expect((value('RULE ORDER', 35).value as unknown[]).length).toBe(3);
    expect(value('COLLECT', 5).value).toEqual([]);
  });
  it('COLLECT SUM / MIN / MAX / COUNT aggregate a single output', () => {
    const agg = (hp: string, x: number) =>
      charter(table(hp, '| X | → N |', ['| > 10 | 1 |', '| > 20 | 2 |', '| > 30 | 2 |'])).evaluate('D', {
        X: x,
      }).value;
    expect(agg('COLLECT SUM', 35)).toBe(5);
    expect(agg('COLLECT MIN', 35)).toBe(1);
    expect(agg('COLLECT MAX', 35)).toBe(2);
    expect(agg('COLLECT COUNT', 35)).toBe(2);
    expect(agg('COLLECT SUM', 5)).toBeNull();
    expect(agg('COLLECT COUNT', 5)).toBe(0);
  });
});

describe('facts at the boundary', () => {
  const dated = charter(
    '## Facts\n\n| Fact | Type | Values | Description |\n|---|---|---|---|\n| Delivered | date | | d |\n| Tier | string | "standard", "gold" | t |\n\n' +
      table('FIRST', '| Delivered | Tier | → R |', [
        '| < date("2026-03-01") | - | "old" |',
        '| - | "gold" | "gold" |',
        '| - | - | "other" |',
      ]),
  );
  it('turns an ISO string into a date only where a date is declared', () => {
    const e = dated.evaluate('D', { Delivered: '2026-02-01' });
    expect(e.value).toBe('old');
    expect(e.inputs).toEqual({ Delivered: '2026-02-01', Tier: null });
    expect(e.warnings).toEqual([]);
  });
  it('warns and does not match when a value has the wrong type or is not allowed', () => {
    const e = dated.evaluate('D', { Delivered: 'last week', Tier: 'platinum' });
    expect(e.value).toBe('other');
    expect(e.warnings.map((w) => w.code)).toEqual(['type-mismatch', 'not-allowed']);
    expect(e.warnings[0]?.message).toBe('Unexpected "last week" for Delivered, expected a date "YYYY-MM-DD"');
  });
  it('types an undeclared column from its cells: ISO dates coerce, other strings warn and never match', () => {
    const c = charter(
      table('FIRST', '| When | → R |', ['| < date("2026-03-01") | "before" |', '| - | "no" |']),
    );
    expect(c.evaluate('D', { When: '2026-01-01' }).value).toBe('before');
    const e = c.evaluate('D', { When: 'yesterday' });
    expect(e.value).toBe('no');
    expect(e.warnings.map((w) => w.code)).toEqual(['type-mismatch']);
  });
  it('warns once per fact per evaluation, however often the fact is read', () => {
    const c = charter(
      '## Facts\n\n| Fact | Type | Values | Description |\n|---|---|---|---|\n| Price | number | | p |\n\n' +
        '## Decision: Half\n\n```feel\nPrice / 2\n```\n\n' +
        table('FIRST', '| Price | Half | → R | → Also |', [
          '| > 10 | - | Price | Half |',
          '| - | - | Price * 2 | Price |',
        ]),
    );
    for (const e of [c.evaluate('D', { Price: 'ten' }), c.interpret('D', { Price: 'ten' })]) {
      expect(e.value).toEqual({ R: null, Also: null });
      expect(e.warnings).toEqual([
        { code: 'type-mismatch', fact: 'Price', message: 'Unexpected "ten" for Price, expected a number' },
      ]);
    }
  });
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'does not take a fact named %s from Object.prototype',
    (name) => {
      const cells = [`| ${name} | → R |`, ['| null | "missing" |', '| - | "other" |']] as const;
      const typed = charter(table('FIRST', cells[0], [...cells[1]]));
      const listed = charter(
        table('FIRST', `| ${name}: "a", "b" | → R |`, ['| not("a") | "not a" |', '| - | "other" |']),
      );
      const expr = charter(`## Decision: D\n\n\`\`\`feel\n${name} = null\n\`\`\`\n`);
      for (const [c, want] of [
        [typed, 'missing'],
        [listed, 'not a'],
        [expr, true],
      ] as const) {
        for (const facts of [{}, Object.create(null) as Record<string, unknown>]) {
          expect(c.evaluate('D', facts)).toMatchObject({ value: want, warnings: [] });
          expect(c.interpret('D', facts)).toMatchObject({ value: want, warnings: [] });
          expect(c.evaluateValue('D', facts)).toBe(want);
          expect(c.decisionFunction('D')?.(facts)).toBe(want);
        }
      }
      // An own property of that name is a fact like any other.
      const own = JSON.parse(`{"${name}": "a"}`) as Record<string, unknown>;
      expect(listed.evaluate('D', own).value).toBe('other');
      expect(listed.decisionFunction('D')?.(own)).toBe('other');
    },
  );
  it('reads only own entries of a context: {a: 1}.constructor is null', () => {
    const c = charter('## Decision: D\n\n```feel\n[{a: 1}.constructor, {a: toString}.a, {a: 1}.a]\n```\n');
    for (const e of [c.evaluate('D', {}), c.interpret('D', {})]) expect(e.value).toEqual([null, null, 1]);
    expect(c.evaluate('D', { toString: 'own' }).value).toEqual([null, 'own', 1]);
  });
  it('records the policy version and the annotations of the rule that fired', () => {
    const c = charter(
      table('FIRST', '| X | → R | # Why |', [
        '| <= 30 | "refund" | In the window |',
        '| - | "deny" | Too late |',
      ]),
    );
    const e = c.evaluate('D', { X: 40 });
    expect(e.policy).toEqual({ id: 't', version: 3 });
    expect(e.matched).toEqual([{ decision: 'D', rule: 2, annotations: ['Too late'] }]);
  });
});

describe('decisions that require decisions', () => {
  const c = charter(
    '## Decision: Late\n\n```feel\nDays since delivery > 30\n```\n\n## Decision: Amount\n\n```feel\nif Late then Price * 0.5 else Price\n```\n\n' +
      table('UNIQUE', '| Late | → Pay |', ['| true | "partial" |', '| false | "full" |']),
  );
  it('evaluates requirements first and reports them as inputs', () => {
    const e = c.evaluate('D', { 'Days since delivery': 45 });
    expect(e.value).toBe('partial');
    expect(e.inputs.Late).toBe(true);
    expect(c.evaluate('Amount', { 'Days since delivery': 45, Price: 30 }).value).toBe(15);
  });
  it('says which decision is unknown', () => {
    expect(c.evaluate('Nope', {}).error?.code).toBe('unknown-decision');
  });
});

describe('FEEL in cells', () => {
  const one = (cell: string, x: unknown) =>
    charter(table('FIRST', '| X | → R |', [`| ${cell} | true |`, '| - | false |'])).evaluate('D', { X: x })
      .value;
  it.each([
    ['[1..5]', 5, true],
    ['[1..5)', 5, false],
    ['(1..5]', 1, false],
    ['not(3, 4)', 4, false],
    ['not(3, 4)', 5, true],
    ['"a", "b"', 'b', true],
    ['? > 2 and ? < 4', 3, true],
    ['>= duration("P2D")', 'P3D', false],
    ['!= 3', 3, false],
    ['null', null, true],
    ['not(< 10)', 'ten', false],
  ])('%s with %j → %s', (cell, x, expected) => {
    expect(one(cell, x)).toBe(expected);
  });
});
