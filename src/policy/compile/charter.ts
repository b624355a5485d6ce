/**
 * @module policy/compile/charter
 * Compiles a set of policy documents into one charter: every decision by name, the requirement
 * graph between them (cycles are errors), and evaluation with explanations.
 */
import { normaliseName } from '../feel/lower.ts';
import { type FeelValue, toJson } from '../feel/values.ts';
import { problem } from '../messages.ts';
import type {
  DecisionTableSection,
  FactDefinition,
  LiteralDecisionSection,
  PolicyDocument,
  Problem,
  Result,
} from '../model.ts';
import { HIT_ERROR } from './aggregate.ts';
import type { Warning } from './coerce.ts';
import { collectFacts, type Environment } from './environment.ts';
import { compileLiteral } from './literal.ts';
import type { DecisionRun, Explain, FastRun } from './runtime-object.ts';
import { compileTable, type TableModel } from './table.ts';

export interface CompiledDecision {
  readonly name: string;
  readonly document: PolicyDocument;
  readonly section: DecisionTableSection | LiteralDecisionSection;
  /** The table's IR (absent for literal decisions). */
  readonly table?: TableModel;
  /** Every name it reads (facts and decisions). */
  readonly reads: ReadonlySet<string>;
  /** Decisions it needs, in evaluation order (transitively, dependencies first). */
  readonly requires: readonly string[];
  readonly run: DecisionRun;
  /** The fast path: value only, null for non-object facts or a broken hit policy (no requirements). */
  readonly fast: FastRun;
  readonly interpret: DecisionRun;
  /** The generated JavaScript, for the curious and for debugging. */
  readonly code: string;
}

export interface MatchedRule {
  readonly decision: string;
  /** 1-based rule number. */
  readonly rule: number;
  readonly annotations: readonly string[];
}

export interface Evaluation {
  /** Shaped as DMN: one output → the value; several → object by output name; lists for COLLECT etc. */
  readonly value: unknown;
  readonly matched: readonly MatchedRule[];
  /** The decision's inputs as seen after coercion, by column name (and required decisions' values). */
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly warnings: readonly Warning[];
  readonly error?: { readonly code: string; readonly message: string };
  readonly policy?: { readonly id: string; readonly version: number };
}

export interface Charter {
  readonly documents: readonly PolicyDocument[];
  readonly decisions: ReadonlyMap<string, CompiledDecision>;
  readonly environment: Environment;
  /** Evaluates with explanation, through the generated code. */
  evaluate(decision: string, facts: Readonly<Record<string, unknown>>): Evaluation;
  /** The same through the reference interpreter (for differential testing). */
  interpret(decision: string, facts: Readonly<Record<string, unknown>>): Evaluation;
  /** The fast path: the FEEL value only, no explanation, no warnings. */
  evaluateValue(decision: string, facts: Readonly<Record<string, unknown>>): FeelValue;
  /**
   * The fast path bound to one decision, for hot loops (simulation, benchmarks): the same answers
   * as `evaluateValue`, without the lookup. Null when there is no such decision.
   */
  decisionFunction(decision: string): ((facts: Readonly<Record<string, unknown>>) => FeelValue) | null;
}

interface Pending {
  readonly document: PolicyDocument;
  readonly section: DecisionTableSection | LiteralDecisionSection;
}

/**
 * Compiles documents into a charter. Problems (FEEL syntax, types, duplicates, cycles) carry positions.
 * @example
 * const c = compileCharter([doc]);
 * if (c.ok) c.value.evaluate('Refund', { 'Days since delivery': 12 });
 */
export function compileCharter(documents: readonly PolicyDocument[]): Result<Charter> {
  const { charter, problems } = compileCharterPartial(documents);
  if (problems.some((p) => p.severity === 'error')) return { ok: false, problems };
  return { ok: true, value: charter, problems };
}

/**
 * Compiles what can be compiled and reports the rest: the linter uses this to check the healthy
 * decisions of a charter that has errors elsewhere.
 */
export function compileCharterPartial(documents: readonly PolicyDocument[]): {
  charter: Charter;
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const pending = new Map<string, Pending>();
  const factDefs: { def: FactDefinition; file?: string | undefined }[] = [];
  const names = new Set<string>();
  for (const document of documents) {
    for (const section of document.sections) {
      if (section.kind === 'facts') {
        for (const def of section.facts) {
          factDefs.push({ def, file: document.file });
          names.add(def.name);
        }
      }
      if (section.kind !== 'decision-table' && section.kind !== 'literal-decision') continue;
      const name = normaliseName(section.name);
      names.add(name);
      if (section.kind === 'decision-table')
        for (const i of section.inputs) if (!i.name.includes('.')) names.add(normaliseName(i.name));
      const prev = pending.get(name);
      if (prev) {
        problems.push(
          problem({
            code: 'duplicate-decision',
            message: `Unexpected second decision named "${name}", expected unique names (first in ${prev.document.file ?? prev.document.meta.policy} line ${prev.section.position.line})`,
            position: section.position,
            file: document.file,
            decision: name,
          }),
        );
        continue;
      }
      pending.set(name, { document, section });
    }
  }
  const nameList = [...names].filter(
    (n) =>
      /[\s\-+*/.'?]/.test(n) ||
      /\b(and|or|not|in|if|then|else|between|for|some|every|instance|of|function|null|true|false)\b/.test(n),
  );
  const facts = collectFacts(factDefs, nameList, problems);
  const env: Environment = {
    names: nameList,
    facts,
    decisions: new Set(pending.keys()),
    hasVocabulary: factDefs.length > 0,
  };

  const built = new Map<string, Omit<CompiledDecision, 'requires'>>();
  for (const [name, { document, section }] of pending) {
    if (section.kind === 'decision-table') {
      const { table, problems: p } = compileTable(section, env, document.file);
      problems.push(...p);
      if (table)
        built.set(name, {
          name,
          document,
          section,
          table: table.model,
          reads: table.reads,
          run: table.run,
          fast: table.fast,
          interpret: table.interpret,
          code: table.code,
        });
    } else {
      const { literal, problems: p } = compileLiteral(section, env, document.file);
      problems.push(...p);
      if (literal) {
        const run = literal.run;
        const fast: FastRun = (facts) => {
          if (typeof facts !== 'object' || facts === null || Array.isArray(facts)) return null;
          const v = run(facts, null, null);
          return v === HIT_ERROR ? null : v;
        };
        built.set(name, { name, document, section, ...literal, fast });
      }
    }
  }

  // Requirement graph: a name read that is a decision is a dependency. Cycles are errors.
  const decisions = new Map<string, CompiledDecision>();
  const state = new Map<string, 'visiting' | 'done'>();
  const orders = new Map<string, string[]>();
  const visit = (name: string, stack: string[]): string[] | null => {
    const d = built.get(name);
    if (!d) return [];
    if (state.get(name) === 'done') return orders.get(name) ?? [];
    if (state.get(name) === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(name)), name];
      problems.push(
        problem({
          code: 'cycle',
          message: `Unexpected cycle ${cycle.join(' → ')}, expected decisions that do not require themselves`,
          position: d.section.position,
          file: d.document.file,
          decision: name,
        }),
      );
      return null;
    }
    state.set(name, 'visiting');
    const order: string[] = [];
    for (const dep of d.reads) {
      if (!pending.has(dep) || dep === name) {
        if (dep === name) {
          problems.push(
            problem({
              code: 'cycle',
              message: `Unexpected cycle ${name} → ${name}, expected decisions that do not require themselves`,
              position: d.section.position,
              file: d.document.file,
              decision: name,
            }),
          );
          state.set(name, 'done');
          return null;
        }
        continue;
      }
      const sub = visit(dep, [...stack, name]);
      if (sub === null) {
        state.set(name, 'done');
        return null;
      }
      for (const s of [...sub, dep]) if (!order.includes(s)) order.push(s);
    }
    state.set(name, 'done');
    orders.set(name, order);
    return order;
  };
  for (const name of built.keys()) visit(name, []);
  for (const [name, d] of built) {
    const order = orders.get(name);
    if (order) decisions.set(name, { ...d, requires: order });
  }

  return { charter: makeCharter(documents, decisions, env), problems };
}

/** An evaluation that could not start. */
function failed(code: string, message: string): Evaluation {
  return { value: null, matched: [], inputs: {}, warnings: [], error: { code, message } };
}

/** What one explained evaluation collects as it runs a decision and those it requires. */
interface Explaining {
  readonly mode: 'run' | 'interpret';
  readonly top: CompiledDecision;
  readonly warnings: Warning[];
  readonly matched: MatchedRule[];
  readonly inputs: Record<string, unknown>;
  scope: Record<string, unknown>;
  error: Evaluation['error'];
}

/**
 * Runs one decision of an explained evaluation, recording its matched rules (and, for the decision
 * asked for, its inputs). Module-level rather than a closure per call: the TypeScript loader names
 * every closure it sees created, which cost microseconds per evaluation.
 */
function explainStep(x: Explaining, dd: CompiledDecision): FeelValue {
  const ex: Explain = { inputs: [], rules: [] };
  const v = dd[x.mode](x.scope, x.warnings, ex);
  const rows = dd.section.kind === 'decision-table' ? dd.section.rules : [];
  for (const r of ex.rules) {
    const row = rows[r];
    x.matched.push({
      decision: dd.name,
      rule: r + 1,
      annotations: row ? row.annotations.map((a) => a.text) : [],
    });
  }
  if (dd === x.top && dd.table)
    for (const [i, inp] of dd.table.inputs.entries()) x.inputs[inp.name] = toJson(ex.inputs[i]);
  if (v === HIT_ERROR) {
    const policy = dd.table?.hitPolicy ?? 'UNIQUE';
    const rules = ex.rules.map((r) => r + 1).join(', ');
    const message = `Unexpected rules ${rules} all matching under ${policy}, expected ${policy === 'ANY' ? 'matching rules to agree' : 'at most one'}`;
    x.warnings.push({ code: 'hit-policy', decision: dd.name, message });
    x.error ??= { code: 'hit-policy', message: `${dd.name}: ${message}` };
    return null;
  }
  return v;
}

function makeCharter(
  documents: readonly PolicyDocument[],
  decisions: ReadonlyMap<string, CompiledDecision>,
  environment: Environment,
): Charter {
  const explained = (mode: 'run' | 'interpret') => {
    return (decision: string, facts: Readonly<Record<string, unknown>>): Evaluation => {
      const d = decisions.get(normaliseName(decision));
      if (!d) {
        const known = [...decisions.keys()].join(', ');
        return failed('unknown-decision', `Unexpected decision "${decision}", expected one of ${known}`);
      }
      if (typeof facts !== 'object' || facts === null || Array.isArray(facts))
        return failed('bad-facts', 'Unexpected facts, expected an object of fact names to values');
      const x: Explaining = {
        mode,
        top: d,
        warnings: [],
        matched: [],
        inputs: {},
        scope: facts as Record<string, unknown>,
        error: undefined,
      };
      if (d.requires.length) {
        x.scope = { ...facts };
        for (const dep of d.requires) {
          const v = explainStep(x, decisions.get(dep) as CompiledDecision);
          x.scope[dep] = v;
          x.inputs[dep] = toJson(v);
        }
      }
      const value = toJson(explainStep(x, d));
      const out: { -readonly [K in keyof Evaluation]: Evaluation[K] } = {
        value,
        matched: x.matched,
        inputs: x.inputs,
        warnings: x.warnings,
        policy: { id: d.document.meta.policy, version: d.document.meta.version },
      };
      if (x.error) out.error = x.error;
      return out;
    };
  };
  return {
    documents,
    decisions,
    environment,
    evaluate: explained('run'),
    interpret: explained('interpret'),
    decisionFunction(decision) {
      const d = decisions.get(normaliseName(decision));
      if (!d) return null;
      // The generated fast function itself: it checks the facts and maps a broken hit policy to null.
      if (d.requires.length === 0) return d.fast;
      return (facts) => this.evaluateValue(d.name, facts);
    },
    evaluateValue(decision, facts) {
      const d = decisions.get(normaliseName(decision));
      if (!d) return null;
      if (d.requires.length === 0) return d.fast(facts);
      if (typeof facts !== 'object' || facts === null || Array.isArray(facts)) return null;
      const s: Record<string, unknown> = { ...facts };
      for (const dep of d.requires) s[dep] = (decisions.get(dep) as CompiledDecision).fast(s);
      return d.fast(s);
    },
  };
}
