import { defineConfig } from 'vitest/config';

// SQLite and PostgreSQL suites run together: each test file opens its own in-memory SQLite database and its own
// PostgreSQL schema, so files stay parallel.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
