/**
 * @module cases/desk-directory
 * Who and what a case can be given to, as the desk shows it: the organisation's teams and staff
 * (names for the timeline's actors, the team filter, transfers), and the caller's own team.
 * Read-only; never crosses organisations; no e-mail addresses or secrets.
 */
import type { Kysely } from 'kysely';
import type { Database, Role } from '../store/schema.ts';

export interface DirectoryTeam {
  readonly id: string;
  readonly name: string;
}

export interface DirectoryUser {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly teamId: string | null;
  readonly active: boolean;
}

export interface DeskDirectory {
  readonly teams: readonly DirectoryTeam[];
  readonly staff: readonly DirectoryUser[];
  /** The caller's team, for the "my team" filter. */
  readonly myTeamId: string | null;
}

/**
 * @example const { teams, staff, myTeamId } = await deskDirectory(db, orgId, userId);
 */
export async function deskDirectory(
  db: Kysely<Database>,
  orgId: string,
  userId: string,
): Promise<DeskDirectory> {
  const [teams, users] = await Promise.all([
    db.selectFrom('teams').select(['id', 'name']).where('org_id', '=', orgId).orderBy('name').execute(),
    db
      .selectFrom('users')
      .select(['id', 'name', 'role', 'team_id', 'disabled'])
      .where('org_id', '=', orgId)
      .orderBy('name')
      .orderBy('id')
      .execute(),
  ]);
  return {
    teams,
    staff: users.map((u) => ({
      id: u.id,
      name: u.name,
      role: u.role,
      teamId: u.team_id,
      active: !u.disabled,
    })),
    myTeamId: users.find((u) => u.id === userId)?.team_id ?? null,
  };
}
