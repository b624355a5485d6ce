/**
 * @module policy/parse/table-decision
 * A `Decision:` section: the hit policy line and a decision table, or a fenced FEEL expression.
 */
import type { Code, Paragraph, RootContent, Table } from 'mdast';
import { problem } from '../messages.ts';
import type {
  Cell,
  DecisionTableSection,
  HitPolicy,
  InputColumn,
  LiteralDecisionSection,
  OutputColumn,
  Position,
  Problem,
  Rule,
} from '../model.ts';
import { type Source, shift, splitAtColon } from './source.ts';

const HIT_POLICIES: Record<string, HitPolicy> = {
  UNIQUE: 'UNIQUE',
  U: 'UNIQUE',
  FIRST: 'FIRST',
  F: 'FIRST',
  PRIORITY: 'PRIORITY',
  P: 'PRIORITY',
  ANY: 'ANY',
  A: 'ANY',
  COLLECT: 'COLLECT',
  C: 'COLLECT',
  'COLLECT SUM': 'COLLECT SUM',
  'C+': 'COLLECT SUM',
  'COLLECT MIN': 'COLLECT MIN',
  'C<': 'COLLECT MIN',
  'COLLECT MAX': 'COLLECT MAX',
  'C>': 'COLLECT MAX',
  'COLLECT COUNT': 'COLLECT COUNT',
  'C#': 'COLLECT COUNT',
  'RULE ORDER': 'RULE ORDER',
  R: 'RULE ORDER',
  'OUTPUT ORDER': 'OUTPUT ORDER',
  O: 'OUTPUT ORDER',
};

interface Ctx {
  readonly source: Source;
  readonly file: string | undefined;
  readonly problems: Problem[];
}

function hitPolicyOf(nodes: readonly RootContent[], ctx: Ctx, name: string): HitPolicy {
  const para = nodes.find((n): n is Paragraph => n.type === 'paragraph');
  if (!para) return 'UNIQUE';
  for (const line of ctx.source.lines(para)) {
    const m = /^hit\s*policy\s*:\s*(.*)$/i.exec(line.text);
    if (!m) continue;
    const written = (m[1] ?? '').trim().replace(/\s+/g, ' ').toUpperCase();
    const hp = HIT_POLICIES[written];
    if (hp) return hp;
    ctx.problems.push(
      problem({
        code: 'hit-policy',
        message: `Unexpected hit policy "${m[1]?.trim()}", expected one of ${Object.keys(HIT_POLICIES)
          .filter((k) => k.length > 2)
          .join(', ')}`,
        position: shift(line.position, line.text.indexOf(':') + 1),
        file: ctx.file,
        decision: name,
      }),
    );
  }
  return 'UNIQUE';
}

function header(
  cells: readonly Cell[],
  ctx: Ctx,
  name: string,
): {
  kinds: ('input' | 'output' | 'annotation')[];
  inputs: InputColumn[];
  outputs: OutputColumn[];
  annotations: { name: string; position: Position }[];
} {
  const kinds: ('input' | 'output' | 'annotation')[] = [];
  const inputs: InputColumn[] = [];
  const outputs: OutputColumn[] = [];
  const annotations: { name: string; position: Position }[] = [];
  for (const cell of cells) {
    const t = cell.text;
    if (t.startsWith('#')) {
      kinds.push('annotation');
      annotations.push({ name: t.slice(1).trim(), position: cell.position });
      continue;
    }
    const isOutput = t.startsWith('→') || t.startsWith('->');
    const skip = isOutput ? (t.startsWith('→') ? 1 : 2) : 0;
    const body = t.slice(skip);
    const lead = body.length - body.trimStart().length;
    const split = splitAtColon(body);
    const colName = (split ? split[0] : body).trim();
    if (colName === '') {
      ctx.problems.push(
        problem({
          code: 'syntax',
          message: `Unexpected empty column name, expected ${isOutput ? 'an output name after →' : 'an input name'}`,
          position: cell.position,
          file: ctx.file,
          decision: name,
        }),
      );
    }
    let allowed: Cell | undefined;
    if (split) {
      const values = split[1];
      const valuesLead = values.length - values.trimStart().length;
      allowed = {
        text: values.trim(),
        position: shift(cell.position, skip + split[0].length + 1 + valuesLead),
      };
    }
    const position = shift(cell.position, skip + lead);
    if (isOutput) {
      kinds.push('output');
      outputs.push(allowed ? { name: colName, allowed, position } : { name: colName, position });
    } else {
      kinds.push('input');
      inputs.push(allowed ? { name: colName, allowed, position } : { name: colName, position });
    }
  }
  return { kinds, inputs, outputs, annotations };
}

/**
 * Builds a decision section from the nodes under a `Decision:` heading.
 * @example parseDecision('Refund', headingPos, nodes, markdown, ctx)
 */
export function parseDecision(
  name: string,
  position: Position,
  nodes: readonly RootContent[],
  markdown: string,
  ctx: Ctx,
): DecisionTableSection | LiteralDecisionSection | null {
  const table = nodes.find((n): n is Table => n.type === 'table');
  const code = nodes.find((n): n is Code => n.type === 'code' && (n.lang ?? '').toLowerCase() === 'feel');
  if (!table && code) {
    const start = ctx.source.position(code);
    return {
      kind: 'literal-decision',
      name,
      expression: { text: code.value, position: { line: start.line + 1, column: 1 } },
      markdown,
      position,
    };
  }
  if (!table) {
    ctx.problems.push(
      problem({
        code: 'syntax',
        message: `Unexpected decision "${name}" without a table, expected a decision table or a \`feel\` code block`,
        position,
        file: ctx.file,
        decision: name,
      }),
    );
    return null;
  }
  const hitPolicy = hitPolicyOf(nodes.slice(0, nodes.indexOf(table)), ctx, name);
  const rows = ctx.source.table(table);
  const head = rows[0] ?? [];
  const { kinds, inputs, outputs, annotations } = header(head, ctx, name);
  if (outputs.length === 0) {
    ctx.problems.push(
      problem({
        code: 'syntax',
        message: 'Unexpected table without outputs, expected at least one column starting with →',
        position: ctx.source.position(table),
        file: ctx.file,
        decision: name,
      }),
    );
  }
  const rules: Rule[] = [];
  rows.slice(1).forEach((cells, i) => {
    const rowPos = cells[0]?.position ?? ctx.source.position(table);
    if (cells.length !== head.length) {
      ctx.problems.push(
        problem({
          code: 'syntax',
          message: `Unexpected ${cells.length} cells in rule ${i + 1}, expected ${head.length}`,
          position: rowPos,
          file: ctx.file,
          decision: name,
          rules: [i + 1],
        }),
      );
    }
    const ins: Cell[] = [];
    const outs: Cell[] = [];
    const notes: Cell[] = [];
    kinds.forEach((k, j) => {
      const cell = cells[j] ?? { text: '', position: rowPos };
      (k === 'input' ? ins : k === 'output' ? outs : notes).push(cell);
    });
    rules.push({ number: i + 1, inputs: ins, outputs: outs, annotations: notes, position: rowPos });
  });
  return {
    kind: 'decision-table',
    name,
    hitPolicy,
    inputs,
    outputs,
    annotations,
    rules,
    markdown,
    position,
  };
}
