/**
 * A case is fetched as soon as the agent points at it (hover, focus, press) or picks it with the
 * keyboard, so its page has the answer, or has it on the way, when it opens. An answer is used once,
 * for the first render of the page, and only while fresh; every later load asks the server again.
 */
import { get } from '../../shared/api.ts';
import type { CaseDetail } from './types.ts';

const FRESH_MS = 10_000;
const pending = new Map<string, { at: number; answer: Promise<CaseDetail> }>();

function url(id: string): string {
  return `/api/cases/${encodeURIComponent(id)}`;
}

/** Starts loading a case unless a fresh load is already under way. */
export function prefetchCase(id: string): void {
  const hit = pending.get(id);
  if (hit && Date.now() - hit.at < FRESH_MS) return;
  const answer = get<CaseDetail>(url(id));
  answer.catch(() => pending.delete(id));
  pending.set(id, { at: Date.now(), answer });
  if (pending.size > 20) pending.delete(pending.keys().next().value as string);
}

/** The prefetched answer for a case (once), or a new request. */
export function loadCase(id: string): Promise<CaseDetail> {
  const hit = pending.get(id);
  pending.delete(id);
  if (hit && Date.now() - hit.at < FRESH_MS) return hit.answer;
  return get<CaseDetail>(url(id));
}
