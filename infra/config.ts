import type { Construct } from 'constructs';
import { z } from 'zod';
import { tableEnvSchema } from '../shared/config/env.js';

/**
 * Deployment settings, from CDK context (`cdk.json` or `-c key=value`), each with a default that
 * suits a small NGO account. Parsed in one place, by zod, so the stack's choices are visible
 * together and a value that makes no sense stops the synth instead of deploying something else:
 * `-c apiConcurrency=abc` once became reserved concurrency 0, which disables the API.
 */
const settings = {
  apiConcurrency: {
    schema: z.coerce.number().int().min(1).max(10_000).optional(),
    expected:
      'a whole number of at least 1 (the reserved concurrency of the API function), or leave it unset',
    example: '50',
  },
  throttleRate: {
    schema: z.coerce.number().positive().default(50),
    expected: 'a number of requests per second above 0',
    example: '50',
  },
  throttleBurst: {
    schema: z.coerce.number().int().min(1).default(100),
    expected: 'a whole number of requests of at least 1',
    example: '100',
  },
  corsOrigins: {
    /** Comma-separated on the command line; a list in cdk.json. */
    schema: z
      .union([
        z.string().transform((value) => value.split(',').map((origin) => origin.trim())),
        z.array(z.string()),
      ])
      .pipe(z.array(z.string().regex(/^(\*|https?:\/\/[^/\s]+)$/, 'not an origin')).min(1))
      .default(['*']),
    expected: 'comma-separated origins such as https://app.example.org, or *',
    example: 'https://app.example.org',
  },
  alarmEmail: {
    schema: z.email().optional(),
    expected: 'an email address for alarm notifications',
    example: 'ops@example.org',
  },
  stockAlertEmails: {
    /** Comma-separated on the command line; a list in cdk.json. The same address twice is one subscription. */
    schema: z
      .union([
        z.string().transform((value) =>
          value
            .split(',')
            .map((email) => email.trim())
            .filter((email) => email !== ''),
        ),
        z.array(z.string()),
      ])
      .pipe(z.array(z.email({ error: (issue) => `${JSON.stringify(issue.input)} is not an email address` })))
      .transform((emails) => [...new Set(emails)])
      .default([]),
    expected: 'comma-separated email addresses for stock alerts (a list in cdk.json), or leave it unset',
    example: 'logistics@example.org,lead@example.org',
  },
  beneficiaryRetentionDays: {
    // The same rule the functions apply to BENEFICIARY_RETENTION_DAYS, so a synth refuses what they would.
    schema: tableEnvSchema.shape.BENEFICIARY_RETENTION_DAYS,
    expected: 'a number of days from 0 to 3650',
    example: '30',
  },
};

type SettingName = keyof typeof settings;
const names = Object.keys(settings) as SettingName[];
const contextSchema = z.object(
  Object.fromEntries(names.map((name) => [name, settings[name].schema])) as {
    [K in SettingName]: (typeof settings)[K]['schema'];
  },
);

export type StackSettings = z.infer<typeof contextSchema>;

/** A context setting that makes no sense: the message says which, and what to pass instead. */
export class InvalidContextError extends Error {
  override readonly name = 'InvalidContextError';
}

export function readSettings(scope: Construct): StackSettings {
  const context = Object.fromEntries(names.map((name) => [name, scope.node.tryGetContext(name) as unknown]));
  const parsed = contextSchema.safeParse(context);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = issue.path[0] as SettingName;
    const { expected, example } = settings[name];
    return `CDK context "${name}" is ${JSON.stringify(context[name])} (${issue.message}): pass ${expected}, e.g. -c ${name}=${example}.`;
  });
  throw new InvalidContextError(problems.join('\n'));
}
