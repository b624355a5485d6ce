/**
 * Policy Markdown as React elements: GFM tables, no raw HTML (react-markdown drops it and
 * rehype-sanitize strips anything unsafe that remains, e.g. javascript: links), so what the
 * manager wrote is shown as text and never runs.
 */
import ReactMarkdown from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';

/** Drops a leading YAML front matter block: its fields are shown by the page, not as text. */
function withoutFrontMatter(source: string): string {
  return source.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
}

export function Markdown({ source, className = 'policy-text' }: { source: string; className?: string }) {
  return (
    <div className={className}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} skipHtml>
        {withoutFrontMatter(source)}
      </ReactMarkdown>
    </div>
  );
}
