import { defineConfig } from 'vitest/config';

// SQLite and PostgreSQL suites run together: each test file opens its own in-memory SQLite database and its own
// PostgreSQL schema, so files stay parallel.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    // Set-up seeds the demo on PostgreSQL beside every other file's work: on a loaded 2-core machine that has taken
    // more than 30 s. A set-up waits for its data, it does not measure time (benchmarks do).
    hookTimeout: 120_000,
  },
});
