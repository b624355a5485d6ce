import { z } from 'zod';
import { optionalVersion } from './case.schema.ts';

export const addNoteBody = z.object({ body: z.string().trim().min(1).max(20_000), version: optionalVersion });
