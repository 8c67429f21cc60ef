import { defineConfig } from 'vitest/config';

// The AWS SDK warns on Node 20 in every worker; set here so globalSetup sees it too.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/reliability/**', 'node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores here: two workers keep DynamoDB Local and the tests from starving each other.
    maxWorkers: 2,
  },
});
