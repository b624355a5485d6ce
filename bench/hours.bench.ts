/**
 * @module bench/hours
 * Business-time arithmetic speed: our compiled calendar against moment-business-time on the same inputs.
 * Run: `npm run bench:hours`. The last line is one JSON object with the figures.
 */

import Holidays from 'date-holidays';
import moment from 'moment-timezone';
import 'moment-business-time';
import { compileCalendar } from '../src/hours/index.ts';
import type { HoursSection } from '../src/policy/model.ts';
import { type CaseEvent, createSlaEngine, type TargetSet } from '../src/sla/index.ts';

const ZONE = 'Europe/London';
const YEAR = 2027;
const INPUTS = 100_000;
const AGREEMENT_SAMPLE = 20_000;
const MEASURE_MS = 4_000;
const WARM_UP_MS = 1_000;
/** A business day of the benchmarked calendar: 09:00–12:30 and 13:30–17:30. */
const BUSINESS_DAY_MINUTES = 450;

const at = (line: number, column: number) => ({ line, column });
// The Hours section as the policy parser gives it: Mon–Fri with lunch, Saturday mornings, GB-ENG public holidays
// (ten dates in 2027: 1 Jan, 26 and 29 Mar, 3 and 31 May, 30 Aug, 25–28 Dec).
const section: HoursSection = {
  kind: 'hours',
  name: 'Support',
  fields: [
    { key: 'Time zone', value: ZONE, position: at(2, 1) },
    { key: 'Holidays', value: 'GB-ENG', position: at(3, 1) },
  ],
  rows: [
    {
      day: 'Monday–Friday',
      open: '09:00–12:30, 13:30–17:30',
      dayPosition: at(7, 3),
      openPosition: at(7, 19),
    },
    { day: 'Saturday', open: '10:00–14:00', dayPosition: at(8, 3), openPosition: at(8, 14) },
    { day: 'Sunday', open: 'Closed', dayPosition: at(9, 3), openPosition: at(9, 12) },
  ],
  markdown: '',
  position: at(1, 1),
};

/** The part of moment-business-time's API used here (it ships no types). */
interface WorkingMoment {
  addWorkingTime(amount: number, unit: 'minutes'): WorkingMoment;
  workingDiff(other: WorkingMoment, unit: 'minutes', precise: true): number;
  valueOf(): number;
}

const working = (ms: number) => moment.tz(ms, ZONE) as unknown as WorkingMoment;

/** A small seeded generator, so every run measures the same inputs. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `batch` (one pass over the inputs) until `ms` have passed; returns operations per second. */
function measure(batch: () => number, perBatch: number, ms: number): { perSecond: number; checksum: number } {
  let checksum = 0;
  let operations = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    checksum += batch();
    operations += perBatch;
    elapsed = performance.now() - start;
  }
  return { perSecond: (operations / elapsed) * 1000, checksum };
}

const compiled = compileCalendar(section);
if (!compiled.ok) throw new Error(compiled.problems.map((p) => p.message).join('\n'));
const calendar = compiled.value;

// Inputs: whole-second instants across the year, budgets of 1 minute to 5 business days, end instants up to
// three weeks after the start.
const random = mulberry32(20270101);
const yearStart = Date.UTC(YEAR, 0, 1);
const yearEnd = Date.UTC(YEAR + 1, 0, 1);
const starts = new Float64Array(INPUTS);
const budgets = new Float64Array(INPUTS);
const ends = new Float64Array(INPUTS);
for (let i = 0; i < INPUTS; i++) {
  starts[i] = yearStart + Math.floor((random() * (yearEnd - yearStart)) / 1000) * 1000;
  budgets[i] = 1 + Math.floor(random() * 5 * BUSINESS_DAY_MINUTES);
  ends[i] = starts[i]! + Math.floor(random() * 21 * 86_400) * 1000;
}

// moment-business-time set to the same calendar: working hours per weekday (0 = Sunday) and the same holidays.
const england = new Holidays('GB', 'ENG');
const holidayDates = [YEAR, YEAR + 1].flatMap((year) =>
  england
    .getHolidays(year)
    .filter((h) => h.type === 'public')
    .map((h) => h.date.slice(0, 10)),
);
const weekday = ['09:00:00', '12:30:00', '13:30:00', '17:30:00'];
moment.updateLocale('en', {
  workinghours: {
    0: null,
    1: weekday,
    2: weekday,
    3: weekday,
    4: weekday,
    5: weekday,
    6: ['10:00:00', '14:00:00'],
  },
  holidays: holidayDates,
});

console.log(`Calendar: Mon–Fri 09:00–12:30, 13:30–17:30; Sat 10:00–14:00; ${ZONE}; GB-ENG`);
console.log(`Holidays in ${YEAR}: ${holidayDates.filter((d) => d.startsWith(String(YEAR))).join(', ')}`);
console.log(
  `Inputs: ${INPUTS} starts across ${YEAR}, budgets 1–${5 * BUSINESS_DAY_MINUTES} business minutes`,
);

// 1. Agreement on `add` before any timing.
let agree = 0;
const disagreements: string[] = [];
for (let i = 0; i < AGREEMENT_SAMPLE; i++) {
  const ours = calendar.addMinutes(starts[i]!, budgets[i]!);
  const theirs = working(starts[i]!).addWorkingTime(budgets[i]!, 'minutes').valueOf();
  if (ours === theirs) agree++;
  else if (disagreements.length < 5) {
    disagreements.push(
      `  start ${new Date(starts[i]!).toISOString()} + ${budgets[i]} min: ours ${new Date(ours).toISOString()}, ` +
        `moment-business-time ${new Date(theirs).toISOString()}`,
    );
  }
}
console.log(`Agreement on add: ${agree}/${AGREEMENT_SAMPLE}`);
for (const line of disagreements) console.log(line);

// A wrong answer of moment-business-time's workingDiff around the lunch break (kept as a regression test of ours).
const noon = Date.parse('2027-01-04T12:00:00Z');
const onePm = Date.parse('2027-01-04T13:00:00Z');
console.log(
  `Mon 2027-01-04 12:00→13:00 London: ours ${calendar.elapsedMinutes(noon, onePm)} min, ` +
    `moment-business-time workingDiff ${working(onePm).workingDiff(working(noon), 'minutes', true)} min`,
);

// 2. Our speed.
const addBatch = () => {
  let sum = 0;
  for (let i = 0; i < INPUTS; i++) sum += calendar.addMinutes(starts[i]!, budgets[i]!);
  return sum;
};
const elapsedBatch = () => {
  let sum = 0;
  for (let i = 0; i < INPUTS; i++) sum += calendar.elapsedMinutes(starts[i]!, ends[i]!);
  return sum;
};
measure(addBatch, INPUTS, WARM_UP_MS);
const add = measure(addBatch, INPUTS, MEASURE_MS);
measure(elapsedBatch, INPUTS, WARM_UP_MS);
const elapsed = measure(elapsedBatch, INPUTS, MEASURE_MS);
console.log(`add: ${Math.round(add.perSecond).toLocaleString('en')}/s`);
console.log(`elapsed: ${Math.round(elapsed.perSecond).toLocaleString('en')}/s`);

// 3. The peer's speed on the same inputs (a slice per batch: it is far slower).
const PEER_BATCH = 1_000;
let peerOffset = 0;
const peerBatch = () => {
  let sum = 0;
  for (let k = 0; k < PEER_BATCH; k++) {
    const i = (peerOffset + k) % INPUTS;
    sum += working(starts[i]!).addWorkingTime(budgets[i]!, 'minutes').valueOf();
  }
  peerOffset = (peerOffset + PEER_BATCH) % INPUTS;
  return sum;
};
measure(peerBatch, PEER_BATCH, WARM_UP_MS);
const peer = measure(peerBatch, PEER_BATCH, MEASURE_MS);
console.log(`moment-business-time add: ${Math.round(peer.perSecond).toLocaleString('en')}/s`);
console.log(`checksums: ${add.checksum} ${elapsed.checksum} ${peer.checksum}`);

// 4. SLA ledgers (src/sla, built on this calendar): all clocks of one case with its ledger, as of a moment.
// A case of 20 events: replies, customer messages, notes and automated messages (which never count),
// two waits on the customer (pausing resolution), a priority change (re-targeting), resolved, reopened
// and resolved again; targets for first reply, next reply, periodic update and resolution.
const targets: TargetSet = {
  targets: [
    { metric: 'first_reply', duration: 'PT4H', calendar: 'Support', promise: 'customer' },
    { metric: 'next_reply', duration: 'PT8H', calendar: 'Support', promise: 'customer' },
    { metric: 'periodic_update', duration: 'PT16H', calendar: 'Support', promise: 'internal' },
    { metric: 'resolution', duration: 'PT40H', calendar: 'Support', promise: 'customer' },
  ],
  policy: { id: 'response-times', version: 1 },
  rule: { decision: 'Response times', number: 1 },
};
const engine = createSlaEngine({ resolver: () => targets, calendars: { Support: calendar } });
const CASES = 10_000;
const cases: CaseEvent[][] = [];
const asOf = new Float64Array(CASES);
const SCRIPT: readonly ((at: number) => CaseEvent)[] = [
  (at) => ({ type: 'agent_reply', at }),
  (at) => ({ type: 'customer_message', at }),
  (at) => ({ type: 'note', at }),
  (at) => ({ type: 'agent_reply', at }),
  (at) => ({ type: 'status_changed', at, status: 'waiting_on_customer' }),
  (at) => ({ type: 'customer_message', at }),
  (at) => ({ type: 'attributes_changed', at, attributes: { priority: 'high' } }),
  (at) => ({ type: 'automated_message', at }),
  (at) => ({ type: 'agent_reply', at }),
  (at) => ({ type: 'customer_message', at }),
  (at) => ({ type: 'note', at }),
  (at) => ({ type: 'agent_reply', at }),
  (at) => ({ type: 'status_changed', at, status: 'waiting_on_customer' }),
  (at) => ({ type: 'customer_message', at }),
  (at) => ({ type: 'agent_reply', at }),
  (at) => ({ type: 'resolved', at }),
  (at) => ({ type: 'reopened', at }),
  (at) => ({ type: 'agent_reply', at }),
  (at) => ({ type: 'resolved', at }),
];
for (let i = 0; i < CASES; i++) {
  let at = starts[i]!;
  const events: CaseEvent[] = [{ type: 'created', at, attributes: { priority: 'normal' } }];
  for (const make of SCRIPT) {
    at += (1 + Math.floor(random() * 240)) * 60_000;
    events.push(make(at));
  }
  cases.push(events);
  asOf[i] = at + 3_600_000;
}
const ledgerBatch = () => {
  let sum = 0;
  for (let i = 0; i < CASES; i++) sum += engine.compute(cases[i]!, asOf[i]!).clocks.length;
  return sum;
};
measure(ledgerBatch, CASES, WARM_UP_MS);
const ledger = measure(ledgerBatch, CASES, MEASURE_MS);
console.log(
  `SLA ledgers (one case's clocks, 20 events, 4 targets): ${Math.round(ledger.perSecond).toLocaleString('en')}/s`,
);
const ledgerPerSecond: number | null = Math.round(ledger.perSecond);
console.log(
  JSON.stringify({
    add_per_s: Math.round(add.perSecond),
    elapsed_per_s: Math.round(elapsed.perSecond),
    ledger_per_s: ledgerPerSecond,
    peer_add_per_s: Math.round(peer.perSecond),
    ratio_add_to_peer: Math.round(add.perSecond / peer.perSecond),
  }),
);
