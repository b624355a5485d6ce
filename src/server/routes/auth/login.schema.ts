import { z } from 'zod';

export const loginBody = z.object({
  org: z.string().min(1).max(100).describe('Organisation slug'),
  email: z.email().max(320),
  password: z.string().min(1).max(1000),
});

export const loginResponse = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.string() }),
  csrf_token: z.string().describe('Send as X-CSRF-Token on every unsafe request of this session'),
  expires_at: z.string(),
});
