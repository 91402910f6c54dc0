import { createRandom } from '@facets/domain';

// The generator's seeded streams, drawn with @facets/domain createRandom (the demo's generator too): the same seed
// gives the same organisation, answers and ids on every machine, so two runs of the benchmark measure the same data.

/** A seed derived from a base seed and a name, so each stream (a wave, the ids) is independent of the others. */
export function seedOf(base: number, name: string): number {
  let h = base ^ 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Ids shaped like production's (@facets/db newId: 48 bits of milliseconds, then 80 random bits, Crockford base 32), so
 * indexes grow as they would in production, but drawn from a seeded stream so that runs are reproducible.
 */
export function seededIds(seed: number): (timeMs: number) => string {
  const random = createRandom(seed);
  return (timeMs) => {
    let time = '';
    let t = timeMs;
    for (let i = 0; i < 10; i++) {
      time = CROCKFORD[t % 32] + time;
      t = Math.floor(t / 32);
    }
    let tail = '';
    for (let i = 0; i < 16; i++) tail += CROCKFORD[Math.floor(random.next() * 32)];
    return time + tail;
  };
}
