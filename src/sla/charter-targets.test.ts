import { describe, expect, it } from 'vitest';
import { loadSources } from '../cli/load.ts';
import { compileCalendar } from '../hours/index.ts';
import { compileCharter } from '../policy/compile/charter.ts';
import type { HoursSection, PolicyDocument } from '../policy/model.ts';
import { parsePolicy } from '../policy/parse/index.ts';
import { targetResolverFromCharter } from './charter-targets.ts';
import { computeClocks } from './index.ts';

const docs: PolicyDocument[] = loadSources([new URL('../../examples/charter', import.meta.url).pathname]).map(
  (s) => {
    const r = parsePolicy(s.text, s.file);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.value;
  },
);
const compiled = compileCharter(docs);
if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
const charter = compiled.value;
const calendars = Object.fromEntries(
  docs
    .flatMap((d) => d.sections)
    .filter((s): s is HoursSection => s.kind === 'hours')
    .map((s) => {
      const c = compileCalendar(s);
      if (!c.ok) throw new Error(JSON.stringify(c.problems));
      return [s.name, c.value];
    }),
);

describe('targets from the demo charter', () => {
  const resolver = targetResolverFromCharter({
    charter,
    decisions: [
      { decision: 'Response promise', promise: 'customer' },
      { decision: 'Response target', promise: 'internal' },
    ],
  });

  it('reads both the customer promise and the internal target, with the rule that fired', () => {
    const set = resolver({ channel: 'email', priority: 'normal', kind: 'question', tier: 'standard' });
    expect(set?.rule).toMatchObject({ decision: 'Response promise', number: 5 });
    expect(set?.policy.id).toBe('response-times');
    const first = set?.targets.filter((t) => t.metric === 'first_reply');
    expect(first?.map((t) => [t.promise, t.duration, t.calendar])).toEqual([
      ['customer', 'PT8H', 'Support'],
      ['internal', 'PT4H', 'Support'],
    ]);
  });

  it('counts a FEEL duration of 40 hours as 40 working hours, not as one business day and 16 hours', () => {
    // FEEL normalises PT40H to P1DT16H; read as text, the 1D would mean "the next business day".
    const set = resolver({ channel: 'email', priority: 'normal', kind: 'question', tier: 'standard' });
    const resolution = set?.targets.find((t) => t.metric === 'resolution' && t.promise === 'customer');
    expect(resolution?.duration).toBe('PT40H');
    const created = Date.parse('2026-11-23T09:00:00Z'); // Monday, 09:00 in London
    const { clocks } = computeClocks(
      [
        {
          type: 'created',
          at: created,
          attributes: { channel: 'email', priority: 'normal', kind: 'question', tier: 'standard' },
        },
      ],
      resolver,
      calendars,
      created + 60_000,
    );
    const clock = clocks.find((c) => c.metric === 'resolution' && c.promise === 'customer');
    expect(clock?.budgetMinutes).toBe(2400);
  });

  it('drives real clocks: an email on a Friday afternoon is due the next working day', () => {
    const created = Date.parse('2026-11-20T15:00:00Z'); // Friday, 15:00 in London (GMT)
    const { clocks } = computeClocks(
      [
        {
          type: 'created',
          at: created,
          attributes: { channel: 'email', priority: 'normal', kind: 'question', tier: 'standard' },
        },
      ],
      resolver,
      calendars,
      created + 60_000,
    );
    const promise = clocks.find((c) => c.metric === 'first_reply' && c.promise === 'customer');
    // 8 business hours of Support time: 2.5 h on Friday (15:00–17:30), 4 h on Saturday (09:00–13:00),
    // Sunday closed, then the last 1.5 h from Monday's 08:30 opening.
    expect(promise?.budgetMinutes).toBe(480);
    expect(new Date(promise?.dueAt ?? 0).toISOString()).toBe('2026-11-23T10:00:00.000Z');
  });
});
