/**
 * @module server/context
 * What every route handler gets: the store, the clock, and the signed-in actor.
 */
import type { Store } from '../store/index.ts';
import type { Role } from '../store/schema.ts';

export interface Actor {
  readonly orgId: string;
  readonly userId: string;
  readonly role: Role;
  readonly via: 'session' | 'token';
}

/** Who may call a route: roles, or `public` (no sign-in; the route checks its own secret if any). */
export type Access = readonly Role[] | 'public';

export interface Deps {
  readonly store: Store;
  /** Epoch ms; injected so tests and simulations control time. */
  readonly now: () => number;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

/** The actor of a request that passed the role check (routes with roles only). */
export function actorOf(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw new Error('actorOf called on a public route');
  return request.actor;
}

export const ALL_STAFF: readonly Role[] = ['admin', 'manager', 'agent', 'auditor'];
export const WRITERS: readonly Role[] = ['admin', 'manager', 'agent'];
export const MANAGERS: readonly Role[] = ['admin', 'manager'];
export const ADMINS: readonly Role[] = ['admin'];
