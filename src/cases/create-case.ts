/**
 * @module cases/create-case
 * Opens a case: its per-organisation number, the policy versions it will be measured against, its
 * first timeline entries, the procedure its kind follows, its SLA clocks and a private portal link.
 */
import { appendAudit } from '../audit/index.ts';
import { AppError } from '../server/errors.ts';
import { jsonText } from '../store/dialect.ts';
import { hotSql, insertRows, runHot } from '../store/hot-sql.ts';
import { newId } from '../store/ids.ts';
import type { CaseKind, CaseTable, TimelineEntryTable } from '../store/schema.ts';
import { entryRows, type NewEntry, searchable, writeEntries } from './case-change.ts';
import { charterForNewCase, procedureFor } from './case-charter.ts';
import type { CaseContext } from './case-context.ts';
import { clocksUnder, enqueueSlaJobs, queueDeadline } from './case-sla.ts';
import type { Channel, Priority } from './case-vocabulary.ts';
import { hashPortalToken, newPortalToken } from './portal-token.ts';

export interface NewCase {
  readonly kind: CaseKind;
  readonly channel: Channel;
  readonly priority?: Priority | undefined;
  readonly category?: string | null | undefined;
  readonly subject: string;
  /** The customer's first message, when the case starts with one. */
  readonly body?: string | undefined;
  readonly customerId?: string | undefined;
  readonly orderId?: string | undefined;
}

export interface CreatedCase {
  readonly case: CaseTable;
  readonly entries: readonly TimelineEntryTable[];
  /** Shown once: only its hash is kept. */
  readonly portalToken: string;
}

// Two statements rather than `update … returning`: SQLite's RETURNING costs more than both.
const TAKE_NUMBER = hotSql('update orgs set next_case_number = next_case_number + 1 where org_id = ?');
const COUNTER = hotSql('select next_case_number, time_zone, charter_revision from orgs where org_id = ?');

const CASE_COLUMNS = [
  'org_id',
  'id',
  'number',
  'kind',
  'channel',
  'category',
  'priority',
  'status',
  'subject',
  'customer_id',
  'order_id',
  'assignee_id',
  'team_id',
  'next_deadline',
  'policy_versions',
  'portal_token_hash',
  'search_text',
  'created_at',
  'updated_at',
  'resolved_at',
  'version',
] as const satisfies readonly (keyof CaseTable)[];

interface Counter {
  readonly next_case_number: number;
  readonly time_zone: string;
  readonly charter_revision: number;
}

/** Tier the response-times policy reads when the case has no customer. */
const DEFAULT_TIER = 'standard';

/**
 * Creates a case in the caller's transaction.
 * @throws AppError `not-found` (with the field path) when the customer or order is not of the organisation
 * @example
 * const { case: c, portalToken } = await createCase(ctx, { kind: 'complaint', channel: 'email', subject: 'Late sofa' });
 * c.number; // 1001
 */
export async function createCase(ctx: CaseContext, input: NewCase): Promise<CreatedCase> {
  const { trx, now } = ctx;
  const orgId = ctx.actor.orgId;
  // Taking the next number locks the organisation's row until commit: numbers are gapless per org.
  await runHot(trx, ctx.dialect, TAKE_NUMBER, [orgId]);
  const [counter] = await runHot<Counter>(trx, ctx.dialect, COUNTER, [orgId]);
  if (!counter) throw new AppError('not-found', 'No such organisation.');
  const number = counter.next_case_number - 1;

  let customerId = input.customerId ?? null;
  let tier = DEFAULT_TIER;
  if (input.orderId !== undefined) {
    const order = await trx
      .selectFrom('orders')
      .select(['customer_id'])
      .where('org_id', '=', orgId)
      .where('id', '=', input.orderId)
      .executeTakeFirst();
    if (!order)
      throw new AppError('not-found', 'No such order in this organisation.', [
        { path: 'body.order_id', message: 'unknown order' },
      ]);
    if (customerId !== null && customerId !== order.customer_id)
      throw new AppError('validation', 'The order belongs to another customer.', [
        { path: 'body.order_id', message: 'not an order of this customer' },
      ]);
    customerId = order.customer_id;
  }
  if (customerId !== null) {
    const customer = await trx
      .selectFrom('customers')
      .select(['tier'])
      .where('org_id', '=', orgId)
      .where('id', '=', customerId)
      .executeTakeFirst();
    if (!customer)
      throw new AppError('not-found', 'No such customer in this organisation.', [
        { path: 'body.customer_id', message: 'unknown customer' },
      ]);
    tier = customer.tier;
  }

  const { charter, versions } = await charterForNewCase(
    trx,
    orgId,
    counter.time_zone,
    now,
    counter.charter_revision,
  );
  const priority = input.priority ?? 'normal';
  const id = newId();
  const portalToken = newPortalToken(orgId, id);
  const row: CaseTable = {
    org_id: orgId,
    id,
    number,
    kind: input.kind,
    channel: input.channel,
    category: input.category ?? null,
    priority,
    status: 'new',
    subject: input.subject,
    customer_id: customerId,
    order_id: input.orderId ?? null,
    assignee_id: null,
    team_id: null,
    next_deadline: null,
    policy_versions: '',
    portal_token_hash: hashPortalToken(portalToken),
    search_text: searchable([`#${number}`, input.subject, input.body ?? '']),
    created_at: now,
    updated_at: now,
    resolved_at: null,
    version: 1,
  };
  row.policy_versions = jsonText(row, 'policy_versions', versions);

  const first: NewEntry[] = [
    {
      kind: 'status_change',
      visibility: 'public',
      body: `Case #${number} opened (${input.kind}, ${input.channel})`,
      data: {
        created: true,
        from: null,
        to: 'new',
        sla_attributes: { channel: input.channel, priority, kind: input.kind, tier },
      },
    },
  ];
  if (input.body !== undefined)
    // The customer wrote the first message, whoever typed it in.
    first.push({
      kind: 'message_in',
      visibility: 'public',
      body: input.body,
      data: { channel: input.channel, recorded_by: ctx.actor.id },
      author: { type: 'customer', id: customerId },
    });
  const entries = entryRows(ctx, row.id, 0, first);
  // The clocks come from the entries alone, so the case is written once with its queue position.
  const sla = clocksUnder(charter, entries, now);
  row.next_deadline = queueDeadline(sla);
  await insertRows(trx, ctx.dialect, 'cases', CASE_COLUMNS, [row]);
  await writeEntries(ctx, entries);

  const procedure = procedureFor(charter, input.kind);
  if (procedure && procedure.steps.length > 0)
    await trx
      .insertInto('procedure_progress')
      .values(
        procedure.steps.map((s) => ({
          org_id: orgId,
          case_id: row.id,
          procedure: procedure.name,
          step: s.name,
          required: s.required ? 1 : 0,
          done_at: null,
          done_by: null,
          evidence: null,
        })),
      )
      .execute();

  await appendAudit(trx, ctx.dialect, {
    orgId,
    actorType: ctx.actor.type,
    actorId: ctx.actor.id,
    action: 'case.created',
    entity: 'case',
    entityId: row.id,
    data: {
      number,
      kind: row.kind,
      channel: row.channel,
      priority,
      category: row.category,
      customer_id: customerId,
      order_id: row.order_id,
      policy_versions: versions,
      procedure: procedure?.name ?? null,
    },
    at: now,
  });
  await enqueueSlaJobs(trx, ctx.dialect, orgId, row.id, sla, now);
  return { case: row, entries, portalToken };
}
