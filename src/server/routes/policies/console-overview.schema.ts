import { z } from 'zod';

const load = z.object({
  open_cases: z.number().int(),
  resolved_last_7_days: z.number().int(),
  overdue_now: z.number().int().describe('Open cases whose next SLA deadline has passed'),
  breaches_last_7_days: z.number().int().describe('SLA breaches on their cases that fell in the last 7 days'),
});

export const consoleOverviewResponse = z.object({
  as_of: z.string(),
  today: z.string(),
  people: z.array(
    load.extend({
      user_id: z.string().nullable().describe('Null for cases nobody is assigned to'),
      name: z.string(),
      role: z.string().nullable(),
    }),
  ),
  totals: load,
  standards: z.array(
    z.object({
      policy_id: z.string(),
      section: z.string(),
      measure: z.string(),
      target: z.string(),
      notes: z.string().nullable(),
    }),
  ),
});
