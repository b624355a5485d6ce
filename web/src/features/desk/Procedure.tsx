/**
 * The procedure checklist: the charter's steps for this kind of case in order, each with its
 * guidance; a step is ticked with the evidence that it was done. Required steps hold up resolving.
 */
import { type FormEvent, useState } from 'react';
import { post } from '../../shared/api.ts';
import { dateTime } from '../../shared/format.ts';
import { RefusalBox, useSubmit } from './forms.tsx';
import type { Directory, Step } from './types.ts';
import { staffName } from './util.ts';

export function Procedure({
  caseId,
  steps,
  blocking,
  directory,
  onChanged,
}: {
  caseId: string;
  steps: readonly Step[];
  blocking: readonly string[];
  directory: Directory | null;
  onChanged: () => Promise<void>;
}) {
  const procedure = steps[0]?.procedure;
  const done = steps.filter((s) => s.done_at !== null).length;
  return (
    <section className="panel procedure" aria-labelledby="procedure-heading">
      <h2 id="procedure-heading">Procedure</h2>
      {steps.length === 0 ? (
        <p className="muted">The charter sets no procedure for this kind of case.</p>
      ) : (
        <>
          <p className="muted">
            {procedure} · {done} of {steps.length} done
          </p>
          <ol className="steps">
            {steps.map((s) => (
              <StepItem
                key={`${s.procedure}/${s.step}`}
                caseId={caseId}
                step={s}
                blocks={blocking.includes(s.step)}
                directory={directory}
                onChanged={onChanged}
              />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function StepItem({
  caseId,
  step,
  blocks,
  directory,
  onChanged,
}: {
  caseId: string;
  step: Step;
  blocks: boolean;
  directory: Directory | null;
  onChanged: () => Promise<void>;
}) {
  const { busy, refusal, run } = useSubmit();
  const [evidence, setEvidence] = useState('');
  const id = `step-${step.step.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const ok = await run(() =>
      post(`/api/cases/${caseId}/procedure/${encodeURIComponent(step.step)}`, { evidence: evidence.trim() }),
    );
    if (ok) {
      setEvidence('');
      await onChanged();
    }
  }
  const isDone = step.done_at !== null;
  return (
    <li className={`step ${isDone ? 'done' : ''} ${blocks ? 'blocks' : ''}`} data-step={step.step}>
      <p className="step-head">
        <span aria-hidden="true" className="tick">
          {isDone ? '✓' : '○'}
        </span>{' '}
        <strong id={`${id}-name`}>{step.step}</strong>{' '}
        {step.required ? (
          <span className="badge warn">required</span>
        ) : (
          <span className="badge neutral">optional</span>
        )}{' '}
        {isDone ? <span className="badge ok">done</span> : <span className="visually-hidden">not done</span>}
        {blocks && !isDone && <span className="badge bad">holds up resolving</span>}
      </p>
      {step.guidance && <p className="guidance">{step.guidance}</p>}
      {isDone ? (
        <p className="muted evidence">
          Done {dateTime(step.done_at)} by {staffName(directory, step.done_by)}:{' '}
          <span className="body">{step.evidence}</span>
        </p>
      ) : (
        <form className="inline tick-form" onSubmit={submit}>
          <label>
            <span>
              Evidence<span className="visually-hidden"> for {step.step}</span>
            </span>
            <input
              value={evidence}
              onChange={(e) => setEvidence(e.target.value)}
              required
              maxLength={2000}
              placeholder="What shows it was done"
            />
          </label>
          <button type="submit" disabled={busy}>
            Tick<span className="visually-hidden"> {step.step}</span>
          </button>
        </form>
      )}
      <RefusalBox refusal={refusal} title="Not ticked" />
    </li>
  );
}
