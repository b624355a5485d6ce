/**
 * @module store/checkpointer
 * Moves SQLite's WAL checkpoints off the request path. A checkpoint copies WAL pages into the
 * database file and syncs it; run inside a commit (SQLite's default, every 1,000 pages) it stalls
 * the event loop of the only writer. A worker thread with its own connection runs passive
 * checkpoints (they never block the writer) many times a second instead; the writer keeps a far
 * larger automatic threshold only as a fallback should the worker stop. Small, frequent checkpoints
 * beat large ones: each ends with a sync of the database file, and the writer's WAL appends can wait
 * behind a long one (bench:api's steady 1,000/s: p99 11–20 ms every 50 ms, 15–69 ms every 200 ms).
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const SQLite = require(workerData.module);
const db = new SQLite(workerData.path);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
}, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} db.close(); parentPort.close(); });
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/** @example const cp = startCheckpointer('/data/charter.db'); …; await cp.stop(); */
export function startCheckpointer(path: string, intervalMs = 50): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { path, intervalMs, module: fileURLToPath(import.meta.resolve('better-sqlite3')) },
  });
  worker.unref();
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        // Unreferenced, the worker would not keep the process alive while we wait for it.
        worker.ref();
        worker.postMessage('stop');
        setTimeout(() => void worker.terminate(), 2000).unref();
      }),
  };
}
