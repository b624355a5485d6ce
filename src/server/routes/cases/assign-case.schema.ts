import { z } from 'zod';
import { optionalVersion } from './case.schema.ts';

const id = z.string().min(1).max(64);

export const assignCaseBody = z
  .object({
    assignee_id: id
      .nullable()
      .optional()
      .describe("null unassigns; alone, it also moves the case to the person's team"),
    team_id: id.nullable().optional(),
    version: optionalVersion,
  })
  .refine((b) => b.assignee_id !== undefined || b.team_id !== undefined, {
    message: 'expected assignee_id or team_id',
  });
