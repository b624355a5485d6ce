/** Submitting a desk form: busy state, the server's refusal shown in full (message and fields). */
import { useCallback, useState } from 'react';
import { ApiError, type FieldProblem } from '../../shared/api.ts';

export interface Refusal {
  readonly message: string;
  readonly code: string;
  readonly problems: readonly FieldProblem[];
}

export function refusalOf(err: unknown): Refusal {
  if (err instanceof ApiError) return { message: err.message, code: err.code, problems: err.problems };
  return {
    message: 'Could not reach the server. Nothing was saved; try again.',
    code: 'network',
    problems: [],
  };
}

/** Runs a submit; `true` when it went through. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const run = useCallback(async (work: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setRefusal(null);
    try {
      await work();
      return true;
    } catch (err) {
      setRefusal(refusalOf(err));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, refusal, run, clear: () => setRefusal(null) };
}

/** Where a field problem points, in words: `body.facts.Item condition` → `Item condition`. */
function fieldName(path: string): string {
  return path.replace(/^(body|querystring|params|headers)\.(facts\.)?/, '').replace(/^procedure\./, 'Step: ');
}

export function RefusalBox({ refusal, title = 'Not done' }: { refusal: Refusal | null; title?: string }) {
  if (!refusal) return null;
  return (
    <div className="refusal" role="alert">
      <p>
        <strong>{title}:</strong> {refusal.message}
      </p>
      {refusal.problems.length > 0 && (
        <ul>
          {refusal.problems.map((p) => (
            <li key={`${p.path}:${p.message}`}>
              {fieldName(p.path)} — {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
