/**
 * @module store/ids
 * Record ids are UUIDv7 (RFC 9562): opaque, unique across processes, and sortable by creation time.
 *
 * Written here rather than taken from `uuid`, whose v7 allocated a byte array per id and cost
 * several microseconds each on the write paths (five ids per new case). The layout is the RFC's
 * "method 1": 48 bits of Unix milliseconds, then a 26-bit counter split around the version and
 * variant bits, seeded at random each millisecond and incremented within it (so ids made by one
 * process are strictly increasing, even when the clock steps back), then 48 random bits.
 */
import { randomFillSync } from 'node:crypto';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const pool = new Uint8Array(4096);
let at = pool.length;

let lastMs = -1;
let counter = 0;
let msHex = '';
/** Counter values; a fresh millisecond starts below half of it, leaving room to count up. */
const COUNTER_LIMIT = 1 << 26;

function randomByte(): number {
  if (at >= pool.length) {
    randomFillSync(pool);
    at = 0;
  }
  return pool[at++]!;
}

function stamp(ms: number): void {
  lastMs = ms;
  const hex = ms.toString(16).padStart(12, '0');
  msHex = `${hex.slice(0, 8)}-${hex.slice(8)}`;
}

/** A new record id. */
export function newId(): string {
  const now = Date.now();
  if (now > lastMs) {
    stamp(now);
    counter = ((randomByte() << 17) | (randomByte() << 9) | (randomByte() << 1)) & (COUNTER_LIMIT / 2 - 1);
  } else if (++counter >= COUNTER_LIMIT) {
    // Ran out within one millisecond: borrow the next one.
    stamp(lastMs + 1);
    counter = 0;
  }
  const high = 0x7000 | (counter >>> 14); // version 7, then the counter's top 12 bits
  const low = 0x8000 | (counter & 0x3fff); // variant 0b10, then its low 14 bits
  return (
    `${msHex}-${HEX[high >>> 8]}${HEX[high & 0xff]}-${HEX[low >>> 8]}${HEX[low & 0xff]}-` +
    `${HEX[randomByte()]}${HEX[randomByte()]}${HEX[randomByte()]}${HEX[randomByte()]}${HEX[randomByte()]}${HEX[randomByte()]}`
  );
}
