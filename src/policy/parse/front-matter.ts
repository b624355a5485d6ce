/**
 * @module policy/parse/front-matter
 * Reads and validates the YAML front matter (yaml for parsing with positions, zod for the shape).
 */
import { isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { parseDate, parseDuration } from '../feel/values.ts';
import { problem } from '../messages.ts';
import type { PolicyMeta, Position, Problem } from '../model.ts';

const isoDate = z.string().refine((s) => parseDate(s) !== null, 'expected a date YYYY-MM-DD');

const schema = z.object({
  policy: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a kebab-case id such as refunds'),
  title: z.string().min(1),
  version: z.number().int().positive(),
  effective: isoDate,
  audience: z.enum(['public', 'staff']),
  owner: z.string().min(1).optional(),
  review: z
    .string()
    .refine((s) => parseDuration(s) !== null, 'expected an ISO 8601 duration such as P6M')
    .optional(),
  decisions: z.array(z.string().min(1)).optional(),
});

/**
 * Validates front matter text that starts on `firstLine` of the document.
 * @example parseFrontMatter('policy: refunds\n…', 2, 'refunds.md')
 */
export function parseFrontMatter(
  yamlText: string,
  firstLine: number,
  file: string | undefined,
): { meta?: PolicyMeta; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, schema: 'core', prettyErrors: false });
  const at = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: firstLine + p.line - 1, column: p.col };
  };
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) =>
        problem({
          code: 'front-matter',
          message: `Unexpected YAML: ${e.message.split('\n')[0]}`,
          position: at(e.pos[0]),
          file,
        }),
      ),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (e) {
    // yaml refuses alias bombs ("billion laughs") with an exception: report it, as any YAML error.
    const message = e instanceof Error ? e.message : String(e);
    return {
      problems: [
        problem({ code: 'front-matter', message: `Unexpected YAML: ${message}`, position: at(0), file }),
      ],
    };
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) {
    const v = parsed.data;
    const meta: { -readonly [K in keyof PolicyMeta]: PolicyMeta[K] } = {
      policy: v.policy,
      title: v.title,
      version: v.version,
      effective: v.effective,
      audience: v.audience,
    };
    if (v.owner !== undefined) meta.owner = v.owner;
    if (v.review !== undefined) meta.review = v.review;
    if (v.decisions !== undefined) meta.decisions = v.decisions;
    return { meta, problems: [] };
  }
  return {
    problems: parsed.error.issues.map((issue) => {
      const node = issue.path.length ? doc.getIn(issue.path as (string | number)[], true) : null;
      const pair = issue.path.length ? null : null;
      const position = isNode(node) && node.range ? at(node.range[0]) : at(pair ?? 0);
      const field = issue.path.join('.') || 'front matter';
      const detail =
        issue.code === 'invalid_type' && issue.input === undefined
          ? `missing ${field}`
          : `${field}: ${issue.message.replace(/^Invalid input: /, '')}`;
      return problem({ code: 'front-matter', message: `Unexpected ${detail}`, position, file });
    }),
  };
}
