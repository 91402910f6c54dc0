import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The last id's time and random digits (0–31 each), so that ids made within one millisecond still sort in order. */
let last: { time: number; random: number[] } | null = null;

/**
 * A ULID-shaped id: 48 bits of milliseconds then 80 random bits, 26 Crockford base-32 characters. Ids sort by
 * creation time, so recent rows stay together in indexes and rows created at one instant (two replies, a batch) list
 * in the order they were made: within one millisecond the random part of the previous id is incremented (ULID's
 * monotonic mode). Repositories take `newId` as an argument; this is the default.
 */
export function newId(now: number = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const random = last?.time === now ? increment(last.random) : fresh();
  last = { time: now, random };
  return time + random.map((d) => CROCKFORD[d]).join('');
}

function fresh(): number[] {
  return [...randomBytes(16)].map((b) => b % 32);
}

/** The next random part; on the (80-bit) overflow a fresh one, which may then sort before. */
function increment(digits: readonly number[]): number[] {
  const next = [...digits];
  for (let i = next.length - 1; i >= 0; i--) {
    if (next[i]! < 31) {
      next[i] = next[i]! + 1;
      return next;
    }
    next[i] = 0;
  }
  return fresh();
}
