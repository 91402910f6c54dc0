/** Sizes and durations of each mode. `large` is the database measured as `1m`. */
export interface Mode {
  small: number;
  large: number;
  loadSeconds: number;
  connections: number;
  warmup: number;
  calls: number;
  naiveRuns: number;
  ceilingSeconds: number;
  crashCycles: number;
  crashClients: number;
  firstQuestionRuns: number;
}

/**
 * full: the sizes (10k and 1,000,000 responses, 60 s of load); long, not run in CI.
 * quick: under three minutes on a 2-core machine, with a smaller database standing in for `1m`.
 */
export const MODES = {
  quick: {
    small: 10_000,
    large: 30_000,
    loadSeconds: 10,
    connections: 200,
    warmup: 5,
    calls: 30,
    naiveRuns: 1,
    ceilingSeconds: 4,
    crashCycles: 3,
    crashClients: 50,
    firstQuestionRuns: 3,
  },
  full: {
    small: 10_000,
    large: 1_000_000,
    loadSeconds: 60,
    connections: 200,
    warmup: 10,
    calls: 100,
    naiveRuns: 3,
    ceilingSeconds: 20,
    crashCycles: 10,
    crashClients: 100,
    firstQuestionRuns: 7,
  },
} as const satisfies Record<string, Mode>;
