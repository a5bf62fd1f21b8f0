import { defineConfig } from 'vitest/config';

// Unit and integration tests. Browser tests live in test/browser and run via vitest.browser.config.ts.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    env: { TZ: 'Asia/Ho_Chi_Minh' },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
