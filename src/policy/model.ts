/**
 * @module policy/model
 * The typed model of a policy document: plain readonly data, one `kind` per section.
 * Produced by `parse`, consumed by `compile`, `lint`, `diff` and by other domains (hours, sla).
 */

/** 1-based line and column in the source document. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** The stable codes of every problem the engine reports. Human wording lives in `messages.ts`. */
export type ProblemCode =
  | 'syntax'
  | 'front-matter'
  | 'feel-syntax'
  | 'type-mismatch'
  | 'hit-policy'
  | 'duplicate-decision'
  | 'overlap'
  | 'gap'
  | 'unreachable'
  | 'output-value'
  | 'unknown-input'
  | 'unused-decision'
  | 'cycle'
  | 'review-overdue'
  | 'hours';

/** A problem found in a document: data first, wording attached once. */
export interface Problem {
  readonly code: ProblemCode;
  readonly severity: Severity;
  readonly message: string;
  readonly file?: string;
  readonly position: Position;
  readonly decision?: string;
  /** 1-based rule numbers involved. */
  readonly rules?: readonly number[];
  /** A concrete input showing the problem (for `gap`, an input no rule matches). */
  readonly example?: Readonly<Record<string, unknown>>;
}

export type Audience = 'public' | 'staff';

export interface PolicyMeta {
  /** Stable id, e.g. `refunds`. */
  readonly policy: string;
  readonly title: string;
  readonly version: number;
  /** Local date `YYYY-MM-DD` from which the version is in force. */
  readonly effective: string;
  readonly audience: Audience;
  readonly owner?: string;
  /** ISO 8601 review interval, e.g. `P6M`. */
  readonly review?: string;
  /** Decisions this policy offers to the desk; others must feed one of these (else `unused-decision`). */
  readonly decisions?: readonly string[];
}

export interface ProseSection {
  readonly kind: 'prose';
  readonly heading?: string;
  readonly depth: number;
  readonly markdown: string;
  readonly position: Position;
}

export type HitPolicy =
  | 'UNIQUE'
  | 'FIRST'
  | 'PRIORITY'
  | 'ANY'
  | 'COLLECT'
  | 'COLLECT SUM'
  | 'COLLECT MIN'
  | 'COLLECT MAX'
  | 'COLLECT COUNT'
  | 'RULE ORDER'
  | 'OUTPUT ORDER';

/** A cell as written, with where it was written. */
export interface Cell {
  readonly text: string;
  readonly position: Position;
}

export interface InputColumn {
  readonly name: string;
  /** FEEL unary tests listing the allowed values, if the header gave them. */
  readonly allowed?: Cell;
  readonly position: Position;
}

export interface OutputColumn {
  readonly name: string;
  /** FEEL list of values (priority order for PRIORITY / OUTPUT ORDER), if the header gave them. */
  readonly allowed?: Cell;
  readonly position: Position;
}

export interface Rule {
  /** 1-based rule number, as people say it. */
  readonly number: number;
  readonly inputs: readonly Cell[];
  readonly outputs: readonly Cell[];
  readonly annotations: readonly Cell[];
  readonly position: Position;
}

export interface DecisionTableSection {
  readonly kind: 'decision-table';
  readonly name: string;
  readonly hitPolicy: HitPolicy;
  readonly inputs: readonly InputColumn[];
  readonly outputs: readonly OutputColumn[];
  readonly annotations: readonly { readonly name: string; readonly position: Position }[];
  readonly rules: readonly Rule[];
  readonly markdown: string;
  readonly position: Position;
}

/** A decision written as one FEEL expression in a fenced `feel` block. */
export interface LiteralDecisionSection {
  readonly kind: 'literal-decision';
  readonly name: string;
  readonly expression: Cell;
  readonly markdown: string;
  readonly position: Position;
}

/** `Key: value` lines of an Hours section (`Time zone`, `Holidays`, `Closed`), as written. */
export interface HoursField {
  readonly key: string;
  readonly value: string;
  readonly position: Position;
}

export interface HoursRow {
  readonly day: string;
  readonly open: string;
  readonly dayPosition: Position;
  readonly openPosition: Position;
}

/** An `Hours:` section as written; `hours/` turns it into a calendar. */
export interface HoursSection {
  readonly kind: 'hours';
  readonly name: string;
  readonly fields: readonly HoursField[];
  readonly rows: readonly HoursRow[];
  readonly markdown: string;
  readonly position: Position;
}

export interface ProcedureStep {
  readonly number: number;
  readonly name: string;
  readonly guidance: string;
  readonly required: boolean;
  readonly position: Position;
}

export interface ProcedureSection {
  readonly kind: 'procedure';
  readonly name: string;
  readonly steps: readonly ProcedureStep[];
  readonly markdown: string;
  readonly position: Position;
}

export interface Standard {
  readonly measure: string;
  /** Comparison and value as written, e.g. `>= 95%`, `>= 4.5`. */
  readonly target: string;
  readonly operator: '>=' | '<=' | '>' | '<' | '=';
  readonly value: number;
  readonly unit?: '%';
  readonly notes?: string;
  readonly position: Position;
}

export interface StandardsSection {
  readonly kind: 'standards';
  readonly name: string;
  readonly standards: readonly Standard[];
  readonly markdown: string;
  readonly position: Position;
}

export type FactType = 'number' | 'string' | 'boolean' | 'date' | 'date and time' | 'duration' | 'any';

export interface FactDefinition {
  readonly name: string;
  readonly type: FactType;
  /** FEEL unary tests for the allowed values, when the fact is an enumeration. */
  readonly allowed?: Cell;
  readonly description?: string;
  readonly position: Position;
}

/** A `Facts` table: the vocabulary decisions may use as inputs. */
export interface FactsSection {
  readonly kind: 'facts';
  readonly facts: readonly FactDefinition[];
  readonly markdown: string;
  readonly position: Position;
}

export type Section =
  | ProseSection
  | DecisionTableSection
  | LiteralDecisionSection
  | HoursSection
  | ProcedureSection
  | StandardsSection
  | FactsSection;

export interface PolicyDocument {
  readonly file?: string;
  readonly meta: PolicyMeta;
  readonly sections: readonly Section[];
  /** The Markdown body without front matter, for rendering. */
  readonly body: string;
  readonly source: string;
}

/** Expected failures come back as data; only programmer errors throw. */
export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly problems: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };
