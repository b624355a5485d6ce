import { z } from 'zod';
import { MAX_DAYS } from '../../../portal/index.ts';

export const hoursQuery = z.object({
  days: z.coerce.number().int().min(1).max(MAX_DAYS).default(7).describe('How many days from today'),
});

export const hoursResponse = z.object({
  time_zone: z.string().describe('The organisation’s time zone'),
  from: z.string().describe('Start of today in the organisation’s time zone (ISO 8601 UTC)'),
  to: z.string(),
  calendars: z.array(
    z.object({
      name: z.string().describe('The Hours section, e.g. Support'),
      policy: z.string().describe('The public policy it is published in'),
      time_zone: z.string(),
      open_now: z.boolean(),
      intervals: z
        .array(z.object({ opens: z.string(), closes: z.string() }))
        .describe('Open intervals [opens, closes) as ISO 8601 UTC instants'),
    }),
  ),
});
