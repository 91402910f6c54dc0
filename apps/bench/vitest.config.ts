import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The crash test starts and kills a real server several times, while the rest of the suite shares two cores.
    testTimeout: 240_000,
    hookTimeout: 60_000,
  },
});
