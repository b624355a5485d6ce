/** Small badges shared by the console's pages. */
import type { VersionState } from './types.ts';

export function StateBadge({
  state,
  inForce,
  label,
}: {
  state: VersionState;
  inForce?: boolean;
  label?: string;
}) {
  const cls = state === 'draft' ? 'paused' : state === 'retired' ? 'neutral' : inForce ? 'ok' : 'neutral';
  const text = label ?? (state === 'published' && inForce ? 'in force' : state);
  return <span className={`badge ${cls}`}>{text}</span>;
}

export function ReviewBadge({ due, overdue }: { due: string | null; overdue: boolean }) {
  if (due === null) return <span className="muted">no review set</span>;
  return overdue ? (
    <>
      {due} <span className="badge bad">review overdue</span>
    </>
  ) : (
    due
  );
}
