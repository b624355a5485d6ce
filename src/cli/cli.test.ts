/**
 * The `charter` command end to end: the real binary through tsx, for lint, decide, diff and hours.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';

const run = promisify(execFile);
const bin = new URL('../../bin/charter.js', import.meta.url).pathname;
const charterDir = new URL('../../examples/charter', import.meta.url).pathname;

async function charter(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** Runs in-process (fast) and captures output. */
async function inProcess(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const work = mkdtempSync(join(tmpdir(), 'charter-cli-'));
const bad = join(work, 'bad.md');
writeFileSync(
  bad,
  '---\npolicy: bad\ntitle: Bad\nversion: 1\neffective: 2026-01-01\naudience: staff\n---\n\n## Decision: Refund\n\n| Days since delivery | → Outcome |\n|---|---|\n| < 30 | "refund" |\n| >= 20 | "deny" |\n',
);

describe('charter lint', () => {
  it('finds the demo charter clean (exit 0)', async () => {
    const r = await charter(['lint', charterDir, '--today', '2026-11-22']);
    expect(r.stdout).toContain('no problems');
    expect(r.code).toBe(0);
  });
  it('exits 1 on errors and prints JSON problems with positions and examples', async () => {
    const r = await charter(['lint', bad, '--format', 'json', '--today', '2026-11-22']);
    expect(r.code).toBe(1);
    const { problems } = JSON.parse(r.stdout) as { problems: Record<string, unknown>[] };
    expect(problems).toEqual([
      {
        file: bad,
        line: 14,
        column: 3,
        severity: 'error',
        code: 'overlap',
        message: 'Unexpected overlap of rule 2 with rule 1, expected disjoint conditions under UNIQUE',
        decision: 'Refund',
        rules: [1, 2],
        example: { 'Days since delivery': 20 },
      },
    ]);
  });
  it('prints file:line:column in text form', async () => {
    const r = await inProcess(['lint', bad, '--today', '2026-11-22']);
    expect(r.stdout).toContain(`${bad}:14:3  error    Unexpected overlap`);
    expect(r.code).toBe(1);
  });
  it('gives a gap example that really is uncovered', async () => {
    const gapDoc = join(work, 'gap.md');
    writeFileSync(gapDoc, readFileSync(bad, 'utf8').replace('>= 20', '> 30'));
    const r = await inProcess(['lint', gapDoc, '--format', 'json', '--today', '2026-11-22']);
    const { problems } = JSON.parse(r.stdout) as {
      problems: { code: string; example: Record<string, unknown> }[];
    };
    const gap = problems.find((p) => p.code === 'gap');
    expect(gap?.example).toEqual({ 'Days since delivery': 30 });
    const d = await inProcess([
      'decide',
      gapDoc,
      '--decision',
      'Refund',
      '--facts',
      JSON.stringify(gap?.example),
    ]);
    expect(JSON.parse(d.stdout).value).toBeNull();
  });
});

describe('charter decide', () => {
  it('prints value, matched rules and warnings as one JSON object', async () => {
    const facts = {
      'Days since delivery': 45,
      'Item condition': 'opened',
      'Product category': 'textiles',
      'Customer tier': 'gold',
      'Lifetime value': 2400,
    };
    const r = await charter(['decide', charterDir, '--decision', 'Refund', '--facts', JSON.stringify(facts)]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      value: unknown;
      matched: { decision: string; rule: number }[];
      warnings: string[];
    };
    expect(out.value).toEqual({ Outcome: 'refund', 'Refund percent': 100 });
    expect(out.matched.some((m) => m.decision === 'Refund')).toBe(true);
    expect(out.warnings).toEqual([]);
  });
  it('rejects facts that are not JSON with exit 2', async () => {
    const r = await inProcess(['decide', charterDir, '--decision', 'Refund', '--facts', '{nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected a JSON object');
  });
});

describe('charter diff', () => {
  it('shows changed rules and an input whose outcome changes', async () => {
    const next = join(work, 'next.md');
    writeFileSync(next, readFileSync(bad, 'utf8').replace('| < 30 | "refund" |', '| < 14 | "refund" |'));
    const r = await inProcess(['diff', bad, next, '--format', 'json']);
    const { decisions } = JSON.parse(r.stdout) as {
      decisions: {
        decision: string;
        rules: { kind: string }[];
        outcomes: { facts: Record<string, number>; before: unknown; after: unknown }[];
      }[];
    };
    expect(decisions[0]?.decision).toBe('Refund');
    expect(decisions[0]?.rules.map((x) => x.kind).sort()).toEqual(['added', 'removed']);
    expect(decisions[0]?.outcomes.length).toBeGreaterThan(0);
    for (const o of decisions[0]?.outcomes ?? []) {
      const d = o.facts['Days since delivery'] as number;
      // 14–19: was refunded, now no rule matches; 20–29: the overlap (an error, null) is gone.
      if (d < 20) expect([d >= 14, o.before, o.after]).toEqual([true, 'refund', null]);
      else expect([d < 30, o.before, o.after]).toEqual([true, null, 'deny']);
    }
  });
});

describe('charter hours', () => {
  it('adds business minutes across a lunch break and reports open/elapsed', async () => {
    const file = join(charterDir, 'hours.md');
    const add = await inProcess([
      'hours',
      'add',
      file,
      '--calendar',
      'Always',
      '--start',
      '2026-11-23T09:00:00Z',
      '--minutes',
      '90',
    ]);
    expect(JSON.parse(add.stdout)).toEqual({ due: '2026-11-23T10:30:00.000Z' });
    const open = await inProcess([
      'hours',
      'open',
      file,
      '--calendar',
      'Support',
      '--at',
      '2026-11-22T12:00:00Z',
    ]);
    expect(JSON.parse(open.stdout)).toEqual({ open: false });
    const el = await inProcess([
      'hours',
      'elapsed',
      file,
      '--calendar',
      'Always',
      '--start',
      '2026-11-23T00:00:00Z',
      '--end',
      '2026-11-23T00:01:30Z',
    ]);
    expect(JSON.parse(el.stdout)).toEqual({ minutes: 1.5 });
  });
  it('names the calendars when one is unknown', async () => {
    const r = await inProcess([
      'hours',
      'open',
      join(charterDir, 'hours.md'),
      '--calendar',
      'Nope',
      '--at',
      '2026-11-22T12:00:00Z',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Support');
  });
});
