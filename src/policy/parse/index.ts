/**
 * @module policy/parse
 * Turns a policy document (YAML front matter + Markdown) into the typed model. Markdown is parsed
 * by mdast-util-from-markdown with GFM tables; every problem carries file, line and column.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { problem } from '../messages.ts';
import type { PolicyDocument, PolicyMeta, Problem, Result, Section } from '../model.ts';
import { parseFrontMatter } from './front-matter.ts';
import { parseFacts, parseHours, parseProcedure, parseStandards } from './other-sections.ts';
import { Source } from './source.ts';
import { parseDecision } from './table-decision.ts';

function headingText(source: Source, h: Heading): string {
  return source
    .slice(h)
    .replace(/^#+\s*/, '')
    .replace(/\s*#*\s*$/, '')
    .trim();
}

/**
 * Parses one policy document. Never throws on bad input: problems come back as data.
 * @example
 * const r = parsePolicy(text, 'refunds.md');
 * if (r.ok) console.log(r.value.meta.title);
 */
export function parsePolicy(text: string, file?: string): Result<PolicyDocument> {
  const problems: Problem[] = [];
  const source = new Source(text.replace(/\r\n?/g, '\n'));
  let root: Root;
  try {
    root = fromMarkdown(source.text, {
      extensions: [frontmatter(['yaml']), gfmTable()],
      mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmTableFromMarkdown()],
    });
  } catch (e) {
    // micromark does not throw on any input we know of; keep the promise of "never a crash" anyway.
    return {
      ok: false,
      problems: [
        problem({
          code: 'syntax',
          message: `Unexpected input: ${String(e)}`,
          position: { line: 1, column: 1 },
          file,
        }),
      ],
    };
  }
  const yamlNode = root.children[0]?.type === 'yaml' ? root.children[0] : undefined;
  let meta: PolicyMeta | undefined;
  if (!yamlNode) {
    problems.push(
      problem({
        code: 'front-matter',
        message:
          'Unexpected document without front matter, expected --- policy, title, version, effective, audience ---',
        position: { line: 1, column: 1 },
        file,
      }),
    );
  } else {
    const fm = parseFrontMatter(yamlNode.value, (yamlNode.position?.start.line ?? 1) + 1, file);
    problems.push(...fm.problems);
    meta = fm.meta;
  }

  const body = root.children.filter((n) => n.type !== 'yaml');
  const sections: Section[] = [];
  const ctx = { source, file, problems };
  const bodyStart = body[0]?.position?.start.offset ?? source.text.length;

  // Group nodes under headings: a section runs to the next heading.
  const groups: { heading?: Heading; nodes: RootContent[] }[] = [{ nodes: [] }];
  for (const node of body) {
    if (node.type === 'heading') groups.push({ heading: node, nodes: [] });
    else groups[groups.length - 1]?.nodes.push(node);
  }
  for (const [i, g] of groups.entries()) {
    const next = groups[i + 1]?.heading;
    const start = g.heading?.position?.start.offset ?? g.nodes[0]?.position?.start.offset;
    if (start === undefined) continue;
    const end = next?.position?.start.offset ?? source.text.length;
    const markdown = source.text.slice(start, end).trimEnd();
    if (!g.heading) {
      sections.push({
        kind: 'prose',
        depth: 0,
        markdown,
        position: source.position(g.nodes[0] as RootContent),
      });
      continue;
    }
    const title = headingText(source, g.heading);
    const position = source.position(g.heading);
    const m = /^(Decision|Hours|Procedure)\s*:\s*(.+)$/i.exec(title);
    const kind = m?.[1]?.toLowerCase();
    const name = m?.[2]?.trim() ?? '';
    if (kind === 'decision' && g.heading.depth >= 2) {
      const d = parseDecision(name, position, g.nodes, markdown, ctx);
      if (d) sections.push(d);
    } else if (kind === 'hours') sections.push(parseHours(name, position, g.nodes, markdown, ctx));
    else if (kind === 'procedure') sections.push(parseProcedure(name, position, g.nodes, markdown, ctx));
    else if (/^standards\b/i.test(title))
      sections.push(parseStandards(title, position, g.nodes, markdown, ctx));
    else if (/^facts$/i.test(title)) sections.push(parseFacts(position, g.nodes, markdown, ctx));
    else sections.push({ kind: 'prose', heading: title, depth: g.heading.depth, markdown, position });
  }

  if (!meta) return { ok: false, problems };
  const doc: { -readonly [K in keyof PolicyDocument]: PolicyDocument[K] } = {
    meta,
    sections,
    body: source.text.slice(bodyStart),
    source: source.text,
  };
  if (file !== undefined) doc.file = file;
  const errors = problems.some((p) => p.severity === 'error');
  return errors ? { ok: false, problems } : { ok: true, value: doc, problems };
}
