/**
 * @module server/routes/portal/private-link-logging
 * Private links never reach the logs: every route whose path carries a portal token (the API's
 * `/api/public/cases/:token` and the page `/follow/<token>`) logs its requests with the token
 * replaced by `[redacted]`. Registered before the routes it applies to (the web pages come later).
 */
import type { FastifyRequest } from 'fastify';
import type { RouteModule } from '../../app-type.ts';

const PRIVATE = /^(\/(?:api\/public\/cases|follow)\/)[^/?#]*/;

/** The URL with any private-link token replaced. */
export function redactPrivateLink(url: string): string {
  return url.replace(PRIVATE, '$1[redacted]');
}

export const privateLinkLoggingRoute: RouteModule = (app) => {
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (!url.startsWith('/api/public/cases') && !url.startsWith('/follow')) return;
    route.logSerializers = {
      ...route.logSerializers,
      req: (req: FastifyRequest) => ({
        method: req.method,
        url: redactPrivateLink(req.url),
        host: req.host,
        remoteAddress: req.ip,
      }),
    };
  });
};
