/**
 * A steady load: one request every 1/rate seconds, sent on schedule whether or not earlier ones have
 * been answered (open loop), over a pool of keep-alive connections. Latency counts from the moment a
 * request was due, so a stalled server or client is not hidden (no coordinated omission). Requests
 * are written as prepared bytes on raw sockets and answers read by Content-Length, so the generator
 * itself costs little CPU (the server shares the machine with it).
 *
 * autocannon's `overallRate` is not steady: each connection sends its whole second's quota back to
 * back as soon as the second starts, so "1,000/s over 50 connections" is a burst with 50 requests in
 * flight, then silence; and it corrects for coordinated omission with a 1 ms expected interval, which
 * records a 30 ms answer thirty times. bench:api reports both.
 */
import { connect, type Socket } from 'node:net';

export interface SteadyResult {
  readonly sent: number;
  readonly answered: number;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly errors: number;
  readonly non2xx: number;
  /** Connections it took to keep to the schedule. */
  readonly connections: number;
}

export interface SteadyOptions {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly rate: number;
  readonly seconds: number;
  /** Most connections to open (a late answer must not hold up the next request). */
  readonly maxConnections?: number;
}

interface Conn {
  readonly socket: Socket;
  buffer: Buffer;
  /** When the request now in flight was due; null when idle. */
  dueAt: number | null;
}

/** Runs the load and returns latency percentiles in milliseconds. */
export async function steadyLoad(o: SteadyOptions): Promise<SteadyResult> {
  const target = new URL(o.url);
  const body = Buffer.from(o.body);
  const head = [
    `${o.method} ${target.pathname}${target.search} HTTP/1.1`,
    `host: ${target.host}`,
    'connection: keep-alive',
    `content-length: ${body.length}`,
    ...Object.entries(o.headers).map(([k, v]) => `${k}: ${v}`),
    '',
    '',
  ].join('\r\n');
  const request = Buffer.concat([Buffer.from(head), body]);
  const total = Math.round(o.rate * o.seconds);
  const interval = 1000 / o.rate;
  const latencies: number[] = [];
  const idle: Conn[] = [];
  const all: Conn[] = [];
  const backlog: number[] = []; // due times waiting for a connection
  let errors = 0;
  let non2xx = 0;
  let sent = 0;
  let settled = 0;
  let finish: () => void = () => {};
  const finished = new Promise<void>((r) => {
    finish = r;
  });

  const settle = () => {
    settled++;
    if (settled === total) finish();
  };
  const dispatch = (conn: Conn) => {
    const due = backlog.shift();
    if (due === undefined) {
      conn.dueAt = null;
      idle.push(conn);
      return;
    }
    conn.dueAt = due;
    conn.socket.write(request);
  };
  const open = (): Conn => {
    const socket = connect({ host: target.hostname, port: Number(target.port), noDelay: true });
    const conn: Conn = { socket, buffer: Buffer.alloc(0), dueAt: null };
    socket.on('data', (chunk: Buffer) => {
      conn.buffer = conn.buffer.length === 0 ? chunk : Buffer.concat([conn.buffer, chunk]);
      for (;;) {
        const end = conn.buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const headers = conn.buffer.subarray(0, end).toString('latin1');
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(headers)?.[1] ?? 0);
        if (conn.buffer.length < end + 4 + length) return;
        conn.buffer = conn.buffer.subarray(end + 4 + length);
        const status = Number(headers.slice(9, 12));
        if (!(status >= 200 && status < 300)) non2xx++;
        if (conn.dueAt !== null) latencies.push(performance.now() - conn.dueAt);
        settle();
        dispatch(conn);
      }
    });
    socket.on('error', () => {
      if (conn.dueAt !== null) {
        errors++;
        conn.dueAt = null;
        settle();
      }
    });
    all.push(conn);
    return conn;
  };

  const start = performance.now();
  const tick = () => {
    // Every request that has fallen due goes out now, on an idle connection or a new one.
    const now = performance.now();
    while (sent < total && start + sent * interval <= now) {
      backlog.push(start + sent * interval);
      sent++;
      const conn = idle.pop() ?? (all.length < (o.maxConnections ?? 512) ? open() : undefined);
      if (conn) dispatch(conn);
    }
    if (sent < total) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
  };
  tick();
  await finished;
  const elapsed = (performance.now() - start) / 1000;
  for (const c of all) c.socket.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    sent,
    answered: latencies.length,
    rps: Math.round(latencies.length / elapsed),
    p50: round(pct(50)),
    p99: round(pct(99)),
    max: round(latencies.at(-1) ?? 0),
    errors,
    non2xx,
    connections: all.length,
  };
}
