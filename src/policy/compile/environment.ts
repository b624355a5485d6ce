/**
 * @module policy/compile/environment
 * What a decision can see while compiling: declared facts with their types, other decisions, and
 * the names the FEEL parser must treat as names (those with spaces or keywords in them).
 */

import type { Test } from '../feel/ir.ts';
import { lowerTests } from '../feel/lower.ts';
import type { FeelType } from '../feel/types.ts';
import { problem } from '../messages.ts';
import type { FactDefinition, FactType, Problem } from '../model.ts';
import type { BoundaryType } from './coerce.ts';

export interface FactInfo {
  readonly definition: FactDefinition;
  readonly type: BoundaryType;
  readonly allowed: Test | null;
  readonly file?: string | undefined;
}

export interface Environment {
  readonly names: readonly string[];
  readonly facts: ReadonlyMap<string, FactInfo>;
  readonly decisions: ReadonlySet<string>;
  /** Whether any Facts table was given: only then are undeclared inputs reported. */
  readonly hasVocabulary: boolean;
}

export function boundaryType(t: FactType): BoundaryType {
  return t;
}

/** The static FEEL type a fact of this declared type has once coerced. */
export function feelTypeOf(t: BoundaryType): FeelType {
  return t === 'duration' ? 'any' : t;
}

/**
 * Collects declared facts (first declaration wins; later ones are reported if they differ).
 */
export function collectFacts(
  defs: readonly { def: FactDefinition; file?: string | undefined }[],
  names: readonly string[],
  problems: Problem[],
): Map<string, FactInfo> {
  const facts = new Map<string, FactInfo>();
  for (const { def, file } of defs) {
    const prev = facts.get(def.name);
    if (prev) {
      if (prev.definition.type !== def.type)
        problems.push(
          problem({
            code: 'type-mismatch',
            message: `Unexpected second declaration of ${def.name} as ${def.type}, expected ${prev.definition.type} as declared first`,
            position: def.position,
            file,
          }),
        );
      continue;
    }
    let allowed: Test | null = null;
    if (def.allowed) {
      const r = lowerTests(def.allowed.text, names);
      if (r.ok) allowed = r.value;
      else
        problems.push(
          problem({
            code: 'feel-syntax',
            message: `${r.error.message}, expected FEEL unary tests listing the values of ${def.name}`,
            position: {
              line: def.allowed.position.line,
              column: def.allowed.position.column + r.error.offset,
            },
            file,
          }),
        );
    }
    facts.set(def.name, { definition: def, type: boundaryType(def.type), allowed, file });
  }
  return facts;
}
