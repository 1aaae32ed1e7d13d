import { defineConfig } from 'vitest/config';

// One runner for every tier: unit, service (both stores), HTTP (inject), bus contract (both
// transports) and end-to-end (Chromium). PostgreSQL and NATS are used when the environment names
// them (WAAKZAAM_TEST_POSTGRES_URL, WAAKZAAM_TEST_NATS_URL); .ci/run always does.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
