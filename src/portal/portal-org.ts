/**
 * @module portal/portal-org
 * Which organisation a public request is about: named by its slug in the path (`/api/public/:org/…`),
 * or, for the portal's own pages, the organisation the portal serves by default.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../server/errors.ts';
import type { Database } from '../store/schema.ts';

/** What the public may know about an organisation. */
export interface PortalOrg {
  readonly orgId: string;
  readonly slug: string;
  readonly name: string;
  /** IANA zone the organisation works in, e.g. `Europe/London`. */
  readonly timeZone: string;
  readonly currency: string;
}

type Db = Kysely<Database>;

const columns = ['org_id', 'slug', 'name', 'time_zone', 'currency'] as const;

function portalOrg(row: {
  org_id: string;
  slug: string;
  name: string;
  time_zone: string;
  currency: string;
}): PortalOrg {
  return {
    orgId: row.org_id,
    slug: row.slug,
    name: row.name,
    timeZone: row.time_zone,
    currency: row.currency,
  };
}

/**
 * The organisation with this slug.
 * @throws AppError `not-found` (with the field path `params.org`)
 * @example const org = await orgBySlug(db, 'larkspur'); org.timeZone // 'Europe/London'
 */
export async function orgBySlug(db: Db, slug: string): Promise<PortalOrg> {
  const row = await db.selectFrom('orgs').select(columns).where('slug', '=', slug).executeTakeFirst();
  if (!row)
    throw new AppError('not-found', `No organisation "${slug}".`, [
      { path: 'params.org', message: 'unknown organisation' },
    ]);
  return portalOrg(row);
}

/** The organisation with this id (a portal token names it). */
export async function orgById(db: Db, orgId: string): Promise<PortalOrg | null> {
  const row = await db.selectFrom('orgs').select(columns).where('org_id', '=', orgId).executeTakeFirst();
  return row ? portalOrg(row) : null;
}

/**
 * The organisation the portal at `/` serves when the address names none: the first one created
 * (a single-company installation has just that one; others pass `?org=<slug>`).
 * @throws AppError `not-found` when there is no organisation yet
 */
export async function defaultOrg(db: Db): Promise<PortalOrg> {
  const row = await db
    .selectFrom('orgs')
    .select(columns)
    .orderBy('created_at')
    .orderBy('slug')
    .limit(1)
    .executeTakeFirst();
  if (!row) throw new AppError('not-found', 'No organisation has been set up yet.');
  return portalOrg(row);
}
