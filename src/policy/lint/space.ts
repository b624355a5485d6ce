/**
 * @module policy/lint/space
 * The input space of a decision table cut into atoms: for each column, a few representative values
 * such that every cell's test is constant on each atom. Overlaps, gaps and unreachable rules are then
 * finite set questions with concrete example inputs.
 */

import type { TableModel } from '../compile/table.ts';
import { runTest } from '../feel/interpret.ts';
import type { Test } from '../feel/ir.ts';
import { FeelDate, type FeelValue } from '../feel/values.ts';

export interface Space {
  /** Per column, the representative values. */
  readonly atoms: readonly (readonly FeelValue[])[];
  /** cover[rule][column][atom]: does the rule's cell accept the atom? */
  readonly cover: readonly (readonly (readonly boolean[])[])[];
}

function literalsOf(t: Test, out: FeelValue[]): boolean {
  switch (t.kind) {
    case 'any':
      return true;
    case 'compare':
      if (t.value.kind !== 'literal') return false;
      out.push(t.value.value);
      return true;
    case 'range':
      if (t.low.kind !== 'literal' || t.high.kind !== 'literal') return false;
      out.push(t.low.value, t.high.value);
      return true;
    case 'equals':
      if (t.value.kind === 'literal') {
        out.push(t.value.value);
        return true;
      }
      if (t.value.kind === 'list' && t.value.items.every((i) => i.kind === 'literal')) {
        for (const i of t.value.items) if (i.kind === 'literal') out.push(i.value);
        return true;
      }
      return false;
    case 'not':
      return literalsOf(t.test, out);
    case 'disjunction':
      return t.tests.every((x) => literalsOf(x, out));
    default:
      return false;
  }
}

function between(a: number, b: number): number {
  if (Math.floor(a) + 1 < b) return Math.floor(a) + 1;
  return (a + b) / 2;
}

function numericAtoms(points: number[]): number[] {
  const ps = [...new Set(points)].sort((a, b) => a - b);
  if (ps.length === 0) return [0];
  const out: number[] = [(ps[0] as number) - 1];
  ps.forEach((p, i) => {
    out.push(p);
    const next = ps[i + 1];
    out.push(next === undefined ? p + 1 : between(p, next));
  });
  return out;
}

/**
 * Builds the atoms and coverage of a table, or null when a cell is not analysable (it reads
 * other facts or uses a predicate), in which case the space rules stay silent for this table.
 */
export function buildSpace(model: TableModel): Space | null {
  const atoms: FeelValue[][] = [];
  for (const [c, input] of model.inputs.entries()) {
    const lits: FeelValue[] = [];
    for (const r of model.rules) if (!literalsOf(r.tests[c] ?? { kind: 'any' }, lits)) return null;
    const typed = lits.filter((v) => v !== null);
    if (input.enumeration && input.enumeration.length > 0) {
      atoms.push([...input.enumeration]);
    } else if (input.type === 'boolean' || (typed.length > 0 && typed.every((v) => typeof v === 'boolean'))) {
      atoms.push([true, false]);
    } else if (typed.every((v) => typeof v === 'number')) {
      atoms.push(numericAtoms(typed as number[]));
    } else if (typed.every((v) => v instanceof FeelDate)) {
      atoms.push(numericAtoms(typed.map((d) => (d as FeelDate).day)).map((d) => new FeelDate(Math.round(d))));
    } else if (typed.every((v) => typeof v === 'string')) {
      const strings = [...new Set(typed as string[])];
      let other = 'something else';
      while (strings.includes(other)) other += '!';
      atoms.push([...strings, other]);
    } else return null;
  }
  const cover = model.rules.map((r) =>
    model.inputs.map((_, c) =>
      (atoms[c] ?? []).map((a) => runTest(r.tests[c] ?? { kind: 'any' }, a, () => null) === true),
    ),
  );
  return { atoms, cover };
}

/**
 * Finds an input inside `region` (per column, allowed atoms) that none of `rules` matches.
 * Atoms that leave the same rules alive are explored once, which keeps the search small.
 * @returns atom indexes per column, or null when `rules` cover the whole region.
 */
export function findUncovered(
  space: Space,
  rules: readonly number[],
  region: readonly (readonly boolean[])[] | null,
): number[] | null {
  const columns = space.atoms.length;
  const walk = (col: number, alive: readonly number[], chosen: number[]): number[] | null => {
    if (alive.length === 0) {
      // Fill the remaining columns with any allowed atom.
      const rest: number[] = [];
      for (let c = col; c < columns; c++) {
        const allowed = region?.[c];
        const first = allowed ? allowed.indexOf(true) : 0;
        if (first < 0) return null;
        rest.push(first);
      }
      return [...chosen, ...rest];
    }
    if (col === columns) return null;
    const seen = new Set<string>();
    const atoms = space.atoms[col] ?? [];
    for (let a = 0; a < atoms.length; a++) {
      if (region && !region[col]?.[a]) continue;
      const next = alive.filter((r) => space.cover[r]?.[col]?.[a]);
      const key = next.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      const found = walk(col + 1, next, [...chosen, a]);
      if (found) return found;
    }
    return null;
  };
  return walk(0, rules, []);
}

/** Turns atom indexes into an example input keyed by column name (JSON-friendly). */
export function exampleOf(
  model: TableModel,
  space: Space,
  picks: readonly number[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  model.inputs.forEach((input, c) => {
    const v = space.atoms[c]?.[picks[c] ?? 0] ?? null;
    out[input.name] = v instanceof FeelDate ? v.toString() : v;
  });
  return out;
}
