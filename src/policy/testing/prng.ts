/**
 * @module policy/testing/prng
 * A small seeded PRNG for tests, benchmarks and demo data: the same seed gives the same cases, so a
 * failure can be replayed. For tests and tools only (not exported from `policy/index.ts`).
 */

/**
 * mulberry32: small, fast, deterministic; floats in [0, 1).
 * @example const r = mulberry32(7); r(); // 0.…
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
