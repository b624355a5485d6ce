/**
 * @module policy/lint/context
 * What every lint rule receives, and the shape of a rule: one rule per file, each carrying a passing
 * and a failing example that the test harness runs.
 */
import type { CompiledDecision } from '../compile/charter.ts';
import type { Environment } from '../compile/environment.ts';
import type { PolicyDocument, Problem, ProblemCode } from '../model.ts';
import { buildSpace, type Space } from './space.ts';

export interface LintContext {
  readonly documents: readonly PolicyDocument[];
  readonly decisions: ReadonlyMap<string, CompiledDecision>;
  readonly environment: Environment;
  /** Local date `YYYY-MM-DD` the review rule compares with (time is passed in, never read). */
  readonly today: string;
  /** The atom space of a table decision, built once and shared by the rules. */
  space(decision: CompiledDecision): Space | null;
}

export interface LintRule {
  readonly code: ProblemCode;
  readonly description: string;
  /** Documents that must produce no problem of this code, and ones that must produce one. */
  readonly examples: { readonly pass: string; readonly fail: string };
  check(ctx: LintContext): Problem[];
}

export function makeContext(
  documents: readonly PolicyDocument[],
  decisions: ReadonlyMap<string, CompiledDecision>,
  environment: Environment,
  today: string,
): LintContext {
  const cache = new Map<string, Space | null>();
  return {
    documents,
    decisions,
    environment,
    today,
    space(d) {
      if (!d.table) return null;
      if (!cache.has(d.name)) cache.set(d.name, buildSpace(d.table));
      return cache.get(d.name) ?? null;
    },
  };
}

/** A tiny front matter for rule examples. */
export function exampleDoc(body: string, extra = ''): string {
  return `---\npolicy: example\ntitle: Example\nversion: 1\neffective: 2026-01-01\naudience: staff\n${extra}---\n\n${body}\n`;
}

/** The line of a front matter key in a document's source (2 when not found). */
export function frontMatterLine(source: string, key: string): number {
  const i = source.split('\n').findIndex((l) => l.startsWith(`${key}:`));
  return i < 0 ? 2 : i + 1;
}
