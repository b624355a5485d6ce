/**
 * Vitest global setup: starts a real PostgreSQL server (Debian's package) on 127.0.0.1 in a
 * temporary directory for the suites that run against both engines, and stops it afterwards.
 * Under CI it fails, never skips, when the server cannot start. `CHARTER_TEST_PG_URL` uses an
 * existing server instead.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

function pgBin(name: string): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    const p = join(base, v, 'bin', name);
    if (existsSync(p)) return p;
  }
  throw new Error(`PostgreSQL's ${name} not found under ${base}: install the Debian package "postgresql"`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** Runs a PostgreSQL tool as the `postgres` user when we are root (initdb refuses root). */
function asPostgres(cmd: string, args: string[]): string[] {
  return process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', cmd, ...args] : [cmd, ...args];
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.CHARTER_TEST_PG_URL;
  if (given) {
    project.provide('pgUrl', given);
    return async () => {};
  }
  const dir = mkdtempSync(join(tmpdir(), 'charter-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
    const [initCmd, ...initArgs] = asPostgres(pgBin('initdb'), [
      '-D',
      data,
      '-U',
      'charter',
      '--auth=trust',
      '-E',
      'UTF8',
    ]);
    execFileSync(initCmd as string, initArgs, { stdio: 'pipe' });
    const [cmd, ...args] = asPostgres(pgBin('postgres'), [
      '-D',
      data,
      '-p',
      String(port),
      '-h',
      '127.0.0.1',
      '-k',
      dir,
      '-c',
      'fsync=off',
      '-c',
      'max_connections=200',
      '-c',
      'shared_buffers=64MB',
    ]);
    const server = spawn(cmd as string, args, { stdio: 'pipe', detached: true });
    let log = '';
    server.stderr?.on('data', (d: Buffer) => {
      log += d.toString();
    });
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        execFileSync(pgBin('pg_isready'), ['-h', '127.0.0.1', '-p', String(port)], { stdio: 'pipe' });
        break;
      } catch {
        if (Date.now() > deadline || server.exitCode !== null)
          throw new Error(`PostgreSQL did not start: ${log}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    project.provide('pgUrl', `postgres://charter@127.0.0.1:${port}/postgres`);
    return async () => {
      // runuser does not forward signals: stop the server itself (fast shutdown), then reap.
      const exited = new Promise((r) => server.once('exit', r));
      try {
        const [stopCmd, ...stopArgs] = asPostgres(pgBin('pg_ctl'), [
          'stop',
          '-D',
          data,
          '-m',
          'immediate',
          '-w',
        ]);
        execFileSync(stopCmd as string, stopArgs, { stdio: 'pipe' });
      } catch {
        if (server.pid) process.kill(-server.pid, 'SIGKILL');
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      rmSync(dir, { recursive: true, force: true });
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
