/**
 * @module server/web
 * Serves the built web app (web/dist) on the API's port: hashed assets with long caching, sent
 * pre-compressed (.br/.gz written by the build), and index.html for every page path of the three
 * faces so deep links work. Without a build it says how to make one instead of failing.
 */
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { App } from './app-type.ts';

export const WEB_DIST = new URL('../../web/dist/', import.meta.url).pathname;

/** Page paths answered with index.html (the app routes inside them). */
const PAGE_PREFIXES = ['/desk', '/console', '/policies', '/request', '/follow'];

function isPagePath(path: string): boolean {
  if (path === '/') return true;
  return PAGE_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
}

export async function installWeb(app: App, root = WEB_DIST): Promise<void> {
  if (!existsSync(`${root}index.html`)) {
    app.get('/', { schema: { hide: true } }, async (_req, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('The web app is not built. Run `npm run build:web` (npm start does it for you).'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    preCompressed: true,
    wildcard: true,
    index: false,
    setHeaders(res, path) {
      // Hashed file names never change content: cache for a year. index.html must revalidate.
      if (path.includes('/assets/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      else res.setHeader('cache-control', 'no-cache');
      res.setHeader('x-content-type-options', 'nosniff');
    },
  });
  const sendIndex = (reply: { header(k: string, v: string): unknown; sendFile(f: string): unknown }) => {
    reply.header('cache-control', 'no-cache');
    reply.header(
      'content-security-policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    return reply.sendFile('index.html');
  };
  app.get('/', { schema: { hide: true } }, (_req, reply) => sendIndex(reply));
  for (const p of PAGE_PREFIXES) {
    app.get(p, { schema: { hide: true } }, (_req, reply) => sendIndex(reply));
    app.get(`${p}/*`, { schema: { hide: true } }, (req, reply) =>
      isPagePath(req.url.split('?')[0] ?? '') ? sendIndex(reply) : reply.callNotFound(),
    );
  }
}
