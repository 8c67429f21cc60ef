import { defineConfig } from 'vitest/config';

// The AWS SDK warns on Node 20 in every worker; set here so globalSetup sees it too.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** Browser tests: the real server on a free port, driven through Debian's Chromium. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One browser file at a time: with two, Chromium, the server and DynamoDB Local shared two
    // cores, and a phone's first screens now and then waited past 30 s (seen in full runs only;
    // every such file passed alone). One worker costs a few minutes of CI.
    maxWorkers: 1,
  },
});
