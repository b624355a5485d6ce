/**
 * The decision panel: choose one of the decisions the charter offers, see the facts gathered from
 * the case, customer, order and your account, give the ones only you can judge (or that are
 * missing), preview what the charter says — outcome, the rule that fires in the policy's own words,
 * what it grants and who must approve — then record it (with an Idempotency-Key).
 */
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { post } from '../../shared/api.ts';
import { dateTime } from '../../shared/format.ts';
import { useMe } from '../../shared/session.tsx';
import { audienceOf, errorText, loadCatalogue, useDirectory, useLoad } from './data.tsx';
import { RefusalBox, useSubmit } from './forms.tsx';
import type { CaseRecord, CatalogueEntry, CatalogueFact, DecisionView, Preview, RuleText } from './types.ts';
import { enumValues, moneyMinor, newKey, policyHref, show, staffName } from './util.ts';

const SOURCE_WORDS: Readonly<Record<CatalogueFact['source'], string>> = {
  case: 'from the case',
  customer: 'from the customer',
  order: 'from the order',
  account: 'from your account',
  agent: 'your judgement',
};

const APPROVER_ROLE_WORDS: Readonly<Record<string, string>> = { manager: 'a manager', admin: 'an admin' };

function typed(fact: CatalogueFact | undefined, raw: string): unknown {
  const type = fact?.type ?? (raw !== '' && !Number.isNaN(Number(raw)) ? 'number' : 'string');
  if (type === 'number') return Number(raw);
  if (type === 'boolean') return raw === 'true';
  return raw;
}

function suppliedFacts(raw: Readonly<Record<string, string>>, facts: readonly CatalogueFact[]) {
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(raw)) {
    if (v.trim() === '') continue;
    out[name] = typed(
      facts.find((f) => f.name === name),
      v.trim(),
    );
  }
  return out;
}

export function RuleWords({ rule }: { rule: RuleText }) {
  const tests = rule.inputs.filter((i) => i.test !== '-' && i.test !== '');
  return (
    <p className="rule-row">
      <span className="muted">Rule {rule.number}: </span>
      when {tests.length === 0 ? 'anything else' : tests.map((t) => `${t.name} ${t.test}`).join(' and ')} →{' '}
      {rule.outputs.map((o) => `${o.name} ${o.value}`).join(', ')}
    </p>
  );
}

function approverWords(approver: string | null, role: string | null): string {
  const who = approver ?? 'someone senior';
  return role ? `${who} (answered by ${APPROVER_ROLE_WORDS[role] ?? role})` : who;
}

export function DecisionPanel({
  kase,
  decisions,
  onChanged,
}: {
  kase: CaseRecord;
  decisions: readonly DecisionView[] | null;
  onChanged: () => Promise<void>;
}) {
  const { me } = useMe();
  const catalogue = useLoad('catalogue', loadCatalogue);
  const entries = catalogue.data?.items ?? [];
  const [chosen, setChosen] = useState('');
  const entry = entries.find((e) => e.decision === chosen) ?? null;
  const [raw, setRaw] = useState<Record<string, string>>({});
  const [overriding, setOverriding] = useState<ReadonlySet<string>>(new Set());
  const [preview, setPreview] = useState<{ key: string; data: Preview | null; error: string | null } | null>(
    null,
  );
  const [key, setKey] = useState(newKey);
  const [recorded, setRecorded] = useState<DecisionView | null>(null);
  const { busy, refusal, run, clear } = useSubmit();
  const canDecide = me.role !== 'auditor';

  const facts = useMemo(() => (entry ? suppliedFacts(raw, entry.facts) : {}), [raw, entry]);
  const previewKey = entry ? JSON.stringify([kase.id, kase.version, entry.decision, facts]) : null;

  useEffect(() => {
    if (!entry || !previewKey || !canDecide) return;
    let live = true;
    const t = setTimeout(async () => {
      try {
        const data = await post<Preview>(`/api/cases/${kase.id}/decisions/preview`, {
          decision: entry.decision,
          facts,
        });
        if (live) setPreview({ key: previewKey, data, error: null });
      } catch (err) {
        if (live) setPreview({ key: previewKey, data: null, error: errorText(err) });
      }
    }, 200);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [previewKey, entry, facts, kase.id, canDecide]);

  const p = preview?.key === previewKey ? preview.data : null;
  const previewError = preview?.key === previewKey ? preview.error : null;
  const needsAmount = p?.grant_problem != null || 'Order amount' in raw;
  const groups = useMemo(() => {
    const byPolicy = new Map<string, CatalogueEntry[]>();
    for (const e of entries) byPolicy.set(e.policy.title, [...(byPolicy.get(e.policy.title) ?? []), e]);
    return [...byPolicy.entries()];
  }, [entries]);

  function choose(name: string) {
    setChosen(name);
    setRaw({});
    setOverriding(new Set());
    setRecorded(null);
    clear();
    setKey(newKey());
  }

  function setFact(name: string, value: string) {
    setRaw((r) => ({ ...r, [name]: value }));
    setRecorded(null);
  }

  async function record(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!entry) return;
    let view: DecisionView | null = null;
    const ok = await run(async () => {
      view = await post<DecisionView>(
        `/api/cases/${kase.id}/decisions`,
        { decision: entry.decision, facts },
        { 'idempotency-key': key },
      );
    });
    if (ok && view) {
      setRecorded(view);
      setKey(newKey());
      await onChanged();
    }
  }

  return (
    <section className="panel decision-panel" aria-labelledby="decision-heading">
      <h2 id="decision-heading">Decision</h2>
      {catalogue.error && (
        <p className="error" role="alert">
          {catalogue.error}
        </p>
      )}
      {!canDecide && <p className="muted">Auditors read decisions; they do not make them.</p>}
      {canDecide && (
        <form onSubmit={record} className="decide-form">
          <label>
            Decision to apply
            <select value={chosen} onChange={(e) => choose(e.target.value)}>
              <option value="">Choose a decision of the charter…</option>
              {groups.map(([title, list]) => (
                <optgroup key={title} label={title}>
                  {list.map((d) => (
                    <option key={d.decision} value={d.decision}>
                      {d.decision}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
          {entry && (
            <>
              <p className="muted">
                From{' '}
                <a href={policyHref(entry.policy.id, entry.section, entry.policy.audience)}>
                  {entry.policy.title} (v{entry.policy.version}) › Decision: {entry.section}
                </a>
                {entry.policy.audience === 'staff' ? ' — a staff policy' : ''}
              </p>
              <table className="fact-table">
                <caption>Facts this decision reads</caption>
                <thead>
                  <tr>
                    <th scope="col">Fact</th>
                    <th scope="col">Value</th>
                    <th scope="col">Source</th>
                  </tr>
                </thead>
                <tbody>
                  {entry.facts.map((f) => (
                    <FactRow
                      key={f.name}
                      fact={f}
                      gathered={p?.gathered.includes(f.name) ? p.facts[f.name] : undefined}
                      raw={raw[f.name]}
                      loading={p === null}
                      overriding={overriding.has(f.name)}
                      onOverride={() => setOverriding((o) => new Set([...o, f.name]))}
                      onChange={(v) => setFact(f.name, v)}
                    />
                  ))}
                  {needsAmount && !entry.facts.some((f) => f.name === 'Order amount') && (
                    <tr>
                      <th scope="row">Order amount</th>
                      <td>
                        <input
                          aria-label="Order amount"
                          type="number"
                          min={0}
                          step="0.01"
                          value={raw['Order amount'] ?? ''}
                          onChange={(e) => setFact('Order amount', e.target.value)}
                        />
                      </td>
                      <td className="muted">missing: the amount to grant against, in pounds</td>
                    </tr>
                  )}
                </tbody>
              </table>
              <PreviewBox entry={entry} preview={p} error={previewError} />
              <RefusalBox refusal={refusal} title="Not recorded" />
              <button type="submit" disabled={busy || !p}>
                Record decision
              </button>
            </>
          )}
        </form>
      )}
      {recorded && (
        <Outcome view={recorded} entry={entries.find((e) => e.decision === recorded.decision.decision)} />
      )}
      <DecisionList decisions={decisions} entries={entries} />
    </section>
  );
}

function FactRow({
  fact,
  gathered,
  raw,
  loading,
  overriding,
  onOverride,
  onChange,
}: {
  fact: CatalogueFact;
  gathered: unknown;
  raw: string | undefined;
  loading: boolean;
  overriding: boolean;
  onOverride: () => void;
  onChange: (v: string) => void;
}) {
  const known = gathered !== undefined && gathered !== null;
  const editable = fact.source === 'agent' || overriding || (!known && !loading && fact.source !== 'account');
  const options = enumValues(fact.values);
  let control = null;
  if (editable) {
    if (fact.type === 'boolean')
      control = (
        <select aria-label={fact.name} value={raw ?? ''} onChange={(e) => onChange(e.target.value)}>
          <option value="">(not given)</option>
          <option value="true">yes</option>
          <option value="false">no</option>
        </select>
      );
    else if (options)
      control = (
        <select aria-label={fact.name} value={raw ?? ''} onChange={(e) => onChange(e.target.value)}>
          <option value="">(not given)</option>
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
    else
      control = (
        <input
          aria-label={fact.name}
          type={fact.type === 'number' ? 'number' : 'text'}
          step={fact.type === 'number' ? 'any' : undefined}
          value={raw ?? (known ? String(gathered) : '')}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
  return (
    <tr>
      <th scope="row" title={fact.description ?? undefined}>
        {fact.name}
      </th>
      <td>
        {control ??
          (loading ? (
            <span className="muted">…</span>
          ) : (
            <>
              {show(gathered)}{' '}
              {fact.source !== 'account' && (
                <button
                  type="button"
                  className="link"
                  onClick={onOverride}
                  aria-label={`Change ${fact.name}`}
                >
                  change
                </button>
              )}
            </>
          ))}
      </td>
      <td className="muted">
        {SOURCE_WORDS[fact.source]}
        {!known && !loading && fact.source !== 'agent' && !raw ? ' — missing' : ''}
      </td>
    </tr>
  );
}

function PreviewBox({
  entry,
  preview,
  error,
}: {
  entry: CatalogueEntry;
  preview: Preview | null;
  error: string | null;
}) {
  if (error)
    return (
      <div className="refusal" role="alert">
        <p>
          <strong>Cannot preview:</strong> {error}
        </p>
      </div>
    );
  if (!preview)
    return (
      <p className="muted" role="status">
        Working out what the charter says…
      </p>
    );
  const a = preview.authority;
  return (
    <div className="preview" aria-live="polite">
      <h3>What the charter says (preview — nothing recorded yet)</h3>
      {preview.missing.length > 0 && (
        <p className="warn-text">
          Still unknown: {preview.missing.join(', ')}. Rules that test them cannot match until they are given.
        </p>
      )}
      <p className="outcome">
        <strong>{entry.decision}:</strong> {show(preview.value)}
      </p>
      {preview.rule !== null ? (
        <>
          {preview.annotations.length > 0 && (
            <blockquote className="policy-words">{preview.annotations.join(' ')}</blockquote>
          )}
          {preview.rule_text && <RuleWords rule={preview.rule_text} />}
        </>
      ) : (
        <p className="muted">No rule matched.</p>
      )}
      {preview.grant && (
        <p>
          Grants <strong>{preview.grant.outcome}</strong> of{' '}
          <strong>{moneyMinor(preview.grant.amount_minor, preview.grant.currency)}</strong> (
          {preview.grant.basis}).
        </p>
      )}
      {preview.grant_problem && (
        <p className="warn-text">{preview.grant_problem}. Give the order amount above.</p>
      )}
      {a && (
        <p className={a.may_grant_alone ? 'ok-text' : 'warn-text'}>
          {a.may_grant_alone
            ? 'You may grant this alone'
            : `Needs approval by a ${approverWords(a.approver, a.approver_role)}`}
          {a.annotations.length > 0 ? ` — “${a.annotations.join(' ')}”` : ''}
          {a.policy ? ` (${a.policy.id} v${a.policy.version}, rule ${a.rule ?? '—'})` : ''}.
        </p>
      )}
    </div>
  );
}

function Outcome({ view, entry }: { view: DecisionView; entry: CatalogueEntry | undefined }) {
  const d = view.decision;
  const x = view.explanation;
  const rule =
    entry && entry.policy.id === x.policy.id && entry.policy.version === x.policy.version && x.rule !== null
      ? entry.rules.find((r) => r.number === x.rule)
      : undefined;
  const pending = d.approval_state === 'pending';
  return (
    <div className="outcome-box" role="status">
      <h3>
        Recorded: {d.decision}{' '}
        {pending ? (
          <span className="badge warn">approval pending</span>
        ) : (
          <span className="badge ok">{d.approval_state === 'none' ? 'decided' : d.approval_state}</span>
        )}
      </h3>
      <p className="outcome">
        {show(d.outputs)}
        {d.amount_minor !== null && <> · {moneyMinor(d.amount_minor, d.currency)}</>}
      </p>
      {x.annotations.length > 0 && (
        <blockquote className="policy-words">{x.annotations.join(' ')}</blockquote>
      )}
      {rule && <RuleWords rule={rule} />}
      <p>
        <a href={policyHref(x.section.policy, x.section.section, entry?.policy.audience)}>
          Read the rule in the policy: {entry?.policy.title ?? x.policy.id} v{x.policy.version} › Decision:{' '}
          {x.section.section}
          {x.rule !== null ? `, rule ${x.rule}` : ''}
        </a>
      </p>
      {pending && x.authority && (
        <p className="warn-text approval-note">
          Waiting for approval by a {approverWords(x.authority.approver, d.approver_role)}
          {x.authority.annotations.length > 0 ? ` — “${x.authority.annotations.join(' ')}”` : ''}. Tell the
          customer a colleague is signing it off.
        </p>
      )}
    </div>
  );
}

function DecisionList({
  decisions,
  entries,
}: {
  decisions: readonly DecisionView[] | null;
  entries: readonly CatalogueEntry[];
}) {
  const directory = useDirectory();
  const { me } = useMe();
  if (!decisions || decisions.length === 0) return null;
  const approver = me.role === 'manager' || me.role === 'admin';
  return (
    <>
      <h3>Decisions on this case</h3>
      <ul className="decision-list">
        {decisions.map((v) => {
          const d = v.decision;
          const entry = entries.find((e) => e.decision === d.decision);
          return (
            <li key={d.id}>
              <strong>{d.decision}</strong>: {show(d.outputs)}
              {d.amount_minor !== null && <> · {moneyMinor(d.amount_minor, d.currency)}</>}{' '}
              {d.approval_state === 'pending' && <span className="badge warn">pending approval</span>}
              {d.approval_state === 'approved' && <span className="badge ok">approved</span>}
              {d.approval_state === 'denied' && <span className="badge bad">denied</span>}
              <span className="muted">
                {' '}
                · {staffName(directory, d.actor_id)}, {dateTime(d.decided_at)}
              </span>
              {v.explanation.annotations.length > 0 && (
                <span className="muted">
                  {' '}
                  · “{v.explanation.annotations.join(' ')}”{' '}
                  <a
                    href={policyHref(
                      v.explanation.section.policy,
                      v.explanation.section.section,
                      audienceOf(entries, v.explanation.section.policy),
                    )}
                  >
                    {entry?.policy.title ?? v.explanation.policy.id}
                    {v.explanation.rule !== null ? `, rule ${v.explanation.rule}` : ''}
                  </a>
                </span>
              )}
              {v.approval?.state === 'pending' && (
                <span className="muted">
                  {' '}
                  · waiting for{' '}
                  {approverWords(v.explanation.authority?.approver ?? null, v.approval.approver_role)}
                  {approver && (
                    <>
                      {' '}
                      — <Link href="/approvals">open the approvals inbox</Link>
                    </>
                  )}
                </span>
              )}
              {v.approval && v.approval.state !== 'pending' && v.approval.reason && (
                <span className="muted">
                  {' '}
                  · {v.approval.state} by {staffName(directory, v.approval.decided_by)}: {v.approval.reason}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
