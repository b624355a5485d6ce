/**
 * The ceiling for bench:api: a bare Fastify route inserting one row with better-sqlite3 (WAL,
 * synchronous NORMAL like the product). Run as its own process: `node --import tsx bench/ceiling-server.ts <port> <dir>`.
 */
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';

const port = Number(process.argv[2] ?? 8090);
const dir = process.argv[3] ?? '/tmp';
const db = new SQLite(join(dir, 'ceiling.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(
  'create table if not exists t (id integer primary key, subject text not null, created_at integer not null)',
);
const insert = db.prepare('insert into t (subject, created_at) values (?, ?)');
const app = Fastify();
app.post('/rows', async (request) => {
  const body = request.body as { subject?: string };
  const r = insert.run(String(body?.subject ?? ''), Date.now());
  return { id: Number(r.lastInsertRowid) };
});
app.get('/api/health', async () => ({ ok: true }));
await app.listen({ port, host: '127.0.0.1' });
