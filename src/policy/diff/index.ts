/**
 * @module policy/diff
 * Semantic diff of two versions of a charter: decisions and rules added, removed or changed, and for
 * each decision concrete inputs whose outcome changes (found on the atom space of both versions).
 */
import type { Charter, CompiledDecision } from '../compile/charter.ts';
import { toJson } from '../feel/values.ts';
import { buildSpace } from '../lint/space.ts';

export interface RuleChange {
  readonly kind: 'added' | 'removed' | 'changed';
  /** Rule numbers in the old / new version. */
  readonly before?: number;
  readonly after?: number;
  readonly conditions: readonly string[];
  readonly outputsBefore?: readonly string[];
  readonly outputsAfter?: readonly string[];
}

export interface OutcomeChange {
  readonly facts: Readonly<Record<string, unknown>>;
  readonly before: unknown;
  readonly after: unknown;
}

export interface DecisionDiff {
  readonly decision: string;
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged';
  readonly hitPolicy?: { readonly before: string; readonly after: string };
  readonly rules: readonly RuleChange[];
  readonly outcomes: readonly OutcomeChange[];
  /** How many example inputs were compared. */
  readonly compared: number;
}

function ruleKey(d: CompiledDecision, i: number): string {
  const row = d.section.kind === 'decision-table' ? d.section.rules[i] : undefined;
  return row ? row.inputs.map((c) => c.text.replace(/\s+/g, ' ')).join(' | ') : '';
}

function rows(d: CompiledDecision) {
  if (d.section.kind !== 'decision-table') return [];
  return d.section.rules.map((r, i) => ({
    number: r.number,
    key: ruleKey(d, i),
    conditions: r.inputs.map((c) => c.text),
    outputs: r.outputs.map((c) => c.text.replace(/\s+/g, ' ')),
  }));
}

function ruleChanges(a: CompiledDecision, b: CompiledDecision): RuleChange[] {
  const before = rows(a);
  const after = rows(b);
  const out: RuleChange[] = [];
  const used = new Set<number>();
  for (const r of before) {
    const j = after.findIndex((x, k) => !used.has(k) && x.key === r.key);
    if (j < 0) {
      out.push({ kind: 'removed', before: r.number, conditions: r.conditions, outputsBefore: r.outputs });
      continue;
    }
    used.add(j);
    const n = after[j];
    if (n && n.outputs.join('\u0000') !== r.outputs.join('\u0000'))
      out.push({
        kind: 'changed',
        before: r.number,
        after: n.number,
        conditions: r.conditions,
        outputsBefore: r.outputs,
        outputsAfter: n.outputs,
      });
  }
  after.forEach((n, k) => {
    if (!used.has(k))
      out.push({ kind: 'added', after: n.number, conditions: n.conditions, outputsAfter: n.outputs });
  });
  return out;
}

/** Candidate inputs: per column, the atoms of both versions; the product, capped and spread evenly. */
function candidates(a: CompiledDecision, b: CompiledDecision, cap: number): Record<string, unknown>[] {
  const columns = new Map<string, unknown[]>();
  for (const d of [a, b]) {
    if (!d.table) continue;
    const space = buildSpace(d.table);
    d.table.inputs.forEach((inp, c) => {
      if (inp.expr.kind !== 'name') return;
      const list = columns.get(inp.expr.name) ?? [];
      for (const v of space?.atoms[c] ?? inp.enumeration ?? []) {
        const j = toJson(v);
        if (!list.some((x) => JSON.stringify(x) === JSON.stringify(j))) list.push(j);
      }
      columns.set(inp.expr.name, list);
    });
  }
  const names = [...columns.keys()];
  const sizes = names.map((n) => columns.get(n)?.length ?? 1);
  const total = sizes.reduce((x, y) => x * Math.max(1, y), 1);
  const step = total > cap ? total / cap : 1;
  const out: Record<string, unknown>[] = [];
  for (let k = 0; k < Math.min(total, cap); k++) {
    let idx = Math.floor(k * step);
    const facts: Record<string, unknown> = {};
    names.forEach((n, c) => {
      const list = columns.get(n) ?? [];
      const size = Math.max(1, sizes[c] ?? 1);
      facts[n] = list[idx % size] ?? null;
      idx = Math.floor(idx / size);
    });
    out.push(facts);
  }
  return out;
}

/**
 * Compares two compiled charters decision by decision.
 * @example diffCharters(oldCharter, newCharter).filter((d) => d.status !== 'unchanged')
 */
export function diffCharters(
  before: Charter,
  after: Charter,
  options: { maxInputs?: number } = {},
): DecisionDiff[] {
  const names = [...new Set([...before.decisions.keys(), ...after.decisions.keys()])].sort();
  return names.map((name): DecisionDiff => {
    const a = before.decisions.get(name);
    const b = after.decisions.get(name);
    if (!a) return { decision: name, status: 'added', rules: [], outcomes: [], compared: 0 };
    if (!b) return { decision: name, status: 'removed', rules: [], outcomes: [], compared: 0 };
    const rules = ruleChanges(a, b);
    const inputs = candidates(a, b, options.maxInputs ?? 5000);
    const outcomes: OutcomeChange[] = [];
    for (const facts of inputs) {
      const x = toJson(before.evaluateValue(name, facts));
      const y = toJson(after.evaluateValue(name, facts));
      if (JSON.stringify(x) !== JSON.stringify(y) && outcomes.length < 20)
        outcomes.push({ facts, before: x, after: y });
    }
    const hpA = a.table?.hitPolicy;
    const hpB = b.table?.hitPolicy;
    const literalChanged =
      a.section.kind === 'literal-decision' &&
      b.section.kind === 'literal-decision' &&
      a.section.expression.text.trim() !== b.section.expression.text.trim();
    const changed = rules.length > 0 || outcomes.length > 0 || hpA !== hpB || literalChanged;
    const out: DecisionDiff = {
      decision: name,
      status: changed ? 'changed' : 'unchanged',
      rules,
      outcomes,
      compared: inputs.length,
      ...(hpA !== hpB ? { hitPolicy: { before: hpA ?? 'literal', after: hpB ?? 'literal' } } : {}),
    };
    return out;
  });
}
