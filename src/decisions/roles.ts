/**
 * @module decisions/roles
 * Our roles in the charter's words and back. The charter speaks of agents, team leads, managers,
 * admins and the Head of Customer Service; the system has agents, managers, admins and auditors.
 *
 * | Charter              | System role that holds it                                          |
 * |----------------------|--------------------------------------------------------------------|
 * | "agent"              | agent                                                              |
 * | "team lead"          | manager (no team-lead role yet: the next level up answers)         |
 * | "manager"            | manager                                                            |
 * | "admin"              | admin (holds a manager's limits when covering the desk)            |
 * | "head of service"    | admin (the highest role we have; an unknown approver also goes up) |
 *
 * "Any colleague at that level or above may answer" (authority.md), so approvals are decided by
 * the approver role or any role above it.
 */
import type { Role } from '../store/schema.ts';

/** The `Staff role` fact for a system role (auditors never decide). */
export function staffRoleFact(role: Role): string | null {
  return role === 'auditor' ? null : role;
}

const APPROVERS: Readonly<Record<string, Role>> = {
  'team lead': 'manager',
  manager: 'manager',
  'head of service': 'admin',
};

/**
 * The system role that answers an approval the charter routes to `approver`.
 * @example approverRole('team lead') // 'manager'
 */
export function approverRole(approver: unknown): Role {
  return (typeof approver === 'string' ? APPROVERS[approver] : undefined) ?? 'admin';
}

const LEVEL: Readonly<Record<Role, number>> = { auditor: 0, agent: 1, manager: 2, admin: 3 };

/**
 * Whether `role` may answer approvals routed to `approver` (that level or above).
 * @example mayApprove('admin', 'manager') // true
 */
export function mayApprove(role: Role, approver: string): boolean {
  const needed = LEVEL[approver as Role];
  return needed !== undefined && LEVEL[role] >= needed && role !== 'auditor';
}

/** The approver roles `role` may answer, for the inbox filter. */
export function approverRolesFor(role: Role): Role[] {
  return (['manager', 'admin'] as const).filter((r) => mayApprove(role, r));
}
