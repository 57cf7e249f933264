import { defineConfig } from 'vitest/config';

// Integration tests share the kernel (rtnl_lock, /run/netns), so files run one
// at a time; the unit tests are fast enough that this costs little.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
