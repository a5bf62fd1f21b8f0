import { defineConfig } from 'vitest/config';

// Browser tests: real headless Chromium (/usr/bin/chromium) driven by playwright-core.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    env: { TZ: 'Asia/Ho_Chi_Minh' },
    testTimeout: 300_000,
    hookTimeout: 600_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
