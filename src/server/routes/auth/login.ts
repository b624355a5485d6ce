/**
 * @module server/routes/auth/login
 * POST /api/auth/login: password sign-in, rate limited per organisation and email, answering with a
 * session cookie (HttpOnly, SameSite=Lax, Secure when served over HTTPS) and a CSRF token.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { appendAudit } from '../../../audit/index.ts';
import { newId } from '../../../store/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { checkAttempts, clearAttempts, recordFailure } from '../../auth/attempts.ts';
import { SESSION_COOKIE } from '../../auth/guard.ts';
import { hashPassword, hashToken, newToken, verifyPassword } from '../../auth/secrets.ts';
import { AppError } from '../../errors.ts';
import { loginBody, loginResponse } from './login.schema.ts';

const SESSION_MS = 12 * 3600_000;
// Verifying against a fixed hash when the user is unknown keeps the timing the same.
const DUMMY = hashPassword('not a real password');

export const loginRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: 'Sign in', body: loginBody, response: { 200: loginResponse } },
    },
    async (request, reply) => {
      const { org, email, password } = request.body;
      const db = deps.store.db;
      const now = deps.now();
      const orgRow = await db
        .selectFrom('orgs')
        .select(['org_id'])
        .where('slug', '=', org)
        .executeTakeFirst();
      const orgId = orgRow?.org_id ?? `unknown:${org}`;
      const key = email.toLowerCase();
      await checkAttempts(db, orgId, key, now);
      const user = orgRow
        ? await db
            .selectFrom('users')
            .selectAll()
            .where('org_id', '=', orgId)
            .where(sql`lower(email)`, '=', key)
            .executeTakeFirst()
        : undefined;
      const ok = await verifyPassword(password, user?.password_hash ?? (await DUMMY));
      if (!user || !ok || user.disabled) {
        await recordFailure(db, orgId, key, now);
        throw new AppError('invalid-credentials', 'Unknown organisation, email or password.');
      }
      const token = newToken(orgId);
      const csrf = randomBytes(24).toString('base64url');
      const expires = now + SESSION_MS;
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('sessions')
          .values({
            org_id: orgId,
            id: newId(),
            user_id: user.id,
            token_hash: hashToken(token),
            csrf_hash: hashToken(csrf),
            created_at: now,
            expires_at: expires,
          })
          .execute();
        await clearAttempts(trx, orgId, key);
        await appendAudit(trx, deps.store.dialect, {
          orgId,
          actorType: 'user',
          actorId: user.id,
          action: 'session.created',
          entity: 'user',
          entityId: user.id,
          data: { ip: request.ip },
          at: now,
        });
      });
      void reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        expires: new Date(expires),
      });
      return {
        user: { id: user.id, name: user.name, email: user.email, role: user.role },
        csrf_token: csrf,
        expires_at: new Date(expires).toISOString(),
      };
    },
  );
};
