/**
 * @module server/routes/portal/public-views
 * Portal records as the public API shows them: ISO instants, snake_case.
 */
import type { PortalOrg, PromisedDeadline } from '../../../portal/index.ts';

export const iso = (ms: number) => new Date(ms).toISOString();

export function publicOrgView(org: Pick<PortalOrg, 'slug' | 'name' | 'timeZone'>) {
  return { slug: org.slug, name: org.name, time_zone: org.timeZone };
}

export function deadlineView(d: PromisedDeadline) {
  return {
    metric: d.metric,
    due_at: iso(d.dueAt),
    duration: d.duration,
    calendar: d.calendar,
    paused: d.paused,
  };
}
