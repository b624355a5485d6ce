/**
 * @module store/checkpointer
 * Moves SQLite's WAL checkpoints off the request path. A checkpoint copies WAL pages into the
 * database file and syncs it; run inside a commit (SQLite's default, every 1,000 pages) it stalls
 * the event loop of the only writer. A worker thread with its own connection runs passive
 * checkpoints (they never block the writer) many times a second instead. Small, frequent checkpoints
 * beat large ones: each ends with a sync of the database file, and the writer's WAL appends can wait
 * behind a long one (bench:api's steady 1,000/s: p99 11–20 ms every 50 ms, 15–69 ms every 200 ms).
 *
 * Under continuous writes a passive checkpoint never quite catches up (a commit lands while it
 * syncs), and SQLite only starts the WAL file over once a checkpoint has copied all of it. So when
 * the worker sees the WAL past `restartPages` it says so, the committer holds its next group back
 * (the event loop keeps serving) and asks for one catch-up checkpoint; the write after it starts the
 * WAL over. Without this the WAL grows to the writer's own automatic threshold, whose checkpoint
 * runs, with its syncs, on the event loop.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const SQLite = require(workerData.module);
const db = new SQLite(workerData.path);
db.pragma('busy_timeout = 1000');
const checkpoint = () => {
  try { return db.pragma('wal_checkpoint(PASSIVE)')[0]; } catch { return undefined; }
};
const timer = setInterval(() => {
  const r = checkpoint();
  if (r && r.log >= workerData.restartPages) parentPort.postMessage({ behind: r.log });
}, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (typeof m === 'number') {
    checkpoint();
    parentPort.postMessage({ asked: m });
    return;
  }
  clearInterval(timer); checkpoint(); db.close(); parentPort.close();
});
`;

export interface Checkpointer {
  /** True once the worker has seen the WAL past `restartPages`, until a catch-up is asked for. */
  readonly behind: boolean;
  /**
   * Runs one checkpoint now; call it while no write is in progress. Settles when it is done, or
   * after `maxWaitMs` should the worker not answer.
   */
  catchUp(maxWaitMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface CheckpointerOptions {
  readonly intervalMs?: number | undefined;
  /** WAL size, in pages, past which the writer should pause for a catch-up (default 8,000: 32 MB). */
  readonly restartPages?: number | undefined;
}

type FromWorker = { readonly behind: number } | { readonly asked: number };

/** @example const cp = startCheckpointer('/data/charter.db'); …; await cp.stop(); */
export function startCheckpointer(path: string, options: CheckpointerOptions = {}): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      path,
      intervalMs: options.intervalMs ?? 50,
      restartPages: options.restartPages ?? 8000,
      module: fileURLToPath(import.meta.resolve('better-sqlite3')),
    },
  });
  worker.unref();
  let behind = false;
  // Each catch-up is numbered, so that a late answer to one that timed out settles nothing else.
  let asked = 0;
  let answer: (() => void) | undefined;
  worker.on('message', (m: FromWorker) => {
    if ('behind' in m) behind = true;
    else if (m.asked === asked) {
      answer?.();
      answer = undefined;
    }
  });
  let stopped = false;
  return {
    get behind() {
      return behind;
    },
    catchUp: (maxWaitMs = 250) => {
      behind = false;
      if (stopped) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          answer = undefined;
          resolve();
        }, maxWaitMs);
        answer = () => {
          clearTimeout(timer);
          resolve();
        };
        worker.postMessage(++asked);
      });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        stopped = true;
        worker.once('exit', () => resolve());
        // Unreferenced, the worker would not keep the process alive while we wait for it.
        worker.ref();
        worker.postMessage('stop');
        setTimeout(() => void worker.terminate(), 2000).unref();
      }),
  };
}
