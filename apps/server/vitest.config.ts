import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // These suites start the CLI as a child process and seed the whole demo (about 13 s alone); on two shared cores,
    // with the other packages' suites running beside them, that has taken over 30 s.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
