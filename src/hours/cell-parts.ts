/**
 * @module hours/cell-parts
 * Comma-separated lists in cells and field values, keeping where each item starts so a problem can point at it.
 */

/**
 * The comma-separated parts of a text, trimmed, each with the offset of its first character.
 * @example partsOf('Sat, Sun') // [{ part: 'Sat', offset: 0 }, { part: 'Sun', offset: 5 }]
 */
export function partsOf(text: string): { part: string; offset: number }[] {
  const parts: { part: string; offset: number }[] = [];
  let at = 0;
  for (const raw of text.split(',')) {
    parts.push({ part: raw.trim(), offset: at + raw.length - raw.trimStart().length });
    at += raw.length + 1;
  }
  return parts;
}
