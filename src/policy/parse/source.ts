/**
 * @module policy/parse/source
 * Reading the raw source behind mdast nodes: cells and lines keep the author's exact text and a
 * 1-based position, so FEEL errors point at the right column.
 */
import type { Node, Table } from 'mdast';
import type { Cell, Position } from '../model.ts';

export class Source {
  constructor(readonly text: string) {}

  /** The exact source of a node. */
  slice(node: Node): string {
    const s = node.position?.start.offset ?? 0;
    const e = node.position?.end.offset ?? s;
    return this.text.slice(s, e);
  }

  position(node: Node): Position {
    return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
  }

  /** A cell's text, trimmed, with `\|` unescaped, positioned at its first character. */
  cell(node: Node): Cell {
    let raw = this.slice(node);
    let skip = 0;
    // GFM cell positions include the delimiting pipes; keep only the content.
    if (raw.startsWith('|')) {
      raw = raw.slice(1);
      skip = 1;
    }
    if (raw.endsWith('|') && !raw.endsWith('\\|')) raw = raw.slice(0, -1);
    const lead = skip + raw.length - raw.trimStart().length;
    const start = this.position(node);
    const text = raw.trim().replace(/\\\|/g, '|');
    return { text, position: { line: start.line, column: start.column + lead } };
  }

  /** A table as rows of cells; the first row is the header. */
  table(node: Table): Cell[][] {
    return node.children.map((row) => row.children.map((c) => this.cell(c)));
  }

  /** The lines of a node's source, each with its position. */
  lines(node: Node): { text: string; position: Position }[] {
    const start = this.position(node);
    return this.slice(node)
      .split('\n')
      .map((text, i) => {
        const lead = text.length - text.trimStart().length;
        return {
          text: text.trim(),
          position: { line: start.line + i, column: (i === 0 ? start.column : 1) + lead },
        };
      });
  }
}

/** Moves a position right by `offset` characters on the same line (cells are one line). */
export function shift(p: Position, offset: number): Position {
  return { line: p.line, column: p.column + offset };
}

/** Splits `Name: values` at the first colon outside quotes; null when there is none. */
export function splitAtColon(text: string): [string, string] | null {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' && text[i - 1] !== '\\') quoted = !quoted;
    if (ch === ':' && !quoted) return [text.slice(0, i), text.slice(i + 1)];
  }
  return null;
}
