/**
 * @module cases/log-call
 * A phone call with the customer, logged with its duration (ISO 8601) and a summary. A call is a
 * conversation, so for the SLA clocks it answers the customer (see `sla-events.ts`).
 */
import { AppError } from '../server/errors.ts';
import { applyChange, type ChangeResult, expectVersion, lockCase } from './case-change.ts';
import type { CaseContext } from './case-context.ts';
import { checkOutboundChannel } from './channel-restriction.ts';

export interface NewCall {
  /** `in`: the customer called us; `out`: we called them. */
  readonly direction: 'in' | 'out';
  /** ISO 8601, e.g. `PT12M30S`. */
  readonly duration: string;
  readonly summary: string;
  readonly version?: number | undefined;
}

const CALL_DURATION = /^PT(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/;

/**
 * Seconds of an ISO 8601 call duration (hours, minutes, seconds), or `null` when it is not one.
 * @example callSeconds('PT12M30S') // 750
 */
export function callSeconds(duration: string): number | null {
  const m = CALL_DURATION.exec(duration);
  if (!m) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/**
 * @throws AppError `not-found`, `version-conflict`, `channel-restricted` (calling out a customer restricted to another channel)
 * @example await logCall(ctx, caseId, { direction: 'in', duration: 'PT6M', summary: 'Agreed a replacement.' })
 */
export async function logCall(ctx: CaseContext, caseId: string, input: NewCall): Promise<ChangeResult> {
  const seconds = callSeconds(input.duration);
  if (seconds === null)
    throw new AppError('validation', 'The call duration is not an ISO 8601 duration.', [
      { path: 'body.duration', message: 'expected e.g. PT12M30S' },
    ]);
  const row = await lockCase(ctx, caseId);
  expectVersion(row, input.version);
  if (input.direction === 'out') await checkOutboundChannel(ctx, row.customer_id, 'phone');
  return applyChange(ctx, row, {
    entries: [
      {
        kind: 'call',
        visibility: 'public',
        body: input.summary,
        data: { direction: input.direction, duration: input.duration, seconds },
      },
    ],
    action: 'case.call_logged',
    auditData: { direction: input.direction, duration: input.duration },
    searchText: [input.summary],
  });
}
