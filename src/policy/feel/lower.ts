/**
 * @module policy/feel/lower
 * Parses FEEL text once with lezer-feel (feelin's grammar) and lowers the syntax tree to the IR.
 * Syntax errors and unsupported constructs come back as data with an offset into the text.
 */
import type { SyntaxNode } from '@lezer/common';
import { parser, trackVariables } from 'lezer-feel';
import { BUILTINS } from './builtins.ts';
import type { ArithOp, CompareOp, Expr, Test } from './ir.ts';
import { parseDate, parseDateTime, parseDuration } from './values.ts';

export interface FeelSyntaxError {
  readonly message: string;
  /** 0-based offset into the text. */
  readonly offset: number;
}

export type Lowered<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: FeelSyntaxError };

class LowerError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

type Top = 'Expression' | 'UnaryTests';

const parsers = new Map<string, ReturnType<typeof parser.configure>>();

/** A parser that knows the names in scope, so names with spaces and keywords parse as names. */
function parserFor(top: Top, names: readonly string[]) {
  const key = `${top}\u0000${names.join('\u0000')}`;
  let p = parsers.get(key);
  if (!p) {
    const context: Record<string, number> = {};
    for (const n of names) context[n] = 0;
    p = parser.configure({ top, contextTracker: trackVariables(context) });
    if (parsers.size > 200) parsers.clear();
    parsers.set(key, p);
  }
  return p;
}

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

const PUNCTUATION = new Set(['(', ')', '[', ']', '{', '}', '..', '.', ',', 'LineComment', 'BlockComment']);

function meaningful(node: SyntaxNode): SyntaxNode[] {
  return children(node).filter((c) => !PUNCTUATION.has(c.name));
}

function describe(text: string): string {
  if (text.length === 0) return 'end of cell';
  return `"${text.length > 20 ? `${text.slice(0, 20)}…` : text}"`;
}

function findError(node: SyntaxNode, text: string): LowerError | null {
  const cursor = node.cursor();
  do {
    if (cursor.type.isError) {
      const found = text.slice(cursor.from, Math.max(cursor.to, cursor.from + 1)).trim();
      return new LowerError(`Unexpected ${describe(found)}`, cursor.from);
    }
  } while (cursor.next());
  return null;
}

/** Collapses the whitespace inside a multi-word name, as FEEL does. */
export function normaliseName(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

function unquote(raw: string, offset: number): string {
  const inner = raw.slice(1, -1);
  return inner.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{6}|.)/g, (_m, esc: string) => {
    if (esc[0] === 'u' || esc[0] === 'U') return String.fromCodePoint(Number.parseInt(esc.slice(1), 16));
    const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', "'": "'", '\\': '\\' };
    const ch = map[esc];
    if (ch === undefined) throw new LowerError(`Unexpected escape "\\${esc}"`, offset);
    return ch;
  });
}

/**
 * How deeply expressions may nest. Generated code, the interpreter and `new Function` all recurse
 * on the nesting; a few hundred levels overflow the stack. Real cells nest a handful of levels.
 */
const MAX_DEPTH = 100;
/** How long one FEEL text may be: lezer's time and memory grow faster than linearly on nested input. */
const MAX_LENGTH = 10_000;

class Lowerer {
  private depth = 0;
  constructor(private readonly text: string) {}

  private src(n: SyntaxNode): string {
    return this.text.slice(n.from, n.to);
  }

  private one(n: SyntaxNode): SyntaxNode {
    const c = meaningful(n)[0];
    if (!c) throw new LowerError('Unexpected end of expression', n.to);
    return c;
  }

  expr(n: SyntaxNode): Expr {
    if (this.depth >= MAX_DEPTH)
      throw new LowerError(
        `Unexpected nesting deeper than ${MAX_DEPTH} levels, expected a simpler expression`,
        n.from,
      );
    this.depth++;
    try {
      return this.node(n);
    } finally {
      this.depth--;
    }
  }

  private node(n: SyntaxNode): Expr {
    switch (n.name) {
      case 'Expression':
      case 'ParenthesizedExpression':
      case 'PositiveUnaryTest':
        return this.expr(this.one(n));
      case 'NumericLiteral':
        return { kind: 'literal', value: Number(this.src(n)) };
      case 'StringLiteral':
        return { kind: 'literal', value: unquote(this.src(n), n.from) };
      case 'BooleanLiteral':
        return { kind: 'literal', value: this.src(n) === 'true' };
      case 'null':
        return { kind: 'literal', value: null };
      case '?':
        return { kind: 'name', name: '?' };
      case 'VariableName':
      case 'Name':
        return { kind: 'name', name: normaliseName(this.src(n)) };
      case 'PathExpression': {
        const [base, key] = meaningful(n);
        if (!base || !key) throw new LowerError('Unexpected path', n.from);
        return { kind: 'path', base: this.expr(base), key: normaliseName(this.src(key)) };
      }
      case 'ArithmeticExpression':
        return this.arith(n);
      case 'Comparison':
        return this.comparison(n);
      case 'Conjunction':
      case 'Disjunction': {
        const [l, , r] = meaningful(n);
        if (!l || !r) throw new LowerError('Unexpected end of expression', n.to);
        return { kind: n.name === 'Conjunction' ? 'and' : 'or', left: this.expr(l), right: this.expr(r) };
      }
      case 'IfExpression': {
        const parts = meaningful(n).filter((c) => !['if', 'then', 'else'].includes(c.name));
        const [c, t, e] = parts;
        if (!c || !t || !e) throw new LowerError('Unexpected if, expected if … then … else …', n.from);
        return { kind: 'if', test: this.expr(c), whenTrue: this.expr(t), whenFalse: this.expr(e) };
      }
      case 'List':
        return { kind: 'list', items: meaningful(n).map((c) => this.expr(c)) };
      case 'Context':
        return {
          kind: 'context',
          entries: meaningful(n).map((entry) => {
            const [k, v] = meaningful(entry);
            if (!k || !v) throw new LowerError('Unexpected context entry', entry.from);
            const keyNode = this.one(k);
            const key =
              keyNode.name === 'StringLiteral'
                ? unquote(this.src(keyNode), keyNode.from)
                : normaliseName(this.src(k));
            return [key, this.expr(v)] as const;
          }),
        };
      case 'FunctionInvocation':
        return this.call(n);
      case 'DateTimeLiteral':
        return this.dateTimeLiteral(n);
      default:
        throw new LowerError(
          `Unexpected ${n.name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`,
          n.from,
        );
    }
  }

  private arith(n: SyntaxNode): Expr {
    const parts = meaningful(n);
    if (parts.length === 2 && parts[0]?.name === 'ArithOp') {
      const operand = this.expr(parts[1] as SyntaxNode);
      if (operand.kind === 'literal' && typeof operand.value === 'number')
        return { kind: 'literal', value: -operand.value };
      return { kind: 'negate', operand };
    }
    const [l, op, r] = parts;
    if (!l || !op || !r) throw new LowerError('Unexpected end of expression', n.to);
    return { kind: 'arith', op: this.src(op) as ArithOp, left: this.expr(l), right: this.expr(r) };
  }

  private comparison(n: SyntaxNode): Expr {
    const parts = meaningful(n);
    const [l, op] = parts;
    if (!l || !op) throw new LowerError('Unexpected comparison', n.from);
    if (op.name === 'CompareOp') {
      const r = parts[2];
      if (!r) throw new LowerError('Unexpected end of comparison', n.to);
      return { kind: 'compare', op: this.src(op) as CompareOp, left: this.expr(l), right: this.expr(r) };
    }
    if (op.name === 'between') {
      const [, , lo, , hi] = parts;
      if (!lo || !hi) throw new LowerError('Unexpected between, expected x between a and b', n.from);
      return { kind: 'between', operand: this.expr(l), low: this.expr(lo), high: this.expr(hi) };
    }
    if (op.name === 'in') {
      const t = parts[2];
      if (!t) throw new LowerError('Unexpected in, expected tests after it', n.from);
      const test = t.name === 'PositiveUnaryTests' ? this.positiveTests(t) : this.positiveTest(t);
      return { kind: 'in', operand: this.expr(l), test };
    }
    throw new LowerError(`Unexpected "${this.src(op)}"`, op.from);
  }

  private call(n: SyntaxNode): Expr {
    const [fnNode, params] = meaningful(n);
    if (!fnNode) throw new LowerError('Unexpected call', n.from);
    const fn = normaliseName(this.src(fnNode));
    if (params?.name === 'NamedParameters')
      throw new LowerError(`Unexpected named parameters in ${fn}(), expected positional ones`, params.from);
    const args = params ? meaningful(params).map((a) => this.expr(a)) : [];
    return this.builtin(fn, args, fnNode.from);
  }

  private builtin(fn: string, args: readonly Expr[], offset: number): Expr {
    const b = BUILTINS[fn];
    if (!b) throw new LowerError(`Unexpected function "${fn}", expected a FEEL built-in function`, offset);
    if (args.length < b.min || args.length > b.max) {
      const expected = b.min === b.max ? `${b.min}` : `${b.min} to ${b.max === Infinity ? 'any' : b.max}`;
      throw new LowerError(`Unexpected ${args.length} arguments to ${fn}(), expected ${expected}`, offset);
    }
    // Constant folding: date("…") and friends become literals, so cells compare against plain values.
    if (
      args.every((a) => a.kind === 'literal') &&
      ['date', 'date and time', 'duration', 'number'].includes(fn)
    ) {
      const value = b.fn(args.map((a) => (a.kind === 'literal' ? a.value : null)));
      if (value === null) {
        const shown = args.map((a) => (a.kind === 'literal' ? JSON.stringify(a.value) : '')).join(', ');
        throw new LowerError(`Unexpected ${fn}(${shown}), expected a valid ${fn}`, offset);
      }
      return { kind: 'literal', value };
    }
    return { kind: 'call', fn, args };
  }

  private dateTimeLiteral(n: SyntaxNode): Expr {
    const [first, params] = meaningful(n);
    if (!first) throw new LowerError('Unexpected date literal', n.from);
    if (first.name === 'AtLiteral') {
      const s = this.one(first);
      const raw = unquote(this.src(s), s.from);
      const value = parseDate(raw) ?? parseDateTime(raw) ?? parseDuration(raw);
      if (!value)
        throw new LowerError(`Unexpected @"${raw}", expected a date, date-time or duration`, n.from);
      return { kind: 'literal', value };
    }
    const fn = normaliseName(this.src(first));
    if (fn === 'time')
      throw new LowerError('Unexpected time(), expected date, date and time or duration', n.from);
    const args = params ? meaningful(params).map((a) => this.expr(a)) : [];
    return this.builtin(fn, args, first.from);
  }

  tests(n: SyntaxNode): Test {
    const [first, second] = meaningful(n);
    if (!first) throw new LowerError('Unexpected end of cell, expected a unary test or "-"', n.from);
    if (first.name === 'Wildcard') return { kind: 'any' };
    if (first.name === 'not') {
      if (!second) throw new LowerError('Unexpected not, expected not(tests)', first.from);
      return { kind: 'not', test: this.positiveTests(second) };
    }
    return this.positiveTests(first);
  }

  private positiveTests(n: SyntaxNode): Test {
    const tests = meaningful(n).map((t) => this.positiveTest(t));
    if (tests.length === 1) return tests[0] as Test;
    return { kind: 'disjunction', tests };
  }

  private positiveTest(n: SyntaxNode): Test {
    const inner = n.name === 'PositiveUnaryTest' ? this.one(n) : n;
    if (inner.name === 'SimplePositiveUnaryTest') {
      const [a, b] = meaningful(inner);
      if (a?.name === 'Interval') return this.interval(a);
      if (a?.name === 'CompareOp' && b) {
        const op = this.src(a) as CompareOp;
        const value = this.expr(b);
        if (op === '=') return { kind: 'equals', value };
        if (op === '!=') return { kind: 'not', test: { kind: 'equals', value } };
        return { kind: 'compare', op, value };
      }
      throw new LowerError('Unexpected unary test', inner.from);
    }
    if (inner.name === 'Interval') return this.interval(inner);
    const expr = this.expr(inner);
    const names = new Set<string>();
    collectQuestion(expr, names);
    if (names.has('?')) return { kind: 'predicate', expr };
    return { kind: 'equals', value: expr };
  }

  private interval(n: SyntaxNode): Test {
    const all = children(n);
    const open = all[0];
    const close = all[all.length - 1];
    const ends = meaningful(n);
    const [lo, hi] = ends;
    if (!open || !close || !lo || !hi) throw new LowerError('Unexpected range, expected [a..b]', n.from);
    return {
      kind: 'range',
      low: this.expr(lo),
      high: this.expr(hi),
      lowClosed: this.src(open) === '[',
      highClosed: this.src(close) === ']',
    };
  }
}

function collectQuestion(e: Expr, out: Set<string>): void {
  const walk = (x: unknown): void => {
    if (!x || typeof x !== 'object') return;
    const node = x as { kind?: string; name?: string };
    if (node.kind === 'name' && node.name === '?') out.add('?');
    for (const v of Object.values(x)) if (v && typeof v === 'object') walk(v);
  };
  walk(e);
}

/**
 * Where bracket nesting first goes deeper than MAX_DEPTH (outside string literals), or -1. Checked
 * before parsing: lezer's error recovery on thousands of open brackets takes minutes and gigabytes.
 */
function tooDeep(text: string): number {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '(' || c === '[' || c === '{') {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return -1;
}

function run<T>(
  text: string,
  top: Top,
  names: readonly string[],
  f: (l: Lowerer, n: SyntaxNode) => T,
): Lowered<T> {
  if (text.length > MAX_LENGTH)
    return {
      ok: false,
      error: {
        message: `Unexpected FEEL of ${text.length} characters, expected at most ${MAX_LENGTH}`,
        offset: MAX_LENGTH,
      },
    };
  const deep = tooDeep(text);
  if (deep >= 0)
    return {
      ok: false,
      error: {
        message: `Unexpected nesting deeper than ${MAX_DEPTH} levels, expected a simpler expression`,
        offset: deep,
      },
    };
  try {
    const tree = parserFor(top, names).parse(text);
    const err = findError(tree.topNode, text);
    if (err) return { ok: false, error: { message: err.message, offset: err.offset } };
    return { ok: true, value: f(new Lowerer(text), tree.topNode) };
  } catch (e) {
    if (e instanceof LowerError) return { ok: false, error: { message: e.message, offset: e.offset } };
    // The parser builds its tree recursively: absurd nesting (`[[[[…]]]]`) overflows the stack.
    if (e instanceof RangeError)
      return {
        ok: false,
        error: { message: 'Unexpected nesting too deep, expected a simpler expression', offset: 0 },
      };
    throw e;
  }
}

/**
 * Parses a FEEL expression into the IR.
 * @example lowerExpression('Order amount * 0.1', ['Order amount'])
 */
export function lowerExpression(text: string, names: readonly string[] = []): Lowered<Expr> {
  if (text.trim() === '') return { ok: false, error: { message: 'Unexpected empty expression', offset: 0 } };
  return run(text, 'Expression', names, (l, n) => l.expr(n));
}

/**
 * Parses FEEL unary tests (a decision table input cell) into the IR; empty or `-` is "any".
 * @example lowerTests('(30..60]') // { ok: true, value: { kind: 'range', … } }
 */
export function lowerTests(text: string, names: readonly string[] = []): Lowered<Test> {
  if (text.trim() === '' || text.trim() === '-') return { ok: true, value: { kind: 'any' } };
  return run(text, 'UnaryTests', names, (l, n) => l.tests(n));
}
