import { defineConfig } from 'vitest/config';

// Benchmarks that need the test helpers (simulated machines): run with
//   npx vitest run --config bench/vitest.config.ts
// They print figures and assert no time.
export default defineConfig({
  test: { include: ['bench/**/*.bench-run.ts'], fileParallelism: false, testTimeout: 900_000, hookTimeout: 300_000 },
});
