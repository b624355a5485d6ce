/**
 * @module server/app
 * Builds the HTTP server: Fastify with zod schemas on every route, the role guard, RFC 9457 errors,
 * OpenAPI at /openapi.json with a docs page at /docs.
 */
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App } from './app-type.ts';
import { installGuard } from './auth/guard.ts';
import type { Deps } from './context.ts';
import { installErrorHandling } from './errors.ts';
import { responseSerializer } from './response-serializer.ts';
import { ROUTES } from './routes/index.ts';
import { installWeb } from './web.ts';

export interface AppOptions {
  readonly logger?: FastifyServerOptions['logger'];
  /** Serve the built web app at /, /desk and /console (default true). */
  readonly web?: boolean;
  /**
   * Also check every answer against its zod schema, and the fast writer against zod's result
   * (the tests turn it on; it costs each answer a second serialisation).
   */
  readonly checkResponses?: boolean;
}

/**
 * @example const app = await buildApp({ store, now: Date.now }); await app.listen({ port: 8080 });
 */
export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: false,
    // Private-link tokens (`<org id>.<case id>.<secret>`) are about 120 characters.
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer({ check: options.checkResponses ?? false }));
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Charter API',
        version: '0.1.0',
        description: 'Customer service policies that run. Errors are RFC 9457 problem details.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'charter_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  installErrorHandling(app);
  installGuard(app, deps);
  for (const route of ROUTES) route(app, deps);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  if (options.web !== false) await installWeb(app);
  return app;
}
