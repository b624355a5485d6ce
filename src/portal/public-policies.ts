/**
 * @module portal/public-policies
 * The policies customers read: the published versions in force today (the organisation's calendar
 * day) whose audience is `public` — the very documents the desk's decisions and SLA clocks run on.
 */
import type { Kysely } from 'kysely';
import { charterInForce } from '../charter/index.ts';
import { localDate } from '../hours/index.ts';
import type { Charter, PolicyDocument } from '../policy/index.ts';
import { AppError } from '../server/errors.ts';
import type { Database } from '../store/schema.ts';
import type { PortalOrg } from './portal-org.ts';

export interface PublicPolicy {
  readonly policy: string;
  readonly title: string;
  readonly version: number;
  /** `YYYY-MM-DD`, in the organisation's time zone. */
  readonly effective: string;
  /** The document exactly as published (front matter included). */
  readonly source: string;
}

function publicPolicy(doc: PolicyDocument): PublicPolicy {
  return {
    policy: doc.meta.policy,
    title: doc.meta.title,
    version: doc.meta.version,
    effective: doc.meta.effective,
    source: doc.source,
  };
}

/** The charter in force for the organisation on its local date at `now`. */
export async function charterToday(db: Kysely<Database>, org: PortalOrg, now: number): Promise<Charter> {
  return (await charterInForce(db, org.orgId, localDate(now, org.timeZone))).charter;
}

/** The public documents of a charter, in title order. */
export function publicDocuments(charter: Charter): PolicyDocument[] {
  return charter.documents
    .filter((d) => d.meta.audience === 'public')
    .sort((a, b) => a.meta.title.localeCompare(b.meta.title, 'en'));
}

/**
 * @example (await listPublicPolicies(db, org, Date.now())).map((p) => p.policy) // ['hours', 'refunds', …]
 */
export async function listPublicPolicies(
  db: Kysely<Database>,
  org: PortalOrg,
  now: number,
): Promise<PublicPolicy[]> {
  return publicDocuments(await charterToday(db, org, now)).map(publicPolicy);
}

/**
 * One public policy in force; staff-only and unpublished policies are not found.
 * @throws AppError `not-found`
 */
export async function getPublicPolicy(
  db: Kysely<Database>,
  org: PortalOrg,
  policyId: string,
  now: number,
): Promise<PublicPolicy> {
  const doc = publicDocuments(await charterToday(db, org, now)).find((d) => d.meta.policy === policyId);
  if (!doc)
    throw new AppError('not-found', `No public policy "${policyId}".`, [
      { path: 'params.policyId', message: 'unknown policy' },
    ]);
  return publicPolicy(doc);
}
