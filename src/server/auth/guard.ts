/**
 * @module server/auth/guard
 * Resolves the caller (session cookie or `Authorization: Bearer` API token) and enforces each
 * route's declared access before the handler runs. A route without declared access is refused at
 * start-up, so no route can forget its check.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hotSql, runHot } from '../../store/hot-sql.ts';
import type { Actor, Deps } from '../context.ts';
import { AppError } from '../errors.ts';
import { hashToken, orgOfToken } from './secrets.ts';
import { provedCsrf, rememberedSession, rememberSession, type SessionRow } from './session-cache.ts';

export const SESSION_COOKIE = 'charter_session';
export const CSRF_HEADER = 'x-csrf-token';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// Every signed-in request runs this: written once rather than built each time.
const SESSION = hotSql(
  `select users.id as user_id, users.role, users.disabled, sessions.expires_at, sessions.csrf_hash
   from sessions inner join users on users.org_id = sessions.org_id and users.id = sessions.user_id
   where sessions.org_id = ? and sessions.token_hash = ?`,
);

async function resolveActor(request: FastifyRequest, deps: Deps): Promise<Actor | null> {
  const db = deps.store.db;
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const token = auth.slice(7).trim();
    const orgId = orgOfToken(token);
    if (!orgId) throw new AppError('unauthenticated', 'Unexpected API token format.');
    const row = await db
      .selectFrom('api_tokens')
      .innerJoin('users', (j) =>
        j.onRef('users.org_id', '=', 'api_tokens.org_id').onRef('users.id', '=', 'api_tokens.user_id'),
      )
      .select(['users.id as user_id', 'users.role', 'users.disabled', 'api_tokens.revoked_at'])
      .where('api_tokens.org_id', '=', orgId)
      .where('api_tokens.token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (!row || row.revoked_at !== null || row.disabled)
      throw new AppError('unauthenticated', 'The API token is not valid.');
    return { orgId, userId: row.user_id, role: row.role, via: 'token' };
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (!cookie) return null;
  const orgId = orgOfToken(cookie);
  if (!orgId) return null;
  let kept = rememberedSession(deps.store, cookie);
  let row = kept?.row;
  if (row === undefined) {
    [row] = await runHot<SessionRow>(db, deps.store.dialect, SESSION, [orgId, hashToken(cookie)]);
    if (row) kept = rememberSession(deps.store, cookie, row);
  }
  if (!row || row.disabled || row.expires_at <= deps.now()) return null;
  if (UNSAFE.has(request.method)) {
    // Cookies ride along on cross-site requests; the CSRF header cannot.
    const csrf = request.headers[CSRF_HEADER];
    if (typeof csrf !== 'string' || (!provedCsrf(kept, csrf) && hashToken(csrf) !== row.csrf_hash))
      throw new AppError('csrf', 'Missing or wrong X-CSRF-Token header for a signed-in session.');
    // Proved now: a remembered session need not hash it again.
    if (kept) kept.csrf = csrf;
  }
  return { orgId, userId: row.user_id, role: row.role, via: 'session' };
}

/** Installs the guard. */
export function installGuard(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('actor', null);
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (!url.startsWith('/api/')) return;
    if (route.config?.access === undefined)
      throw new Error(`Route ${route.method} ${url} declares no access`);
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (access === undefined || access === 'public') {
      // Static files and pages need no actor; skip the session lookup.
      if (!request.url.startsWith('/api/')) return;
      // Public routes may still know who is calling (e.g. a signed-in preview), never required.
      request.actor = await resolveActor(request, deps).catch(() => null);
      return;
    }
    const actor = await resolveActor(request, deps);
    if (!actor) throw new AppError('unauthenticated', 'Sign in or send an API token.');
    if (!access.includes(actor.role))
      throw new AppError(
        'forbidden',
        `The ${actor.role} role may not do this (needs ${access.join(' or ')}).`,
      );
    request.actor = actor;
  });
}
