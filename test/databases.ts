/**
 * Test helper: a fresh database of each engine. SQLite in a temporary folder; PostgreSQL as a new
 * database on the server the global setup started.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { createOrg } from '../src/orgs/index.ts';
import { openStore, type Store } from '../src/store/index.ts';

export type EngineName = 'sqlite' | 'postgres';
export const ENGINES: readonly EngineName[] = ['sqlite', 'postgres'];

let counter = 0;

/** A URL for a new, empty PostgreSQL database. */
export async function freshPostgresUrl(): Promise<string> {
  const base = inject('pgUrl');
  const name = `t_${process.pid}_${Date.now()}_${counter++}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Opens a fresh, migrated store of the given engine. */
export async function freshStore(engine: EngineName): Promise<Store> {
  if (engine === 'postgres') return openStore({ databaseUrl: await freshPostgresUrl(), poolSize: 5 });
  return openStore({ dataDir: mkdtempSync(join(tmpdir(), 'charter-db-')) });
}

/** An organisation with no teams or users (London, GBP), created at `now`; answers its id. */
export async function bareOrg(store: Store, slug: string, now = 0): Promise<string> {
  const { orgId } = await createOrg(store, now, {
    slug,
    name: slug,
    timeZone: 'Europe/London',
    currency: 'GBP',
    teams: [],
    users: [],
  });
  return orgId;
}
