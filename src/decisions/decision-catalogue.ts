/**
 * @module decisions/decision-catalogue
 * The decisions the charter in force offers the desk (each policy's front matter `decisions:`):
 * which policy and section each lives in, the facts it needs (its own inputs and those of the
 * decisions it requires) with their type, allowed values, description and where the desk gets them,
 * its outputs, and its rules in the policy's own words. Read-only.
 */
import { charterInForce } from '../charter/index.ts';
import type { Charter, CompiledDecision } from '../policy/index.ts';
import { AMOUNTS } from './amounts.ts';
import { type DecisionContext, orgOf } from './context.ts';
import { localDate } from './org-calendar.ts';

/**
 * Where a fact comes from when a decision is made on a case (see gather-facts.ts): `case`,
 * `customer`, `order`, `account` (the decider's own, never supplied) or `agent` (the decider's
 * judgement, supplied with the decision).
 */
export type FactSource = 'case' | 'customer' | 'order' | 'account' | 'agent';

const GATHERED: Readonly<Record<string, FactSource>> = {
  'Case kind': 'case',
  Channel: 'case',
  Priority: 'case',
  'Complaint category': 'case',
  'Customer tier': 'customer',
  'Lifetime value': 'customer',
  'Order amount': 'order',
  'Days since delivery': 'order',
  'Months since purchase': 'order',
  'Product category': 'order',
  'Staff role': 'account',
  Team: 'account',
};

export interface CatalogueFact {
  readonly name: string;
  readonly type: string;
  /** The allowed values as the vocabulary writes them (FEEL unary tests), or null. */
  readonly values: string | null;
  readonly description: string | null;
  readonly source: FactSource;
}

/** One rule as written: its input tests, its outputs and its annotations (the "why"). */
export interface RuleText {
  readonly number: number;
  readonly inputs: readonly { readonly name: string; readonly test: string }[];
  readonly outputs: readonly { readonly name: string; readonly value: string }[];
  readonly annotations: readonly string[];
}

export interface CatalogueEntry {
  readonly decision: string;
  readonly policy: {
    readonly id: string;
    readonly title: string;
    readonly version: number;
    readonly audience: string;
  };
  /** The section heading's name (`## Decision: <section>`). */
  readonly section: string;
  readonly kind: 'table' | 'expression';
  readonly hitPolicy: string | null;
  readonly outputs: readonly { readonly name: string; readonly values: string | null }[];
  readonly facts: readonly CatalogueFact[];
  /** Decisions it requires, dependencies first. */
  readonly requires: readonly string[];
  /** Whether what it decides can grant money (and so needs authority). */
  readonly grants: boolean;
  readonly rules: readonly RuleText[];
  /** For a decision written as one FEEL expression. */
  readonly expression: string | null;
}

/**
 * The rule `number` of `decision`, as written; null when there is no such rule (or the decision is
 * an expression).
 * @example ruleText(charter, 'Refund', 5)?.annotations // ['Within 30 days and still as new: full refund']
 */
export function ruleText(charter: Charter, decision: string, number: number): RuleText | null {
  const section = charter.decisions.get(decision)?.section;
  if (section?.kind !== 'decision-table') return null;
  const rule = section.rules.find((r) => r.number === number);
  if (!rule) return null;
  return {
    number: rule.number,
    inputs: section.inputs.map((c, i) => ({ name: c.name, test: rule.inputs[i]?.text.trim() || '-' })),
    outputs: section.outputs.map((c, i) => ({ name: c.name, value: rule.outputs[i]?.text.trim() ?? '' })),
    annotations: rule.annotations.map((a) => a.text.trim()).filter((t) => t !== ''),
  };
}

/** The facts a decision reads, its own and those of the decisions it requires, in reading order. */
export function factsNeeded(charter: Charter, d: CompiledDecision): string[] {
  const names: string[] = [];
  for (const name of [...d.requires, d.name]) {
    const dec = charter.decisions.get(name);
    if (!dec) continue;
    for (const r of dec.reads) if (!charter.decisions.has(r) && !names.includes(r)) names.push(r);
  }
  return names;
}

function entryOf(charter: Charter, d: CompiledDecision): CatalogueEntry {
  const meta = d.document.meta;
  const env = charter.environment;
  const facts = factsNeeded(charter, d).map((name): CatalogueFact => {
    const info = env.facts.get(name);
    return {
      name,
      type: info?.definition.type ?? 'any',
      values: info?.definition.allowed?.text ?? null,
      description: info?.definition.description ?? null,
      source: GATHERED[name] ?? 'agent',
    };
  });
  const s = d.section;
  return {
    decision: d.name,
    policy: { id: meta.policy, title: meta.title, version: meta.version, audience: meta.audience },
    section: s.name,
    kind: s.kind === 'decision-table' ? 'table' : 'expression',
    hitPolicy: s.kind === 'decision-table' ? s.hitPolicy : null,
    outputs:
      s.kind === 'decision-table'
        ? s.outputs.map((o) => ({ name: o.name, values: o.allowed?.text ?? null }))
        : [{ name: d.name, values: null }],
    facts,
    requires: [...d.requires],
    grants: d.name in AMOUNTS,
    rules:
      s.kind === 'decision-table'
        ? s.rules.flatMap((r) => {
            const t = ruleText(charter, d.name, r.number);
            return t ? [t] : [];
          })
        : [],
    expression: s.kind === 'literal-decision' ? s.expression.text : null,
  };
}

/**
 * The catalogue of a charter: the decisions its documents offer the desk, by policy then in the
 * order the front matter lists them.
 */
export function catalogueOf(charter: Charter): CatalogueEntry[] {
  const out: CatalogueEntry[] = [];
  const seen = new Set<string>();
  const docs = [...charter.documents].sort((a, b) =>
    a.meta.policy < b.meta.policy ? -1 : a.meta.policy > b.meta.policy ? 1 : 0,
  );
  for (const doc of docs)
    for (const name of doc.meta.decisions ?? []) {
      const d = charter.decisions.get(name);
      if (!d || seen.has(d.name)) continue;
      seen.add(d.name);
      out.push(entryOf(charter, d));
    }
  return out;
}

/**
 * The catalogue of the charter in force today in the organisation's time zone.
 * @example (await decisionCatalogue(ctx)).find((e) => e.decision === 'Refund')?.policy.id // 'refunds'
 */
export async function decisionCatalogue(ctx: DecisionContext): Promise<CatalogueEntry[]> {
  const org = await orgOf(ctx);
  const { charter } = await charterInForce(ctx.db, ctx.orgId, localDate(ctx.now, org.time_zone));
  return catalogueOf(charter);
}
