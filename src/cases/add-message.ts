/**
 * @module cases/add-message
 * A message on a case: from the customer (`in`, logged by an agent) or to them (`out`, public).
 * A customer's message reopens a resolved case and takes a case waiting on them back to `open`; our
 * first reply opens a `new` case. A closed case stays closed (a new contact opens a new case).
 */
import type { CaseStatus } from '../store/schema.ts';
import { applyChange, type ChangeResult, expectVersion, lockCase, type NewEntry } from './case-change.ts';
import type { CaseContext } from './case-context.ts';
import type { Channel } from './case-vocabulary.ts';
import { checkOutboundChannel } from './channel-restriction.ts';
import { cancelFollowUp } from './follow-up.ts';
import { planStatusChange } from './status-change.ts';

export interface NewMessage {
  readonly direction: 'in' | 'out';
  readonly body: string;
  /** Defaults to the case's channel. */
  readonly channel?: Channel | undefined;
  readonly version?: number | undefined;
}

/**
 * Adds a message to the case's timeline.
 * @throws AppError `not-found`, `version-conflict`, `channel-restricted`
 * @example await addMessage(ctx, caseId, { direction: 'out', body: 'Your refund is on its way.' })
 */
export async function addMessage(ctx: CaseContext, caseId: string, input: NewMessage): Promise<ChangeResult> {
  const row = await lockCase(ctx, caseId);
  expectVersion(row, input.version);
  const channel = input.channel ?? row.channel;
  if (input.direction === 'out') await checkOutboundChannel(ctx, row.customer_id, channel);
  const entries: NewEntry[] = [
    input.direction === 'in'
      ? {
          kind: 'message_in',
          visibility: 'public',
          body: input.body,
          data: { channel, recorded_by: ctx.actor.id },
          author: { type: 'customer', id: row.customer_id },
        }
      : { kind: 'message_out', visibility: 'public', body: input.body, data: { channel } },
  ];
  let follows: CaseStatus | null = null;
  if (input.direction === 'in' && (row.status === 'resolved' || row.status === 'waiting on customer'))
    follows = 'open';
  if (input.direction === 'out' && row.status === 'new') follows = 'open';
  const planned = follows
    ? await planStatusChange(
        ctx,
        row,
        follows,
        input.direction === 'in' ? 'the customer wrote' : 'we replied',
      )
    : null;
  if (planned) entries.push(planned.entry);
  if (row.status === 'resolved' && planned) await cancelFollowUp(ctx, row);
  return applyChange(ctx, row, {
    entries,
    ...(planned ? { set: planned.set } : {}),
    action: input.direction === 'in' ? 'case.message_received' : 'case.message_sent',
    auditData: { channel, ...(planned ? { status: { from: row.status, to: follows } } : {}) },
    searchText: [input.body],
  });
}
