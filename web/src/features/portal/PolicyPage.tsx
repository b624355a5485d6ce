/** `/policies/:policyId`: one public policy, rendered from the published Markdown that also runs. */
import { Link } from 'wouter';
import { get } from '../../shared/api.ts';
import { Markdown } from '../../shared/Markdown.tsx';
import { portalOrg, useLoad, useTitle } from './data.ts';
import { ErrorNote, LoadingNote } from './PortalLayout.tsx';
import type { PolicyAnswer } from './types.ts';
import { longDate } from './words.ts';

/** Whether the document (after its front matter) opens with its own top-level heading. */
function hasOwnTitle(source: string): boolean {
  return /^#\s/.test(source.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '').trimStart());
}

export function PolicyPage({ policyId }: { policyId: string }) {
  // Links between policies are written as files (`hours.md`); they land here.
  const id = decodeURIComponent(policyId).replace(/\.md$/, '');
  const loaded = useLoad(`policy:${id}`, async () => {
    const org = await portalOrg();
    return get<PolicyAnswer>(
      `/api/public/${encodeURIComponent(org.slug)}/policies/${encodeURIComponent(id)}`,
    );
  });
  const p = loaded.data?.policy;
  useTitle(p ? `${p.title} — ${loaded.data?.org.name}` : 'Policy');
  if (loaded.error)
    return (
      <>
        <h1>Policy not found</h1>
        <ErrorNote
          message={loaded.status === 404 ? 'We have no public policy at this address.' : loaded.error}
        />
        <p>
          <Link href="/">See all our policies</Link>
        </p>
      </>
    );
  if (!p) return <LoadingNote />;
  return (
    <article className="portal-policy" aria-labelledby={hasOwnTitle(p.source) ? undefined : 'policy-title'}>
      <p className="portal-crumbs">
        <Link href="/">Help and policies</Link> › {p.title}
      </p>
      {!hasOwnTitle(p.source) && <h1 id="policy-title">{p.title}</h1>}
      <p className="muted portal-policy-meta">
        Version {p.version} · in force since {longDate(p.effective)}
      </p>
      <Markdown source={p.source} />
    </article>
  );
}
