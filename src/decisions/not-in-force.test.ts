import { describe, expect, it } from 'vitest';
import { loadSources } from '../cli/load.ts';
import { compileCharter } from '../policy/compile/charter.ts';
import type { PolicyDocument } from '../policy/model.ts';
import { parsePolicy } from '../policy/parse/index.ts';
import type { AppError } from '../server/errors.ts';
import { checkAuthority } from './check-authority.ts';
import { NotInForce } from './not-in-force.ts';

const docs: PolicyDocument[] = loadSources([new URL('../../examples/charter', import.meta.url).pathname]).map(
  (s) => {
    const r = parsePolicy(s.text, s.file);
    if (!r.ok) throw new Error(r.problems[0]?.message);
    return r.value;
  },
);
const charterOf = (keep: (d: PolicyDocument) => boolean) => {
  const c = compileCharter(docs.filter(keep));
  if (!c.ok) throw new Error(c.problems[0]?.message);
  return c.value;
};
const grant = {
  outcome: 'refund',
  grants: 'refund',
  amountMinor: 4999,
  currency: 'GBP',
  basis: '100% of Order amount',
} as const;

describe('a decision the charter in force cannot make (NotInForce)', () => {
  it('is what a charter without the authority policy answers to a grant: nothing can be granted yet', () => {
    const early = charterOf((d) => d.meta.policy !== 'authority');
    let thrown: unknown;
    try {
      checkAuthority(early, 'agent', grant);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(NotInForce);
    // Over HTTP it is the same 422 as before: only replaying callers look at the class.
    expect((thrown as AppError).code).toBe('policy-error');
    expect((thrown as AppError).status).toBe(422);
  });

  it('is not thrown when the authority policy is in force', () => {
    const full = charterOf(() => true);
    expect(checkAuthority(full, 'agent', grant).policy?.id).toBe('authority');
  });
});
