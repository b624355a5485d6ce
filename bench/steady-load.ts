/**
 * A steady load: one request every 1/rate seconds, sent on schedule whether or not earlier ones have
 * been answered (open loop), over a pool of keep-alive connections. Latency counts from the moment a
 * request was due, so a stalled server or client is not hidden (no coordinated omission).
 *
 * autocannon's `overallRate` is not steady: each connection sends its whole second's quota back to
 * back as soon as the second starts, so "1,000/s over 50 connections" is a burst with 50 requests in
 * flight, then silence; and it corrects for coordinated omission with a 1 ms expected interval, which
 * records a 30 ms answer thirty times. bench:api reports both.
 */
import http from 'node:http';

export interface SteadyResult {
  readonly sent: number;
  readonly answered: number;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly errors: number;
  readonly non2xx: number;
}

export interface SteadyOptions {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly rate: number;
  readonly seconds: number;
  /** Connections the pool may open (a late answer must not hold up the next request). */
  readonly maxSockets?: number;
}

/** Runs the load and returns latency percentiles in milliseconds. */
export async function steadyLoad(o: SteadyOptions): Promise<SteadyResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.maxSockets ?? 256 });
  const target = new URL(o.url);
  const total = Math.round(o.rate * o.seconds);
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  let sent = 0;
  const body = Buffer.from(o.body);
  const headers = { ...o.headers, 'content-length': String(body.length) };
  const start = performance.now();
  const interval = 1000 / o.rate;

  const send = (dueAt: number) =>
    new Promise<void>((resolve) => {
      const req = http.request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method: o.method, headers },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - dueAt);
            if (res.statusCode === undefined || res.statusCode >= 300) non2xx++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });

  const inFlight: Promise<void>[] = [];
  await new Promise<void>((done) => {
    const tick = () => {
      // Send every request that has fallen due, then sleep until the next one.
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) {
        inFlight.push(send(start + sent * interval));
        sent++;
      }
      if (sent >= total) return done();
      setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    tick();
  });
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
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
  };
}
