/**
 * @module portal/follow-case
 * A case as its customer follows it through the private link: the token (random, carrying its
 * organisation's id) is hashed and looked up within that organisation only; the view holds what the
 * customer may see — status, their messages, our replies (signed with the author's first name only),
 * corrections to those messages, and the outcomes of decisions taken for them — and never internal
 * notes, calls, procedure steps, approval internals or the rules' staff-only wording.
 */
import type { Kysely } from 'kysely';
import {
  caseClocks,
  caseOfPortalToken,
  hashPortalToken,
  orgOfPortalToken,
  portalTokenMatches,
} from '../cases/index.ts';
import { AMOUNTS } from '../decisions/index.ts';
import { AppError } from '../server/errors.ts';
import { fromJsonText } from '../store/dialect.ts';
import type { CaseKind, CaseStatus, CaseTable, Database, TimelineEntryTable } from '../store/schema.ts';
import { orgById, type PortalOrg } from './portal-org.ts';
import { type PromisedDeadline, promisedDeadlines } from './response-promise.ts';

type Db = Kysely<Database>;

/** A followed case: the organisation it belongs to and its row. */
export interface FollowedCase {
  readonly org: PortalOrg;
  readonly row: CaseTable;
}

const NOT_FOUND = 'This link does not lead to a case. Check that you copied all of it.';

/**
 * The case a private-link token opens. Unknown, malformed, other organisations' and erased
 * customers' links are all simply not found.
 * @throws AppError `not-found`
 */
export async function caseByToken(db: Db, token: string): Promise<FollowedCase> {
  const orgId = orgOfPortalToken(token);
  const org = orgId ? await orgById(db, orgId) : null;
  if (!org) throw new AppError('not-found', NOT_FOUND);
  const caseId = caseOfPortalToken(token);
  const byOrg = db.selectFrom('cases').selectAll().where('org_id', '=', org.orgId);
  const row = await (caseId === null
    ? byOrg.where('portal_token_hash', '=', hashPortalToken(token)) // a link of the older form
    : byOrg.where('id', '=', caseId)
  ).executeTakeFirst();
  if (!row || !portalTokenMatches(token, row.portal_token_hash)) throw new AppError('not-found', NOT_FOUND);
  if (row.customer_id !== null) {
    const customer = await db
      .selectFrom('customers')
      .select(['erased_at'])
      .where('org_id', '=', org.orgId)
      .where('id', '=', row.customer_id)
      .executeTakeFirst();
    if (customer?.erased_at != null) throw new AppError('not-found', NOT_FOUND);
  }
  return { org, row };
}

/** One thing on the customer's timeline. */
export type FollowItem =
  | {
      readonly type: 'message';
      readonly id: string;
      readonly at: number;
      /** `customer`: theirs; `staff`: ours. */
      readonly from: 'customer' | 'staff';
      /** First name of the staff member, or the organisation's name for automatic messages; null for theirs. */
      readonly author: string | null;
      readonly channel: string | null;
      readonly body: string;
      /** A correction of an earlier message on this timeline. */
      readonly corrects: string | null;
    }
  | { readonly type: 'status'; readonly id: string; readonly at: number; readonly status: CaseStatus }
  | {
      readonly type: 'outcome';
      readonly id: string;
      readonly at: number;
      /** In plain words, e.g. "Refund approved: £120.00". */
      readonly text: string;
      /** The rule's reason when it comes from a public policy, else null. */
      readonly why: string | null;
    };

export interface FollowView {
  readonly org: { readonly slug: string; readonly name: string; readonly timeZone: string };
  readonly number: number;
  readonly kind: CaseKind;
  readonly subject: string;
  readonly status: CaseStatus;
  readonly channel: string;
  readonly orderNumber: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly deadlines: readonly PromisedDeadline[];
  /** Whether the customer may write on the case through the portal. */
  readonly canReply: boolean;
  readonly items: readonly FollowItem[];
}

/** Kinds of entry whose text the customer wrote or was sent. */
const MESSAGE_KINDS = new Set(['message_in', 'message_out', 'follow_up']);

function firstName(name: string | undefined): string | null {
  const first = name?.trim().split(/\s+/)[0];
  return first ? first : null;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function money(minor: number, currency: string): string {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits;
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(minor / 10 ** (digits ?? 2));
}

/** The entry whose text an amendment chain finally corrects. */
function rootOf(
  entry: TimelineEntryTable,
  byId: ReadonlyMap<string, TimelineEntryTable>,
): TimelineEntryTable {
  let e = entry;
  for (let i = 0; i < 100 && e.kind === 'amendment' && e.amends_id; i++) {
    const next = byId.get(e.amends_id);
    if (!next) break;
    e = next;
  }
  return e;
}

async function outcomes(db: Db, org: PortalOrg, caseId: string): Promise<FollowItem[]> {
  const rows = await db
    .selectFrom('decisions')
    .leftJoin('approvals', (j) =>
      j
        .onRef('approvals.org_id', '=', 'decisions.org_id')
        .onRef('approvals.decision_id', '=', 'decisions.id'),
    )
    .select([
      'decisions.id',
      'decisions.decision',
      'decisions.policy_id',
      'decisions.policy_version',
      'decisions.outputs',
      'decisions.matched',
      'decisions.decided_at',
      'decisions.approval_state',
      'decisions.amount_minor',
      'decisions.currency',
      'approvals.decided_at as approved_at',
    ])
    .where('decisions.org_id', '=', org.orgId)
    .where('decisions.case_id', '=', caseId)
    .orderBy('decisions.decided_at')
    .execute();
  const shown = rows.filter((r) => r.decision in AMOUNTS && r.approval_state !== 'denied');
  if (shown.length === 0) return [];
  const publicPolicies = new Set(
    (
      await db
        .selectFrom('policy_versions')
        .select(['policy_id', 'version'])
        .where('org_id', '=', org.orgId)
        .where('audience', '=', 'public')
        .where(
          'policy_id',
          'in',
          shown.map((r) => r.policy_id),
        )
        .execute()
    ).map((p) => `${p.policy_id}@${p.version}`),
  );
  return shown.map((r): FollowItem => {
    const outputs = fromJsonText<unknown>(r.outputs, null);
    const column = AMOUNTS[r.decision]?.outcome ?? '';
    const raw =
      typeof outputs === 'object' && outputs !== null && !Array.isArray(outputs)
        ? (outputs as Record<string, unknown>)[column]
        : outputs;
    const outcome = typeof raw === 'string' ? raw : null;
    const amount = r.amount_minor === null ? null : Number(r.amount_minor);
    let text: string;
    if (r.approval_state === 'pending') text = `${r.decision}: being reviewed`;
    else if (outcome && amount !== null && amount > 0 && r.currency)
      text = `${capitalise(outcome)} approved: ${money(amount, r.currency)}`;
    else if (outcome === null || ['decline', 'deny', 'none'].includes(outcome))
      text = `${r.decision} declined`;
    else text = `${r.decision}: ${outcome}`;
    const matched = fromJsonText<{ decision?: string; annotations?: unknown }[]>(r.matched, []);
    const own = matched.find((m) => m.decision === r.decision);
    const annotations = Array.isArray(own?.annotations)
      ? own.annotations.filter((a) => typeof a === 'string')
      : [];
    const why =
      r.approval_state !== 'pending' &&
      publicPolicies.has(`${r.policy_id}@${r.policy_version}`) &&
      annotations.length > 0
        ? annotations.join(' ')
        : null;
    const at = r.approval_state === 'approved' && r.approved_at !== null ? r.approved_at : r.decided_at;
    return { type: 'outcome', id: r.id, at: Number(at), text, why };
  });
}

/**
 * What the customer sees of their case as of `now`.
 * @example const view = await followView(db, await caseByToken(db, token), Date.now());
 */
export async function followView(db: Db, followed: FollowedCase, now: number): Promise<FollowView> {
  const { org, row } = followed;
  const entries = await db
    .selectFrom('timeline_entries')
    .selectAll()
    .where('org_id', '=', org.orgId)
    .where('case_id', '=', row.id)
    .orderBy('seq')
    .execute();
  const byId = new Map(entries.map((e) => [e.id, e]));
  const staffIds = [
    ...new Set(entries.filter((e) => e.actor_type === 'user' && e.actor_id).map((e) => e.actor_id as string)),
  ];
  const names = new Map(
    staffIds.length === 0
      ? []
      : (
          await db
            .selectFrom('users')
            .select(['id', 'name'])
            .where('org_id', '=', org.orgId)
            .where('id', 'in', staffIds)
            .execute()
        ).map((u) => [u.id, u.name]),
  );
  const items: FollowItem[] = [];
  for (const e of entries) {
    if (e.visibility !== 'public') continue;
    const root = rootOf(e, byId);
    if (root.visibility !== 'public' || !MESSAGE_KINDS.has(root.kind)) {
      if (e.kind === 'status_change') {
        const to = fromJsonText<{ to?: CaseStatus }>(e.data, {}).to;
        if (to) items.push({ type: 'status', id: e.id, at: e.created_at, status: to });
      }
      continue;
    }
    const fromCustomer = root.kind === 'message_in';
    const author = fromCustomer
      ? null
      : e.actor_type === 'user' && e.actor_id
        ? (firstName(names.get(e.actor_id)) ?? org.name)
        : org.name;
    const data = fromJsonText<{ channel?: unknown }>(root.data, {});
    items.push({
      type: 'message',
      id: e.id,
      at: e.created_at,
      from: fromCustomer ? 'customer' : 'staff',
      author,
      channel: typeof data.channel === 'string' ? data.channel : null,
      body: e.body,
      corrects: e.kind === 'amendment' ? root.id : null,
    });
  }
  items.push(...(await outcomes(db, org, row.id)));
  items.sort((a, b) => a.at - b.at);
  const sla = await caseClocks(db, row, entries, now);
  return {
    org: { slug: org.slug, name: org.name, timeZone: org.timeZone },
    number: row.number,
    kind: row.kind,
    subject: row.subject,
    status: row.status,
    channel: row.channel,
    orderNumber: await orderNumberOf(db, org.orgId, row.order_id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deadlines: promisedDeadlines(sla),
    canReply: row.status !== 'closed',
    items,
  };
}

async function orderNumberOf(db: Db, orgId: string, orderId: string | null): Promise<string | null> {
  if (orderId === null) return null;
  const o = await db
    .selectFrom('orders')
    .select(['number'])
    .where('org_id', '=', orgId)
    .where('id', '=', orderId)
    .executeTakeFirst();
  return o?.number ?? null;
}
