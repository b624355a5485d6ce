/**
 * A policy change shown two ways: what it means (decisions and rules changed, and example inputs
 * whose outcome changes) and the text, line by line with + and −, unchanged runs folded.
 */
import type { DecisionDiff, PolicyDiff, TextChange } from './types.ts';

const CONTEXT = 2;

type Row = { kind: 'added' | 'removed' | 'unchanged'; text: string } | { kind: 'fold'; count: number };

function rows(changes: readonly TextChange[]): Row[] {
  const out: Row[] = [];
  changes.forEach((c, i) => {
    if (c.kind !== 'unchanged') {
      for (const text of c.lines) out.push({ kind: c.kind, text });
      return;
    }
    const first = i === 0;
    const last = i === changes.length - 1;
    const head = first ? 0 : CONTEXT;
    const tail = last ? 0 : CONTEXT;
    if (c.lines.length <= head + tail + 1) {
      for (const text of c.lines) out.push({ kind: 'unchanged', text });
      return;
    }
    for (const text of c.lines.slice(0, head)) out.push({ kind: 'unchanged', text });
    out.push({ kind: 'fold', count: c.lines.length - head - tail });
    for (const text of c.lines.slice(c.lines.length - tail)) out.push({ kind: 'unchanged', text });
  });
  return out;
}

const show = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

function DecisionChange({ d }: { d: DecisionDiff }) {
  return (
    <li>
      <strong>{d.decision}</strong>: {d.status}
      {d.hit_policy && (
        <>
          {' '}
          (hit policy {d.hit_policy.before} → {d.hit_policy.after})
        </>
      )}
      {d.rules.length > 0 && (
        <ul>
          {d.rules.map((r) => (
            <li key={`${r.kind}-${r.before ?? ''}-${r.after ?? ''}`}>
              {r.kind === 'added' &&
                `Rule ${r.after} added: when ${r.conditions.join(' | ')} → ${r.outputs_after?.join(', ')}`}
              {r.kind === 'removed' &&
                `Rule ${r.before} removed: when ${r.conditions.join(' | ')} → ${r.outputs_before?.join(', ')}`}
              {r.kind === 'changed' &&
                `Rule ${r.before}${r.after !== r.before ? ` (now ${r.after})` : ''} changed: ${r.outputs_before?.join(', ')} → ${r.outputs_after?.join(', ')}`}
            </li>
          ))}
        </ul>
      )}
      {d.outcomes.length > 0 && (
        <p className="small">
          {d.outcomes.length === 20 ? 'At least 20' : d.outcomes.length} of {d.compared} example inputs decide
          differently, e.g.{' '}
          {Object.entries(d.outcomes[0]?.facts ?? {})
            .map(([k, v]) => `${k} = ${show(v)}`)
            .join(', ')}
          : {show(d.outcomes[0]?.before)} → {show(d.outcomes[0]?.after)}.
        </p>
      )}
    </li>
  );
}

export function SemanticSummary({ semantic }: { semantic: PolicyDiff['semantic'] | null }) {
  if (semantic === null) return <p className="muted">Working out what the change means…</p>;
  if (semantic.problems.length > 0)
    return (
      <div>
        <p>The meaning cannot be compared until the text compiles:</p>
        <ul className="small">
          {semantic.problems.slice(0, 5).map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </div>
    );
  if (semantic.decisions.length === 0) return <p>No decision changes: every input is decided as before.</p>;
  return (
    <ul className="semantic">
      {semantic.decisions.map((d) => (
        <DecisionChange key={d.decision} d={d} />
      ))}
    </ul>
  );
}

export function TextDiff({ changes, label }: { changes: readonly TextChange[]; label: string }) {
  const added = changes.filter((c) => c.kind === 'added').reduce((n, c) => n + c.lines.length, 0);
  const removed = changes.filter((c) => c.kind === 'removed').reduce((n, c) => n + c.lines.length, 0);
  const list = rows(changes);
  return (
    <div className="text-diff">
      <p className="diff-count">
        <span className="added-count">+{added}</span> <span className="removed-count">−{removed}</span> lines
      </p>
      {added + removed === 0 ? (
        <p>The text is the same.</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <section className="diff-lines" aria-label={label} tabIndex={0}>
          {list.map((r, i) =>
            r.kind === 'fold' ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place
              <div key={i} className="diff-line fold">
                … {r.count} unchanged lines …
              </div>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place
              <div key={i} className={`diff-line ${r.kind}`}>
                <span className="sign" aria-hidden="true">
                  {r.kind === 'added' ? '+' : r.kind === 'removed' ? '−' : ' '}
                </span>
                {r.kind !== 'unchanged' && <span className="visually-hidden">{r.kind}: </span>}
                <span className="code">{r.text || ' '}</span>
              </div>
            ),
          )}
        </section>
      )}
    </div>
  );
}
