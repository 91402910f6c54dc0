import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.e2e.ts'],
    globalSetup: ['src/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // One server and one browser story: files run one after another.
    fileParallelism: false,
    // A poll waits for a page to show what it must: the server may be busy a moment (publishing the waves that
    // closed, in the background), and on a loaded 2-core machine one second is not enough. Never a timing assertion.
    expect: { poll: { timeout: 15_000 } },
  },
});
