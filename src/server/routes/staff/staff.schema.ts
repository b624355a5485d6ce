import { z } from 'zod';

const ROLE = z.enum(['admin', 'manager', 'agent', 'auditor']);
/** New passwords: long enough to resist guessing; any characters (NIST SP 800-63B). */
export const newPassword = z.string().min(12, 'at least 12 characters').max(200);

export const staffMemberSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: ROLE,
  team_id: z.string().nullable(),
  active: z.boolean(),
  created_at: z.string(),
});

export const changeStaffResponse = staffMemberSchema.extend({
  cases_unassigned: z
    .number()
    .int()
    .describe('Open cases returned to their team queue (the member was deactivated or made an auditor)'),
});

export const teamSchema = z.object({
  id: z.string(),
  name: z.string(),
  members: z.number().int().describe('Active members'),
});

export const listStaffResponse = z.object({ staff: z.array(staffMemberSchema), teams: z.array(teamSchema) });

export const staffParams = z.object({ id: z.string().min(1).max(100) });

export const addStaffBody = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  role: ROLE,
  team_id: z.string().min(1).max(100).nullable().optional(),
  password: newPassword.describe('Their first password; they can change it after signing in'),
});

export const changeStaffBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    role: ROLE.optional(),
    team_id: z.string().min(1).max(100).nullable().optional(),
    active: z
      .boolean()
      .optional()
      .describe('false deactivates: their sessions end, their API tokens are revoked'),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'nothing to change' });

export const resetPasswordBody = z.object({ password: newPassword });

export const changeOwnPasswordBody = z.object({
  current_password: z.string().min(1).max(1000),
  new_password: newPassword,
});

export const teamBody = z.object({ name: z.string().trim().min(1).max(100) });
