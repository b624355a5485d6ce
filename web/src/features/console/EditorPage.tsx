/**
 * The policy editor: the Markdown source in CodeMirror with lint as you type (checked with the other
 * documents in force), a rendered preview, the changes against the version in force (text with + and
 * −, and what they mean for decisions), Save draft (Mod-S) and Publish for managers and admins.
 */
import { diffLines } from 'diff';
import {
  type KeyboardEvent,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Link } from 'wouter';
import { ApiError, api, type FieldProblem, get, post } from '../../shared/api.ts';
import { Markdown } from '../../shared/Markdown.tsx';
import { useMe } from '../../shared/session.tsx';
import { StateBadge } from './badges.tsx';
import { SemanticSummary, TextDiff } from './DiffView.tsx';
import { canWrite, errorText, policyPath, useLoad, useTitle } from './data.ts';
import { SourceEditor, type SourceEditorHandle } from './SourceEditor.tsx';
import type {
  Library,
  LintAnswer,
  LintDiagnostic,
  PolicyDiff,
  PolicySummary,
  SavedVersion,
  TextChange,
  VersionDetail,
} from './types.ts';

interface Start {
  readonly policy: PolicySummary | null;
  /** The version the changes are shown against: in force, else the newest published. */
  readonly base: VersionDetail | null;
  /** The draft being edited, if any. */
  readonly draft: VersionDetail | null;
  readonly text: string;
}

function template(policyId: string, today: string): string {
  const title = policyId.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  return `---\npolicy: ${policyId}\ntitle: ${title}\nversion: 1\neffective: ${today}\naudience: staff\nreview: P12M\n---\n\n# ${title}\n\nWhat this policy promises, in plain words.\n`;
}

async function loadStart(policyId: string): Promise<Start> {
  const lib = await get<Library>('/api/policies');
  const policy = lib.items.find((p) => p.policy_id === policyId) ?? null;
  if (!policy) return { policy: null, base: null, draft: null, text: template(policyId, lib.today) };
  const baseVersion =
    policy.in_force_version ?? policy.versions.find((v) => v.state === 'published')?.version ?? null;
  const at = (v: number) => get<VersionDetail>(`${policyPath(policyId)}/versions/${v}`);
  const [base, draft] = await Promise.all([
    baseVersion === null ? null : at(baseVersion),
    policy.draft_version === null ? null : at(policy.draft_version),
  ]);
  return { policy, base, draft, text: draft?.source ?? base?.source ?? template(policyId, lib.today) };
}

export function EditorPage({ policyId }: { policyId: string }) {
  const start = useLoad(`editor:${policyId}`, () => loadStart(policyId));
  useTitle(`Edit ${start.data?.policy?.title ?? policyId}`);
  if (start.error)
    return (
      <main id="main" className="console">
        <h1>Policy editor</h1>
        <p className="error" role="alert">
          {start.error}
        </p>
      </main>
    );
  if (!start.data)
    return (
      <main id="main" className="console">
        <p className="loading" role="status">
          Loading the editor…
        </p>
      </main>
    );
  return <Editor key={policyId} policyId={policyId} start={start.data} />;
}

type Tab = 'preview' | 'problems' | 'changes';

function Editor({ policyId, start }: { policyId: string; start: Start }) {
  const { me } = useMe();
  const writer = canWrite(me.role);
  const editor = useRef<SourceEditorHandle>(null);
  const [text, setText] = useState(start.text);
  const [saved, setSaved] = useState(start.text);
  const [draft, setDraft] = useState<{ version: number; hash: string } | null>(
    start.draft ? { version: start.draft.version, hash: start.draft.source_hash } : null,
  );
  const [base, setBase] = useState<{ version: number; source: string } | null>(
    start.base ? { version: start.base.version, source: start.base.source } : null,
  );
  const [lint, setLint] = useState<{ answer: LintAnswer | null; failed: string | null; checking: boolean }>({
    answer: null,
    failed: null,
    checking: true,
  });
  const [tab, setTab] = useState<Tab>('preview');
  const [status, setStatus] = useState<string>('');
  const [problems, setProblems] = useState<{ message: string; list: readonly FieldProblem[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const dirty = text !== saved;
  const title = start.policy?.title ?? policyId;

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const lintText = useCallback(
    async (source: string): Promise<readonly LintDiagnostic[]> => {
      setLint((l) => ({ ...l, checking: true }));
      try {
        const answer = await post<LintAnswer>('/api/policies/lint', {
          source: source || ' ',
          file: `${policyId}.md`,
        });
        setLint({ answer, failed: null, checking: false });
        return answer.diagnostics;
      } catch (err) {
        setLint({ answer: null, failed: errorText(err), checking: false });
        return [];
      }
    },
    [policyId],
  );

  const save = useCallback(async (): Promise<SavedVersion | null> => {
    if (!writer) return null;
    const source = editor.current?.text() ?? text;
    setBusy(true);
    setProblems(null);
    setStatus('Saving…');
    try {
      const result = draft
        ? await api<SavedVersion>('PUT', `${policyPath(policyId)}/drafts/${draft.version}`, {
            source,
            base_hash: draft.hash,
          })
        : await post<SavedVersion>(
            `${policyPath(policyId)}/drafts`,
            { source },
            {
              'idempotency-key': crypto.randomUUID(),
            },
          );
      setDraft({ version: result.version, hash: result.source_hash });
      // The server sets the front matter's version to the draft's number.
      editor.current?.replace(result.source);
      setText(result.source);
      setSaved(result.source);
      setStatus(`Draft version ${result.version} saved.`);
      return result;
    } catch (err) {
      setStatus('');
      setProblems({
        message: err instanceof ApiError ? err.message : errorText(err),
        list: err instanceof ApiError ? err.problems : [],
      });
      return null;
    } finally {
      setBusy(false);
    }
  }, [writer, draft, policyId, text]);

  const saveRef = useRef(save);
  saveRef.current = save;
  const onSave = useCallback(() => void saveRef.current(), []);

  async function publish() {
    let version = draft?.version ?? null;
    if (dirty || version === null) {
      const r = await save();
      if (!r) return;
      version = r.version;
    }
    setBusy(true);
    setProblems(null);
    setStatus('Publishing…');
    try {
      const r = await post<SavedVersion & { retired: number[] }>(
        `${policyPath(policyId)}/versions/${version}/publish`,
        {},
      );
      setDraft(null);
      setBase({ version: r.version, source: r.source });
      setSaved(r.source);
      setStatus(
        `Version ${r.version} published, in force from ${r.effective}.${r.retired.length ? ` Retired: ${r.retired.map((v) => `v${v}`).join(', ')}.` : ''} Saving again starts a new draft.`,
      );
    } catch (err) {
      setStatus('');
      setProblems({
        message: err instanceof ApiError ? err.message : errorText(err),
        list: err instanceof ApiError ? err.problems : [],
      });
    } finally {
      setBusy(false);
    }
  }

  const answer = lint.answer;
  const errors = answer?.errors ?? 0;
  const warnings = answer?.warnings ?? 0;
  const all = answer ? [...answer.diagnostics, ...answer.elsewhere] : [];

  return (
    <main id="main" className="console editor-page">
      <p className="crumbs">
        <Link href="/">Library</Link> ›{' '}
        {start.policy ? <Link href={`/policies/${encodeURIComponent(policyId)}`}>{title}</Link> : policyId} ›
        Editor
      </p>
      <h1>
        {title}{' '}
        {draft ? (
          <StateBadge state="draft" label={`draft v${draft.version}`} />
        ) : (
          <span className="badge neutral">
            {start.policy ? 'new draft from the version in force' : 'new policy'}
          </span>
        )}
      </h1>
      {!writer && (
        <p className="note-box">
          You can read and check this text; only managers and admins save drafts and publish.
        </p>
      )}
      <div className="toolbar">
        {writer && (
          <>
            <button type="button" onClick={onSave} disabled={busy} aria-keyshortcuts="Control+S Meta+S">
              Save draft
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => void publish()}
              disabled={busy || errors > 0 || lint.checking}
              aria-describedby="publish-hint"
            >
              Publish
            </button>
            <span id="publish-hint" className="muted small">
              {errors > 0
                ? 'Publishing needs a text without lint errors.'
                : 'Publishing makes the draft the version in force from its effective date.'}
            </span>
          </>
        )}
        <span className="spacer" />
        <span className="lint-count" aria-live="polite">
          {lint.checking ? (
            'Checking…'
          ) : lint.failed ? (
            <span className="error">Lint unavailable: {lint.failed}</span>
          ) : (
            <>
              <span className={`badge ${errors ? 'bad' : 'ok'}`}>
                {errors} error{errors === 1 ? '' : 's'}
              </span>{' '}
              <span className={`badge ${warnings ? 'warn' : 'neutral'}`}>
                {warnings} warning{warnings === 1 ? '' : 's'}
              </span>
            </>
          )}
        </span>
        {dirty && <span className="badge paused">unsaved changes</span>}
      </div>
      <p className="muted small">
        {writer ? (
          <>
            <kbd>Ctrl</kbd>+<kbd>S</kbd> saves the draft. <kbd>F8</kbd> jumps to the next problem;{' '}
            <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>M</kbd> lists them in the editor. Tab leaves the editor.
          </>
        ) : (
          <>
            <kbd>F8</kbd> jumps to the next problem. Tab leaves the editor.
          </>
        )}
      </p>
      <div role="status" className="save-status">
        {status}
      </div>
      {problems && (
        <div className="error-box" role="alert">
          <p>{problems.message}</p>
          {problems.list.length > 0 && (
            <ul>
              {problems.list.map((p) => (
                <li key={`${p.path}:${p.message}`}>{p.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="editor-grid">
        <section className="editor-pane" aria-label="Source">
          <SourceEditor
            handle={editor}
            initial={start.text}
            readOnly={!writer}
            label={`Policy source of ${title} (Markdown)`}
            onChange={setText}
            onSave={onSave}
            lint={lintText}
          />
        </section>
        <section className="side-pane" aria-label="Preview, problems and changes">
          <Tabs tab={tab} onTab={setTab} problems={all.length} />
          <div
            className="tab-panel"
            role="tabpanel"
            id={`panel-${tab}`}
            aria-labelledby={`tab-${tab}`}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: the panel scrolls and must be reachable by keyboard
            tabIndex={0}
          >
            {tab === 'preview' && <Preview text={text} />}
            {tab === 'problems' && (
              <ProblemList answer={answer} onGo={(d) => editor.current?.goTo(d.line, d.column)} />
            )}
            {tab === 'changes' && <Changes policyId={policyId} base={base} text={text} />}
          </div>
        </section>
      </div>
    </main>
  );
}

const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'preview', label: 'Preview' },
  { id: 'problems', label: 'Problems' },
  { id: 'changes', label: 'Changes' },
];

function Tabs({ tab, onTab, problems }: { tab: Tab; onTab: (t: Tab) => void; problems: number }) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  function key(e: KeyboardEvent, i: number) {
    const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!d) return;
    e.preventDefault();
    const next = TABS[(i + d + TABS.length) % TABS.length];
    if (!next) return;
    onTab(next.id);
    refs.current[next.id]?.focus();
  }
  return (
    <div className="tabs" role="tablist" aria-label="Views of the text">
      {TABS.map((t, i) => (
        <button
          key={t.id}
          ref={(el) => {
            refs.current[t.id] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${t.id}`}
          aria-selected={tab === t.id}
          aria-controls={`panel-${t.id}`}
          tabIndex={tab === t.id ? 0 : -1}
          className={tab === t.id ? 'tab active' : 'tab'}
          onClick={() => onTab(t.id)}
          onKeyDown={(e) => key(e, i)}
        >
          {t.label}
          {t.id === 'problems' && ` (${problems})`}
        </button>
      ))}
    </div>
  );
}

function Preview({ text }: { text: string }) {
  const deferred = useDeferredValue(text);
  return (
    <div className="preview">
      <Markdown source={deferred} />
    </div>
  );
}

function ProblemList({ answer, onGo }: { answer: LintAnswer | null; onGo: (d: LintDiagnostic) => void }) {
  if (!answer) return <p className="muted">Checking…</p>;
  const none = answer.diagnostics.length === 0 && answer.elsewhere.length === 0;
  return (
    <div className="problems">
      {none && <p>No problems: the text lints clean with the other documents in force.</p>}
      {answer.diagnostics.length > 0 && (
        <ul className="problem-list">
          {answer.diagnostics.map((d) => (
            <li key={`${d.line}:${d.column}:${d.rule}:${d.message}`} className={`problem ${d.severity}`}>
              <button type="button" className="link" onClick={() => onGo(d)}>
                Line {d.line}, column {d.column}
              </button>{' '}
              <span
                className={`badge ${d.severity === 'error' ? 'bad' : d.severity === 'warning' ? 'warn' : 'neutral'}`}
              >
                {d.severity}
              </span>{' '}
              {d.message} <span className="muted">({d.rule})</span>
            </li>
          ))}
        </ul>
      )}
      {answer.elsewhere.length > 0 && (
        <>
          <h3>Problems this text causes in other documents</h3>
          <ul className="problem-list">
            {answer.elsewhere.map((d) => (
              <li key={`${d.file}:${d.line}:${d.column}:${d.rule}`} className={`problem ${d.severity}`}>
                {d.file}, line {d.line}: {d.message} <span className="muted">({d.rule})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {answer.checked_with.length > 0 && (
        <p className="muted small">Checked with: {answer.checked_with.join(', ')}.</p>
      )}
    </div>
  );
}

function Changes({
  policyId,
  base,
  text,
}: {
  policyId: string;
  base: { version: number; source: string } | null;
  text: string;
}) {
  const deferred = useDeferredValue(text);
  const changes = useMemo<TextChange[]>(
    () =>
      diffLines((base?.source ?? '').replace(/\r\n?/g, '\n'), deferred.replace(/\r\n?/g, '\n')).map((c) => ({
        kind: c.added ? 'added' : c.removed ? 'removed' : 'unchanged',
        lines: c.value.replace(/\n$/, '').split('\n'),
      })),
    [base, deferred],
  );
  const [semantic, setSemantic] = useState<PolicyDiff['semantic'] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    setSemantic(null);
    const t = window.setTimeout(() => {
      post<PolicyDiff>(`${policyPath(policyId)}/diff`, {
        source: deferred || ' ',
        ...(base ? { from: base.version } : {}),
      })
        .then((d) => {
          setSemantic(d.semantic);
          setFailed(null);
        })
        .catch((err: unknown) => setFailed(errorText(err)));
    }, 700);
    return () => window.clearTimeout(t);
  }, [policyId, base, deferred]);
  return (
    <div className="changes">
      <h3>{base ? `Against version ${base.version}` : 'A new policy: everything is added'}</h3>
      <h4>What it means</h4>
      {failed ? <p className="error">{failed}</p> : <SemanticSummary semantic={semantic} />}
      <h4>The text</h4>
      <TextDiff
        changes={changes}
        label={base ? `Text changes against version ${base.version}` : 'Text of the new policy'}
      />
    </div>
  );
}
