/**
 * @module hours/open-timeline
 * The fast part: a calendar's open intervals as sorted UTC epoch-ms pairs with a prefix sum of open time,
 * so that a due time is a binary search plus arithmetic and elapsed time two binary searches and a subtraction.
 * Valid for instants within [lo, hi]; answers that would need intervals beyond come back as NaN so the
 * caller can grow the timeline. An index by spans of about 18.6 hours turns the search for an instant into a
 * step or two, and an index by open time does the same for the interval where a due time falls.
 */

/**
 * Index buckets from `lo`, each 2^26 ms (about 18.6 hours): a power of two, so that finding the bucket
 * of an instant is an exact multiplication rather than a division (the hottest line of every look-up).
 */
const BUCKET_MS = 2 ** 26;
const PER_BUCKET = 2 ** -26;
/**
 * Buckets of open time, 2^24 ms (about 4.7 hours) each: `add` finds the interval where a budget runs
 * out from the open time it reaches, in a step or two, however far away.
 */
const OPEN_BUCKET_MS = 2 ** 24;
const PER_OPEN_BUCKET = 2 ** -24;
/** Intervals `positions` steps through from one instant to the next before looking the next one up. */
const STEPS = 4;

/** Sorted, disjoint, non-adjacent open intervals [opens[i], closes[i]) and the open time before each. */
export class OpenTimeline {
  readonly opens: Float64Array;
  readonly closes: Float64Array;
  /** prefix[i] = open milliseconds in intervals 0 … i-1; length n + 1. */
  readonly prefix: Float64Array;
  readonly n: number;
  /** upto[b] = number of intervals opening at or before lo + b days. */
  readonly #upto: Int32Array;
  readonly #buckets: number;
  /** byOpen[b] = the first interval whose cumulative end prefix[i + 1] reaches b × 2^24 ms of open time. */
  readonly #byOpen: Int32Array;

  /**
   * Takes intervals in any order, possibly overlapping or touching (they are merged), and the range
   * [lo, hi] in which the list is complete.
   * @example new OpenTimeline([0, 10], [10, 20], 0, 20).n // 1 (the two touch, so they merge)
   */
  constructor(
    opens: readonly number[],
    closes: readonly number[],
    readonly lo: number,
    readonly hi: number,
  ) {
    let order = opens.map((_, i) => i);
    if (!isSorted(opens)) order = order.sort((a, b) => opens[a]! - opens[b]!);
    const mergedOpens: number[] = [];
    const mergedCloses: number[] = [];
    for (const i of order) {
      const open = opens[i]!;
      const close = closes[i]!;
      if (!(close > open)) continue; // a DST gap can swallow an interval whole
      const last = mergedCloses.length - 1;
      // Touching intervals merge: a 24/7 calendar has no gap at midnight.
      if (last >= 0 && open <= mergedCloses[last]!) {
        if (close > mergedCloses[last]!) mergedCloses[last] = close;
      } else {
        mergedOpens.push(open);
        mergedCloses.push(close);
      }
    }
    this.n = mergedOpens.length;
    this.opens = Float64Array.from(mergedOpens);
    this.closes = Float64Array.from(mergedCloses);
    this.prefix = new Float64Array(this.n + 1);
    for (let i = 0; i < this.n; i++) {
      this.prefix[i + 1] = this.prefix[i]! + (mergedCloses[i]! - mergedOpens[i]!);
    }
    this.#buckets = Math.floor((hi - lo) / BUCKET_MS) + 1;
    this.#upto = new Int32Array(this.#buckets + 1);
    let count = 0;
    for (let b = 0; b <= this.#buckets; b++) {
      const edge = lo + b * BUCKET_MS;
      while (count < this.n && this.opens[count]! <= edge) count++;
      this.#upto[b] = count;
    }
    const openBuckets = Math.floor(this.prefix[this.n]! * PER_OPEN_BUCKET) + 1;
    this.#byOpen = new Int32Array(openBuckets);
    let reached = 0;
    for (let b = 0; b < openBuckets; b++) {
      const edge = b * OPEN_BUCKET_MS;
      while (reached < this.n - 1 && this.prefix[reached + 1]! < edge) reached++;
      this.#byOpen[b] = reached;
    }
  }

  /** Index of the last interval opening at or before `t`, or -1. */
  last(t: number): number {
    const opens = this.opens;
    const bucket = Math.floor((t - this.lo) * PER_BUCKET);
    if (bucket >= 0 && bucket < this.#buckets) {
      // Intervals opening within the bucket: usually none to three.
      let i = this.#upto[bucket]!;
      const end = this.#upto[bucket + 1]!;
      while (i < end && opens[i]! <= t) i++;
      return i - 1;
    }
    let low = 0;
    let high = this.n;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (opens[mid]! <= t) low = mid + 1;
      else high = mid;
    }
    return low - 1;
  }

  /** Open milliseconds from the first interval up to `t`. */
  position(t: number): number {
    const j = this.last(t);
    if (j < 0) return 0;
    const close = this.closes[j]!;
    return t < close ? this.prefix[j]! + (t - this.opens[j]!) : this.prefix[j + 1]!;
  }

  /**
   * `position` of each of the first `count` instants into `out`, and its `last` index into `indices`;
   * false (and stops) at an instant outside [lo, hi]. Instants in time order (a case's events) cost a
   * step or two each from the previous one instead of a look-up.
   */
  positions(instants: Float64Array, count: number, out: Float64Array, indices: Int32Array): boolean {
    const { opens, closes, prefix, n, lo, hi } = this;
    let j = -1;
    let previous = Number.POSITIVE_INFINITY; // the first instant is looked up
    for (let i = 0; i < count; i++) {
      const t = instants[i] as number;
      if (!(t >= lo && t <= hi)) return false;
      if (t >= previous && (j + STEPS >= n || opens[j + STEPS]! > t)) {
        while (j + 1 < n && opens[j + 1]! <= t) j++;
      } else j = this.last(t);
      previous = t;
      indices[i] = j;
      out[i] = j < 0 ? 0 : t < closes[j]! ? prefix[j]! + (t - opens[j]!) : prefix[j + 1]!;
    }
    return true;
  }

  /**
   * The instant at which `ms` of open time from `start` are used up: forward, the earliest such instant (a
   * budget ending at a closing is due at the closing; a zero budget while closed is due at the next opening);
   * backward (negative `ms`), the latest. NaN when the answer lies beyond the intervals held.
   */
  add(start: number, ms: number): number {
    return this.addFrom(start, this.last(start), ms);
  }

  /** `add` from an instant whose `last` index `j` is known (see `positions`). */
  addFrom(start: number, j: number, ms: number): number {
    const prefix = this.prefix;
    const inside = j >= 0 && start < this.closes[j]!;
    if (ms < 0) return this.#addBack(start, ms, j, inside);
    const k = inside ? j : j + 1; // the interval the clock runs in first
    if (k >= this.n) return Number.NaN;
    const target = (inside ? prefix[j]! + (start - this.opens[j]!) : prefix[k]!) + ms;
    if (target > prefix[this.n]!) return Number.NaN;
    // First interval i >= k whose cumulative end prefix[i + 1] reaches the target: interval k itself for
    // a short budget, else from the index of open time, a step or two. Never before k: a zero budget
    // while closed waits for interval k.
    let i = k;
    if (prefix[k + 1]! < target) {
      i = this.#byOpen[Math.floor(target * PER_OPEN_BUCKET)]!;
      while (prefix[i + 1]! < target) i++;
      if (i < k) i = k;
    }
    return this.opens[i]! + (target - prefix[i]!);
  }

  /** `add` counting back (negative `ms`): the latest instant; gallop back, then bisect. */
  #addBack(start: number, ms: number, j: number, inside: boolean): number {
    const opens = this.opens;
    const prefix = this.prefix;
    if (j < 0) return Number.NaN;
    const target = (inside ? prefix[j]! + (start - opens[j]!) : prefix[j + 1]!) + ms;
    if (target < 0) return Number.NaN;
    // Last interval i <= j that opens at or before the target.
    let low = j;
    let high = j;
    for (let step = 1; low > 0 && prefix[low]! > target; step *= 2) {
      high = low - 1;
      low = Math.max(0, low - step);
    }
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (prefix[mid]! <= target) low = mid;
      else high = mid - 1;
    }
    return opens[low]! + (target - prefix[low]!);
  }

  /** Whether `t` lies in an open interval. */
  isOpen(t: number): boolean {
    const j = this.last(t);
    return j >= 0 && t < this.closes[j]!;
  }

  /** `t` when open, else the next opening; NaN when beyond the intervals held. */
  nextOpening(t: number): number {
    const j = this.last(t);
    if (j >= 0 && t < this.closes[j]!) return t;
    return j + 1 < this.n ? this.opens[j + 1]! : Number.NaN;
  }

  /**
   * The closing of the interval open at `t`, else of the next one; NaN when beyond the intervals held or
   * when it is the last interval's closing at or past `hi` (the next interval, not held, might touch it).
   */
  nextClosing(t: number): number {
    const j = this.last(t);
    const i = j >= 0 && t < this.closes[j]! ? j : j + 1;
    if (i >= this.n) return Number.NaN;
    const close = this.closes[i]!;
    return i === this.n - 1 && close >= this.hi ? Number.NaN : close;
  }
}

function isSorted(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) if (values[i]! < values[i - 1]!) return false;
  return true;
}
