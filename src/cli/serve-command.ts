/**
 * @module cli/serve-command
 * `charter serve` (what `npm start` runs): PORT, DATA_DIR and DATABASE_URL from the environment.
 */
import { banner, serve } from '../server/serve.ts';
import type { Io } from './lint-command.ts';

export async function serveCommand(io: Io): Promise<number> {
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`Unexpected PORT "${process.env.PORT}", expected a port number`);
    return 2;
  }
  const server = await serve({
    port,
    dataDir: process.env.DATA_DIR ?? './data',
    databaseUrl: process.env.DATABASE_URL,
  });
  io.out(banner(server.port));
  await new Promise<void>((resolve) => {
    const stop = () => {
      io.out('Shutting down: finishing requests in flight…');
      void server.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
