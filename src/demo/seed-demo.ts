/**
 * @module demo/seed-demo
 * Fills the demo company with plausible history through the same domain services the API uses:
 * customers with orders, and cases over the last 90 days with messages, replies, notes, procedure
 * steps, refund decisions (the larger ones approved or denied by the manager) and resolutions, so
 * the queue, SLA ledgers, approvals, budgets and audit trail look like a real desk's.
 * Deterministic: the same seed gives the same company.
 */
import type { Transaction } from 'kysely';
import {
  addMessage,
  addNote,
  type CaseContext,
  completeStep,
  createCase,
  isAfterResolution,
  updateCase,
} from '../cases/index.ts';
import { createCustomer, createOrder } from '../customers/index.ts';
import { createDecision, type DecisionContext, decideApproval, NotInForce } from '../decisions/index.ts';
import { mulberry32 as prng } from '../policy/testing/prng.ts';
import type { Store } from '../store/index.ts';
import type { CaseKind, Database } from '../store/schema.ts';

export interface SeedOptions {
  readonly customers: number;
  readonly cases: number;
  readonly now: number;
  readonly seed?: number;
  /** Checked between records: seeding stops early (consistently) when it answers true. */
  readonly shouldStop?: () => boolean;
}

const FIRST = [
  'Amelia',
  'Oliver',
  'Isla',
  'George',
  'Ava',
  'Noah',
  'Mia',
  'Arthur',
  'Grace',
  'Leo',
  'Freya',
  'Oscar',
  'Priya',
  'Kwame',
  'Zofia',
  'Hamza',
  'Niamh',
  'Tomasz',
  'Aisha',
  'Callum',
];
const LAST = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Patel',
  'Khan',
  'Evans',
  'Thomas',
  'Murphy',
  'Nowak',
  'Okafor',
  'Hughes',
  'Clarke',
  'Walsh',
  'Begum',
  'Ahmed',
  'Reid',
  'Fraser',
];
const PRODUCTS = [
  { sku: 'CK-101', name: 'Cast iron casserole 24 cm', category: 'cookware', unit: 8900 },
  { sku: 'TW-220', name: 'Stoneware dinner set (12)', category: 'tableware', unit: 6400 },
  { sku: 'TX-310', name: 'Linen tablecloth', category: 'textiles', unit: 3800 },
  { sku: 'BD-410', name: 'Percale duvet cover, king', category: 'bedding', unit: 5600 },
  { sku: 'SA-505', name: 'Stand mixer', category: 'small appliances', unit: 24900 },
  { sku: 'LT-640', name: 'Rattan pendant lamp', category: 'lighting', unit: 7200 },
  // Above what an agent may refund alone, so some refunds wait for the manager.
  { sku: 'FN-720', name: 'Oak sideboard', category: 'furniture', unit: 64900 },
  { sku: 'RG-830', name: 'Wool rug 200 × 300 cm', category: 'textiles', unit: 32900 },
];
const SUBJECTS: Record<CaseKind, string[]> = {
  question: [
    'Where is my order?',
    'Can I change my delivery address?',
    'Is the casserole induction-safe?',
    'Do you deliver to Jersey?',
  ],
  complaint: [
    'Parcel arrived damaged',
    'Wrong colour sent',
    'Courier left it in the rain',
    'Still waiting after two weeks',
    'Rude phone call',
  ],
  'refund request': [
    'Return unopened mixer',
    'Refund for the lamp please',
    'Changed my mind about the bedding',
    'Faulty kettle refund',
  ],
  compliment: ['Lovely service from Sam', 'Thank you for the quick replacement'],
};
const CHANNELS = ['email', 'email', 'email', 'web form', 'chat', 'phone', 'social'] as const;
/** What the agent finds when the item comes back (the `Item condition` the charter asks of them). */
const CONDITIONS = ['unopened', 'unopened', 'opened', 'used', 'faulty', 'damaged in transit'] as const;
const DENIALS = [
  'Photos show wear beyond what the policy covers.',
  'Outside what we can make an exception for.',
];

export interface Seeded {
  readonly customers: number;
  readonly orders: number;
  readonly cases: number;
  readonly decisions: number;
  /** Approvals the manager answered (the rest still wait in the inbox). */
  readonly approvals: number;
}

/**
 * Seeds the organisation. Returns how many customers, orders and cases were made.
 * @example await seedDemo(store, orgId, { agent, manager }, { customers: 300, cases: 2000, now: Date.now() })
 */
export async function seedDemo(
  store: Store,
  orgId: string,
  staff: { readonly agents: readonly string[]; readonly manager: string },
  options: SeedOptions,
): Promise<Seeded> {
  const rnd = prng(options.seed ?? 2026);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const day = 86_400_000;
  const customers: { id: string; orders: { id: string; deliveredAt: number | null }[] }[] = [];
  let orders = 0;
  const tx = <T>(f: (trx: Transaction<Database>) => Promise<T>) => store.db.transaction().execute(f);

  const stop = options.shouldStop ?? (() => false);
  for (let i = 0; i < options.customers && !stop(); i++) {
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const tier = rnd() < 0.1 ? 'gold' : rnd() < 0.25 ? 'silver' : 'standard';
    const created = options.now - (120 + Math.floor(rnd() * 600)) * day;
    const c = await tx(async (trx) => {
      const ctx = { db: trx, dialect: store.dialect, orgId, actorId: staff.manager, now: created };
      const customer = await createCustomer(ctx, {
        name,
        email: `${name.toLowerCase().replace(/\s+/g, '.')}.${i}@example.com`,
        tier,
        consent: { marketing: rnd() < 0.4, surveys: rnd() < 0.8 },
        channelRestriction: rnd() < 0.01 ? 'email only' : null,
      });
      const mine: { id: string; deliveredAt: number | null }[] = [];
      const n = 1 + Math.floor(rnd() * 3);
      for (let k = 0; k < n; k++) {
        const placed = options.now - Math.floor(rnd() * 150) * day - Math.floor(rnd() * day);
        const delivered = rnd() < 0.9 ? placed + (2 + Math.floor(rnd() * 5)) * day : null;
        const items = [pick(PRODUCTS)].map((p) => ({
          sku: p.sku,
          name: p.name,
          category: p.category,
          quantity: 1,
          unit_minor: p.unit,
        }));
        const order = await createOrder({ ...ctx, now: placed }, customer.id, {
          number: `LH-${100000 + i * 10 + k}`,
          placedAt: placed,
          deliveredAt: delivered !== null && delivered < options.now ? delivered : null,
          currency: 'GBP',
          totalMinor: items.reduce((t, it) => t + it.unit_minor * it.quantity, 0),
          items,
        });
        mine.push({ id: order.id, deliveredAt: delivered });
        orders++;
      }
      return { id: customer.id, orders: mine };
    });
    customers.push(c);
  }

  let cases = 0;
  let decisions = 0;
  let approvals = 0;
  const decisionCtx = (trx: Transaction<Database>, now: number, userId: string, role: 'agent' | 'manager') =>
    ({ db: trx, dialect: store.dialect, orgId, actorId: userId, role, now }) satisfies DecisionContext;
  /**
   * Runs a decision step; one the charter in force on its date cannot make is skipped: the history
   * reaches back before the Refund policy took effect (no such decision), or before the authority
   * policy did (a policy error: nothing can be granted). Any other error stops the seed.
   */
  const ifInForce = async <T>(work: () => Promise<T>): Promise<T | null> => {
    try {
      return await work();
    } catch (e) {
      if (e instanceof NotInForce) return null;
      throw e;
    }
  };
  for (let i = 0; i < options.cases && !stop() && customers.length > 0; i++) {
    cases++;
    const kind: CaseKind = pick([
      'question',
      'question',
      'complaint',
      'refund request',
      'refund request',
      'compliment',
    ]);
    const customer = pick(customers);
    const order = customer.orders.length && kind !== 'compliment' ? pick(customer.orders) : null;
    const created = options.now - Math.floor(rnd() * 90 * day);
    const agent = pick(staff.agents);
    const actor = (userId: string | null) =>
      userId ? { orgId, type: 'user' as const, id: userId } : { orgId, type: 'system' as const, id: null };
    const ctxAt = (trx: Transaction<Database>, now: number, userId: string | null): CaseContext => ({
      trx,
      dialect: store.dialect,
      now,
      actor: actor(userId),
    });
    const subject = pick(SUBJECTS[kind]);
    const made = await tx((trx) =>
      createCase(ctxAt(trx, created, agent), {
        kind,
        channel: pick(CHANNELS),
        priority: kind === 'complaint' && rnd() < 0.3 ? 'high' : rnd() < 0.05 ? 'urgent' : 'normal',
        subject,
        body: `${subject}. Order ${order ? 'attached' : 'not known'}; please help.`,
        customerId: customer.id,
        ...(order ? { orderId: order.id } : {}),
      }),
    );
    const caseId = made.case.id;
    let t = created;
    const age = options.now - created;
    // Older cases have moved further along; recent ones are still in the queue.
    const replied = rnd() < Math.min(0.98, 0.3 + age / (5 * day));
    if (!replied) continue;
    t += Math.floor((0.2 + rnd() * 10) * 3_600_000);
    if (t >= options.now) continue;
    await tx((trx) =>
      addMessage(ctxAt(trx, t, agent), caseId, {
        direction: 'out',
        channel: 'email',
        body: 'Thank you for getting in touch — I am looking into this now.',
      }),
    );
    if (rnd() < 0.3) {
      t += Math.floor(rnd() * 6 * 3_600_000);
      if (t < options.now)
        await tx((trx) =>
          addNote(ctxAt(trx, t, agent), caseId, { body: 'Checked with the warehouse: dispatched late.' }),
        );
    }
    // Refund requests on delivered orders get the charter's decision; larger ones wait for the manager.
    if (kind === 'refund request' && order?.deliveredAt != null && order.deliveredAt < t) {
      t += Math.floor(rnd() * 3 * 3_600_000);
      const at = t;
      const view =
        at < options.now
          ? await ifInForce(() =>
              tx((trx) =>
                createDecision(decisionCtx(trx, at, agent, 'agent'), caseId, {
                  decision: 'Refund',
                  facts: { 'Item condition': pick(CONDITIONS) },
                }),
              ),
            )
          : null;
      if (view) decisions++;
      const approval = view?.approval ?? null;
      let waiting = approval !== null;
      const answerAt = t + Math.floor((1 + rnd() * 20) * 3_600_000);
      if (approval && answerAt < options.now && rnd() < 0.85) {
        const approve = rnd() < 0.8;
        const answered = await ifInForce(() =>
          tx((trx) =>
            decideApproval(
              decisionCtx(trx, answerAt, staff.manager, 'manager'),
              approval.id,
              approve ? 'approved' : 'denied',
              approve ? 'Checked the photos: within what we cover.' : pick(DENIALS),
            ),
          ),
        );
        if (answered) {
          approvals++;
          waiting = false;
          t = answerAt;
        }
      }
      if (waiting) continue; // the manager has not answered yet: the case stays open
    }
    const resolveBy = t + Math.floor((1 + rnd() * 72) * 3_600_000);
    if (resolveBy >= options.now || rnd() < 0.12) continue;
    await tx(async (trx) => {
      const ctx = ctxAt(trx, resolveBy, agent);
      const steps = await trx
        .selectFrom('procedure_progress')
        .select(['step'])
        .where('org_id', '=', orgId)
        .where('case_id', '=', caseId)
        .where('required', '=', 1)
        .where('done_at', 'is', null)
        .execute();
      for (const s of steps)
        if (!isAfterResolution(s.step))
          await completeStep(ctx, caseId, s.step, { evidence: 'Done on the call.' });
      const current = await trx
        .selectFrom('cases')
        .select(['version', 'status'])
        .where('org_id', '=', orgId)
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow();
      await updateCase(ctx, caseId, {
        version: current.version,
        status: 'resolved',
        reason: 'Sorted for the customer.',
      });
    });
  }
  return { customers: customers.length, orders, cases, decisions, approvals };
}
