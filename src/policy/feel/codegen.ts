/**
 * @module policy/feel/codegen
 * Generates JavaScript source from the IR. Tests against literal numbers, strings and dates become
 * plain comparisons; everything else calls the shared runtime (`rt`) so the semantics stay FEEL's.
 */
import type { Expr, Test } from './ir.ts';
import { FeelDate, type FeelValue } from './values.ts';

/** Where generated code finds names, constants and the runtime. */
export interface CodegenContext {
  /** JS expression reading a name (a fact, a decision result, or `?`). */
  readonly name: (name: string) => string;
  /** Registers a non-primitive constant; returns the JS expression that reads it. */
  readonly constant: (value: FeelValue) => string;
}

function lit(v: FeelValue, ctx: CodegenContext): string {
  if (v === null) return 'null';
  if (typeof v === 'number') return Object.is(v, -0) ? '0' : String(v);
  if (typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v);
  return ctx.constant(v);
}

const ARITH = { '+': 'add', '-': 'subtract', '*': 'multiply', '/': 'divide', '**': 'power' } as const;
const CMP = { '=': 'equals', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' } as const;

/**
 * JS source of an expression; its value is a FEEL value.
 * @example genExpr({ kind: 'literal', value: 1 }, ctx) // '1'
 */
export function genExpr(e: Expr, ctx: CodegenContext): string {
  switch (e.kind) {
    case 'literal':
      return lit(e.value, ctx);
    case 'name':
      return ctx.name(e.name);
    case 'path':
      return `rt.path(${genExpr(e.base, ctx)}, ${JSON.stringify(e.key)})`;
    case 'arith':
      return `rt.${ARITH[e.op]}(${genExpr(e.left, ctx)}, ${genExpr(e.right, ctx)})`;
    case 'negate':
      return `rt.negate(${genExpr(e.operand, ctx)})`;
    case 'compare':
      return `rt.${CMP[e.op]}(${genExpr(e.left, ctx)}, ${genExpr(e.right, ctx)})`;
    case 'and':
    case 'or':
      return `rt.${e.kind}(${genExpr(e.left, ctx)}, ${genExpr(e.right, ctx)})`;
    case 'if':
      return `(${genExpr(e.test, ctx)} === true ? ${genExpr(e.whenTrue, ctx)} : ${genExpr(e.whenFalse, ctx)})`;
    case 'list':
      return `[${e.items.map((i) => genExpr(i, ctx)).join(', ')}]`;
    case 'context': {
      // Later entries may read earlier ones, as in FEEL.
      const parts = e.entries.map(([k, v]) => {
        const inner: CodegenContext = {
          ...ctx,
          name: (n) =>
            e.entries.some(([kk]) => kk === n)
              ? `(Object.hasOwn(o, ${JSON.stringify(n)}) ? o[${JSON.stringify(n)}] : ${ctx.name(n)})`
              : ctx.name(n),
        };
        return `o[${JSON.stringify(k)}] = ${genExpr(v, inner)};`;
      });
      return `((o) => { ${parts.join(' ')} return o; })({})`;
    }
    case 'call':
      return `rt.call(${JSON.stringify(e.fn)}, [${e.args.map((a) => genExpr(a, ctx)).join(', ')}])`;
    case 'in': {
      const v = genExpr(e.operand, ctx);
      return `((v) => ${genTestTri(e.test, 'v', ctx)})(${v})`;
    }
    case 'between': {
      const v = genExpr(e.operand, ctx);
      return `((v) => rt.and(rt.ge(v, ${genExpr(e.low, ctx)}), rt.le(v, ${genExpr(e.high, ctx)})))(${v})`;
    }
    default:
      return 'null';
  }
}

/** The strings of a test made only of string-literal equalities (`"a", "b"`), else null. */
export function stringLiterals(t: Test): string[] | null {
  const items = t.kind === 'disjunction' ? t.tests : [t];
  const out: string[] = [];
  for (const i of items) {
    if (i.kind !== 'equals' || i.value.kind !== 'literal' || typeof i.value.value !== 'string') return null;
    out.push(i.value.value);
  }
  return out;
}

function withInput(ctx: CodegenContext, input: string): CodegenContext {
  return { ...ctx, name: (n) => (n === '?' ? input : ctx.name(n)) };
}

function numLit(e: Expr): number | null {
  return e.kind === 'literal' && typeof e.value === 'number' ? e.value : null;
}
function dateLit(e: Expr): number | null {
  return e.kind === 'literal' && e.value instanceof FeelDate ? e.value.day : null;
}

/**
 * JS source of a test that is `true` exactly when the interpreter's answer is `true`.
 * (null and false both mean "no match" at the top of a cell.)
 * `isNumber`, when given, names a local already holding `typeof input === "number"` (the table reads
 * and checks each input once, up front, rather than once per rule).
 */
export function genTestBool(
  t: Test,
  input: string,
  ctx: CodegenContext,
  enumeration: readonly FeelValue[] | null = null,
  isNumber: string | null = null,
): string {
  const numberCheck = isNumber ?? `typeof ${input} === "number"`;
  switch (t.kind) {
    case 'any':
      return 'true';
    case 'compare': {
      const n = numLit(t.value);
      if (n !== null) return `(${numberCheck} && ${input} ${t.op} ${n})`;
      const d = dateLit(t.value);
      if (d !== null) return `(${input} instanceof rt.FeelDate && ${input}.day ${t.op} ${d})`;
      return `(${genTestTri(t, input, ctx)} === true)`;
    }
    case 'range': {
      const lo = numLit(t.low);
      const hi = numLit(t.high);
      if (lo !== null && hi !== null) {
        return `(${numberCheck} && ${input} ${t.lowClosed ? '>=' : '>'} ${lo} && ${input} ${t.highClosed ? '<=' : '<'} ${hi})`;
      }
      const dlo = dateLit(t.low);
      const dhi = dateLit(t.high);
      if (dlo !== null && dhi !== null) {
        return `(${input} instanceof rt.FeelDate && ${input}.day ${t.lowClosed ? '>=' : '>'} ${dlo} && ${input}.day ${t.highClosed ? '<=' : '<'} ${dhi})`;
      }
      return `(${genTestTri(t, input, ctx)} === true)`;
    }
    case 'equals': {
      const v = t.value;
      if (
        v.kind === 'literal' &&
        (typeof v.value === 'string' || typeof v.value === 'boolean' || v.value === null)
      )
        return `(${input} === ${lit(v.value, ctx)})`;
      const n = numLit(v);
      if (n !== null) return `(${input} === ${n})`;
      return `(${genTestTri(t, input, ctx)} === true)`;
    }
    case 'disjunction':
      return `(${t.tests.map((x) => genTestBool(x, input, ctx, enumeration, isNumber)).join(' || ')})`;
    case 'not': {
      const strings = stringLiterals(t.test);
      if (strings && enumeration) {
        // Over a closed enumeration, not(…) is the other allowed values (or no value at all).
        const rest = enumeration.filter((e) => typeof e === 'string' && !strings.includes(e));
        return `(${[`${input} === null`, ...rest.map((e) => `${input} === ${JSON.stringify(e)}`)].join(' || ')})`;
      }
      if (strings)
        return `(${[`${input} !== rt.INVALID`, ...strings.map((e) => `${input} !== ${JSON.stringify(e)}`)].join(' && ')})`;
      return `(${genTestTri(t.test, input, ctx)} === false)`;
    }
    default:
      return `(${genTestTri(t, input, ctx)} === true)`;
  }
}

/** JS source of a test with FEEL's three values: true, false or null. */
export function genTestTri(t: Test, input: string, ctx: CodegenContext): string {
  const c = withInput(ctx, input);
  switch (t.kind) {
    case 'any':
      return 'true';
    case 'compare': {
      const n = numLit(t.value);
      if (n !== null) return `(typeof ${input} === "number" ? ${input} ${t.op} ${n} : null)`;
      const d = dateLit(t.value);
      if (d !== null) return `(${input} instanceof rt.FeelDate ? ${input}.day ${t.op} ${d} : null)`;
      const fn = CMP[t.op];
      return `(${input} === rt.INVALID ? null : rt.${fn}(${input}, ${genExpr(t.value, c)}))`;
    }
    case 'range':
      return `(${input} === rt.INVALID ? null : rt.inRange(${input}, ${genExpr(t.low, c)}, ${genExpr(t.high, c)}, ${t.lowClosed}, ${t.highClosed}))`;
    case 'equals': {
      // The same answers as rt.equalsTest for primitive literals, without the call.
      const v = t.value;
      if (v.kind === 'literal' && typeof v.value === 'boolean')
        return `(typeof ${input} === "boolean" ? ${input} === ${v.value} : null)`;
      if (v.kind === 'literal' && typeof v.value === 'number')
        return `(typeof ${input} === "number" ? ${input} === ${lit(v.value, ctx)} : ${input} === rt.INVALID ? null : false)`;
      if (v.kind === 'literal' && (typeof v.value === 'string' || v.value === null))
        return `(${input} === rt.INVALID ? null : ${input} === ${lit(v.value, ctx)})`;
      return `(${input} === rt.INVALID ? null : rt.equalsTest(${input}, ${genExpr(t.value, c)}))`;
    }
    case 'predicate':
      return `(${input} === rt.INVALID ? null : rt.bool(${genExpr(t.expr, c)}))`;
    case 'not':
      return `rt.not3(${genTestTri(t.test, input, ctx)})`;
    case 'disjunction': {
      // Short-circuits like the interpreter: tests after a `true` are not run (nor their names read).
      const steps = t.tests.map(
        (x) => `u$ = ${genTestTri(x, input, ctx)}; if (u$ === true) return true; if (u$ === null) n$ = true;`,
      );
      return `(() => { let u$, n$ = false; ${steps.join(' ')} return n$ ? null : false; })()`;
    }
    default:
      return 'null';
  }
}
