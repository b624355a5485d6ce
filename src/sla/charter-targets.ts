/**
 * @module sla/charter-targets
 * Adapts the charter's response-times decisions to a `TargetResolver`: the case's attributes become
 * facts, each decision's outputs (`First reply`, `Next reply`, `Periodic update`, `Resolution`,
 * `Follow-up`, `Calendar`) become targets, and the rule that fired is kept for the ledger.
 */
import type { Charter } from '../policy/compile/charter.ts';
import { DayTimeDuration } from '../policy/feel/values.ts';
import type { CaseAttributes } from './events.ts';
import type { Metric, PromiseKind, Target, TargetResolver, TargetSet } from './targets.ts';

/** Output column names of a response-times decision, as the demo charter writes them. */
export const METRIC_OUTPUTS: Readonly<Record<string, Metric>> = {
  'First reply': 'first_reply',
  'Next reply': 'next_reply',
  'Periodic update': 'periodic_update',
  Resolution: 'resolution',
  'Follow-up': 'follow_up',
};

/** How case attributes are named as facts (attribute → fact). */
export const DEFAULT_FACT_NAMES: Readonly<Record<string, string>> = {
  channel: 'Channel',
  priority: 'Priority',
  kind: 'Case kind',
  tier: 'Customer tier',
  category: 'Complaint category',
};

export interface CharterTargetOptions {
  readonly charter: Charter;
  /** The decisions to ask and which promise each answers, e.g. Response promise → customer. */
  readonly decisions: readonly { readonly decision: string; readonly promise: PromiseKind }[];
  readonly factNames?: Readonly<Record<string, string>>;
  /** Fraction of the budget at which a warning is due. */
  readonly warnAt?: number;
}

/**
 * Builds a resolver from a compiled charter.
 * @example
 * const resolver = targetResolverFromCharter({ charter, decisions: [
 *   { decision: 'Response promise', promise: 'customer' },
 *   { decision: 'Response target', promise: 'internal' } ] });
 */
export function targetResolverFromCharter(options: CharterTargetOptions): TargetResolver {
  const names = options.factNames ?? DEFAULT_FACT_NAMES;
  return (attributes: CaseAttributes): TargetSet | null => {
    const facts: Record<string, unknown> = {};
    for (const [attr, value] of Object.entries(attributes)) facts[names[attr] ?? attr] = value;
    const targets: Target[] = [];
    let first: TargetSet['rule'] | null = null;
    let policy: TargetSet['policy'] | null = null;
    for (const { decision, promise } of options.decisions) {
      const e = options.charter.evaluate(decision, facts);
      if (e.error || e.value === null || typeof e.value !== 'object' || Array.isArray(e.value)) continue;
      const out = e.value as Record<string, unknown>;
      const calendar = out.Calendar;
      if (typeof calendar !== 'string') continue;
      // FEEL durations are exact lengths (FEEL writes PT40H as P1DT16H, and P1D equals PT24H):
      // they count as that many minutes of open time. Only a text duration such as "P1D" gets the
      // business-day reading (same local time on the next business day).
      const raw = options.charter.evaluateValue(decision, facts);
      const rawOut = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
      for (const [column, metric] of Object.entries(METRIC_OUTPUTS)) {
        const exact = rawOut[column];
        const duration = exact instanceof DayTimeDuration ? hoursAndMinutes(exact.ms) : out[column];
        if (typeof duration !== 'string') continue;
        targets.push({
          metric,
          duration,
          calendar,
          promise,
          ...(options.warnAt !== undefined ? { warnAt: options.warnAt } : {}),
        });
      }
      const m = e.matched.find((x) => x.decision === decision);
      if (!first && m) {
        const annotation = m.annotations[0];
        first = { decision, number: m.rule, ...(annotation ? { annotation } : {}) };
        policy = e.policy ?? null;
      }
    }
    if (!first || !policy || targets.length === 0) return null;
    return { targets, policy, rule: first };
  };
}

/** `PT40H`, `PT1H30M`: an exact length without a days part (which the business reading would take as days). */
function hoursAndMinutes(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `PT${h ? `${h}H` : ''}${m || !h ? `${m}M` : ''}`;
}
