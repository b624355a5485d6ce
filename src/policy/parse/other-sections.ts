/**
 * @module policy/parse/other-sections
 * Hours, procedure, standards and facts sections: tables and lists turned into plain data.
 */
import type { List, Paragraph, RootContent, Table } from 'mdast';
import { problem } from '../messages.ts';
import type {
  FactDefinition,
  FactsSection,
  FactType,
  HoursField,
  HoursRow,
  HoursSection,
  Position,
  Problem,
  ProcedureSection,
  ProcedureStep,
  Standard,
  StandardsSection,
} from '../model.ts';
import type { Source } from './source.ts';

interface Ctx {
  readonly source: Source;
  readonly file: string | undefined;
  readonly problems: Problem[];
}

function firstTable(nodes: readonly RootContent[]): Table | undefined {
  return nodes.find((n): n is Table => n.type === 'table');
}

function missingTable(ctx: Ctx, what: string, position: Position): void {
  ctx.problems.push(
    problem({
      code: 'syntax',
      message: `Unexpected ${what} without a table, expected one`,
      position,
      file: ctx.file,
    }),
  );
}

/** `Hours: <name>`: `Key: value` lines and a Day | Open table, kept as written for `hours/`. */
export function parseHours(
  name: string,
  position: Position,
  nodes: readonly RootContent[],
  markdown: string,
  ctx: Ctx,
): HoursSection {
  const fields: HoursField[] = [];
  for (const node of nodes) {
    if (node.type !== 'paragraph') continue;
    for (const line of ctx.source.lines(node as Paragraph)) {
      const m = /^([A-Za-z][A-Za-z ]*?)\s*:\s*(.*)$/.exec(line.text);
      if (!m) continue;
      const key = (m[1] ?? '').trim();
      const value = (m[2] ?? '').trim();
      // The regex has eaten the spaces after the colon: the value starts where its text starts.
      const valueColumn = line.text.length - (m[2] ?? '').length;
      fields.push({
        key,
        value,
        position: { line: line.position.line, column: line.position.column + valueColumn },
      });
    }
  }
  const rows: HoursRow[] = [];
  const table = firstTable(nodes);
  if (!table) missingTable(ctx, `hours "${name}"`, position);
  else {
    for (const cells of ctx.source.table(table).slice(1)) {
      const [day, open] = cells;
      if (!day || !open) continue;
      rows.push({ day: day.text, open: open.text, dayPosition: day.position, openPosition: open.position });
    }
  }
  return { kind: 'hours', name, fields, rows, markdown, position };
}

/** `Procedure: <name>`: an ordered list of `**Step** — guidance *(required)*`. */
export function parseProcedure(
  name: string,
  position: Position,
  nodes: readonly RootContent[],
  markdown: string,
  ctx: Ctx,
): ProcedureSection {
  const list = nodes.find((n): n is List => n.type === 'list');
  const steps: ProcedureStep[] = [];
  if (!list) {
    ctx.problems.push(
      problem({
        code: 'syntax',
        message: `Unexpected procedure "${name}" without a list, expected numbered steps`,
        position,
        file: ctx.file,
      }),
    );
  } else {
    list.children.forEach((item, i) => {
      const first = item.children[0];
      const text = first ? ctx.source.slice(first).replace(/\s+/g, ' ').trim() : '';
      const at = first ? ctx.source.position(first) : ctx.source.position(item);
      const m = /^\*\*(.+?)\*\*\s*(?:[—–:-]+\s*)?(.*)$/.exec(text);
      if (!m) {
        ctx.problems.push(
          problem({
            code: 'syntax',
            message: `Unexpected step "${text.slice(0, 30)}", expected **Step name** — guidance`,
            position: at,
            file: ctx.file,
          }),
        );
        return;
      }
      let guidance = (m[2] ?? '').trim();
      const required = /[*_]?\(required\)[*_]?/i.test(guidance);
      guidance = guidance.replace(/\s*[*_]?\(required\)[*_]?\s*/i, ' ').trim();
      steps.push({ number: i + 1, name: (m[1] ?? '').trim(), guidance, required, position: at });
    });
  }
  return { kind: 'procedure', name, steps, markdown, position };
}

const TARGET = /^(>=|<=|≥|≤|>|<|=)\s*(-?\d+(?:\.\d+)?)\s*(%)?$/;

/** `Standards`: a Measure | Target | Notes table. */
export function parseStandards(
  name: string,
  position: Position,
  nodes: readonly RootContent[],
  markdown: string,
  ctx: Ctx,
): StandardsSection {
  const table = firstTable(nodes);
  const standards: Standard[] = [];
  if (!table) missingTable(ctx, 'standards', position);
  else {
    for (const cells of ctx.source.table(table).slice(1)) {
      const [measure, target, notes] = cells;
      if (!measure || !target) continue;
      const m = TARGET.exec(target.text);
      if (!m) {
        ctx.problems.push(
          problem({
            code: 'syntax',
            message: `Unexpected target "${target.text}", expected a comparison and a number such as >= 95%`,
            position: target.position,
            file: ctx.file,
          }),
        );
        continue;
      }
      const opText = m[1] ?? '=';
      const operator = (opText === '≥' ? '>=' : opText === '≤' ? '<=' : opText) as Standard['operator'];
      const s: { -readonly [K in keyof Standard]: Standard[K] } = {
        measure: measure.text,
        target: target.text,
        operator,
        value: Number(m[2]),
        position: measure.position,
      };
      if (m[3]) s.unit = '%';
      if (notes?.text) s.notes = notes.text;
      standards.push(s);
    }
  }
  return { kind: 'standards', name, standards, markdown, position };
}

const FACT_TYPES: readonly FactType[] = [
  'number',
  'string',
  'boolean',
  'date',
  'date and time',
  'duration',
  'any',
];

/** `Facts`: a Fact | Type | Values | Description table. */
export function parseFacts(
  position: Position,
  nodes: readonly RootContent[],
  markdown: string,
  ctx: Ctx,
): FactsSection {
  const table = firstTable(nodes);
  const facts: FactDefinition[] = [];
  if (!table) missingTable(ctx, 'facts', position);
  else {
    for (const cells of ctx.source.table(table).slice(1)) {
      const [name, type, values, description] = cells;
      if (!name || !type) continue;
      const t = type.text.toLowerCase().replace(/\s+/g, ' ') as FactType;
      if (!FACT_TYPES.includes(t)) {
        ctx.problems.push(
          problem({
            code: 'syntax',
            message: `Unexpected type "${type.text}", expected one of ${FACT_TYPES.join(', ')}`,
            position: type.position,
            file: ctx.file,
          }),
        );
        continue;
      }
      const f: { -readonly [K in keyof FactDefinition]: FactDefinition[K] } = {
        name: name.text,
        type: t,
        position: name.position,
      };
      if (values?.text) f.allowed = values;
      if (description?.text) f.description = description.text;
      facts.push(f);
    }
  }
  return { kind: 'facts', facts, markdown, position };
}
