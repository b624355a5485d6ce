import { z } from 'zod';
import { PRIORITIES, STATUSES } from './case.schema.ts';

export const updateCaseBody = z
  .object({
    version: z.number().int().min(1).describe('The version you loaded; 409 when the case changed since'),
    status: z.enum(STATUSES).optional(),
    priority: z.enum(PRIORITIES).optional(),
    category: z.string().trim().min(1).max(80).nullable().optional(),
    reason: z.string().trim().min(1).max(500).optional().describe('Recorded with a status change'),
  })
  .refine((b) => b.status !== undefined || b.priority !== undefined || b.category !== undefined, {
    message: 'expected status, priority or category',
  });
