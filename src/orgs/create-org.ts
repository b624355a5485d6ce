/**
 * @module orgs/create-org
 * Creates an organisation with its teams and users (passwords hashed), audited.
 */
import { appendAudit } from '../audit/index.ts';
import { hashPassword } from '../server/auth/secrets.ts';
import type { Store } from '../store/index.ts';
import { newId } from '../store/index.ts';
import type { Role } from '../store/schema.ts';

export interface NewOrg {
  readonly slug: string;
  readonly name: string;
  readonly timeZone: string;
  readonly currency: string;
  readonly teams: readonly string[];
  readonly users: readonly {
    readonly email: string;
    readonly name: string;
    readonly role: Role;
    readonly password: string;
    readonly team?: string;
  }[];
}

export interface CreatedOrg {
  readonly orgId: string;
  readonly teams: Readonly<Record<string, string>>;
  readonly users: Readonly<Record<string, string>>;
}

/**
 * @example await createOrg(store, Date.now(), { slug: 'larkspur', … })
 */
export async function createOrg(store: Store, now: number, org: NewOrg): Promise<CreatedOrg> {
  const orgId = newId();
  const hashes = await Promise.all(org.users.map((u) => hashPassword(u.password)));
  const teams: Record<string, string> = {};
  const users: Record<string, string> = {};
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('orgs')
      .values({
        org_id: orgId,
        slug: org.slug,
        name: org.name,
        time_zone: org.timeZone,
        currency: org.currency,
        created_at: now,
        next_case_number: 1001,
      })
      .execute();
    for (const name of org.teams) {
      const id = newId();
      teams[name] = id;
      await trx.insertInto('teams').values({ org_id: orgId, id, name, created_at: now }).execute();
    }
    for (const [i, u] of org.users.entries()) {
      const id = newId();
      users[u.email] = id;
      await trx
        .insertInto('users')
        .values({
          org_id: orgId,
          id,
          email: u.email,
          name: u.name,
          role: u.role,
          team_id: u.team ? (teams[u.team] ?? null) : null,
          password_hash: hashes[i] as string,
          disabled: 0,
          created_at: now,
        })
        .execute();
    }
    await appendAudit(trx, store.dialect, {
      orgId,
      actorType: 'system',
      actorId: null,
      action: 'org.created',
      entity: 'org',
      entityId: orgId,
      data: {
        slug: org.slug,
        teams: org.teams,
        users: org.users.map((u) => ({ email: u.email, role: u.role })),
      },
      at: now,
    });
  });
  return { orgId, teams, users };
}
