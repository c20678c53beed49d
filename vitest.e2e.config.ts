import { defineConfig } from 'vitest/config';

// Browser tests: the built app served by `vite preview`, driven in Debian's Chromium through
// playwright-core. scripts/test.mjs finds or installs the browser and sets CHROMIUM_PATH.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
