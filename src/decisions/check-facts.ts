/**
 * @module decisions/check-facts
 * Facts the caller supplies are checked at the door against the charter's vocabulary (facts.md):
 * a misspelt name or a value the vocabulary does not allow is a 400 naming the field, instead of a
 * decision silently made without it.
 */

// The coercer is the engine's own boundary check; using it keeps "allowed" meaning one thing.
import { type Coercer, makeCoercer, type Warning } from '../policy/compile/coerce.ts';
import type { FactInfo } from '../policy/compile/environment.ts';
import type { Charter } from '../policy/index.ts';
import type { FieldError } from '../server/errors.ts';

// One coercer per fact of a compiled charter (they live as long as it does), not one per request.
const coercers = new WeakMap<FactInfo, Coercer>();

function coercerFor(name: string, info: FactInfo): Coercer {
  let c = coercers.get(info);
  if (c === undefined) {
    c = makeCoercer(name, info.type, info.allowed, info.definition.allowed?.text);
    coercers.set(info, c);
  }
  return c;
}

/**
 * Problems with supplied facts, as field errors (`body.facts.<name>`); empty when all is well.
 * @example checkFacts(charter, { 'Item condition': 'broken' })
 * // [{ path: 'body.facts.Item condition', message: 'Unexpected "broken" for Item condition, …' }]
 */
export function checkFacts(charter: Charter, supplied: Readonly<Record<string, unknown>>): FieldError[] {
  const errors: FieldError[] = [];
  const env = charter.environment;
  for (const [name, value] of Object.entries(supplied)) {
    const path = `body.facts.${name}`;
    const info = env.facts.get(name);
    if (!info) {
      if (env.hasVocabulary)
        errors.push({
          path,
          message: `Unexpected fact "${name}", expected a fact from the charter's vocabulary (facts.md)`,
        });
      continue;
    }
    const warnings: Warning[] = [];
    coercerFor(name, info)(value, warnings);
    for (const w of warnings) errors.push({ path, message: w.message });
  }
  return errors;
}
