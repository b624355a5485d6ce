import { z } from 'zod';
import { pageQuery } from '../../pagination.ts';
import { CASE_KINDS, caseSchema, PRIORITIES, STATUSES } from './case.schema.ts';

const id = z.string().min(1).max(64);

export const listCasesQuery = pageQuery.extend({
  status: z
    .union([z.enum(STATUSES), z.array(z.enum(STATUSES)).max(6)])
    .optional()
    .describe('Repeat for several: ?status=new&status=open'),
  kind: z.enum(CASE_KINDS).optional(),
  priority: z.enum(PRIORITIES).optional(),
  assignee_id: id.optional(),
  team_id: id.optional(),
  customer_id: id.optional(),
  q: z.string().trim().min(1).max(200).optional().describe('Words in the subject, messages, notes or calls'),
});

export type ListCasesQuery = z.infer<typeof listCasesQuery>;

export const listCasesResponse = z.object({ items: z.array(caseSchema), next_cursor: z.string().nullable() });
