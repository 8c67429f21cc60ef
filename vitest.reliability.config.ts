import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// The AWS SDK warns on Node 20 in every worker; set here so globalSetup sees it too.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
// Every test file saves the log lines it captured here; the last group checks them all for personal
// data, and the global teardown deletes the folder.
process.env.RELIABILITY_LOG_DIR ??= join(
  tmpdir(),
  `supplyline-reliability-logs-${process.pid}-${Date.now()}`,
);

const shared = {
  globalSetup: ['test/reliability/global-setup.ts'],
  testTimeout: 180_000,
  hookTimeout: 120_000,
};

/** `npm run test:reliability`: faults, a database crash, a model, fuzzing, access control, log privacy. */
export default defineConfig({
  test: {
    // Two cores here: two workers keep DynamoDB Local and the tests from starving each other.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          ...shared,
          name: 'reliability',
          include: ['test/reliability/**/*.test.ts'],
          exclude: ['test/reliability/log-privacy.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: 'log-privacy',
          include: ['test/reliability/log-privacy.test.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
