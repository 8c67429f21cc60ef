import type { Construct } from 'constructs';

/**
 * Deployment settings, from CDK context (`cdk.json` or `-c key=value`), each with a default that
 * suits a small NGO account. Read in one place so the stack's choices are visible together.
 */
export interface StackSettings {
  /** Reserved concurrency cap for the API function; unset leaves the account pool shared. */
  apiConcurrency: number | undefined;
  /** HTTP API throttling: steady requests per second and burst. */
  throttleRate: number;
  throttleBurst: number;
  /** Origins allowed to call the API from a browser (the app's own pages need none). */
  corsOrigins: string[];
  /** Where alarm notifications go; unset creates the topic without a subscription. */
  alarmEmail: string | undefined;
  beneficiaryRetentionDays: number;
}

function numberOr(value: unknown, fallback: number): number {
  const parsed = Number(value);
  return value === undefined || Number.isNaN(parsed) ? fallback : parsed;
}

export function readSettings(scope: Construct): StackSettings {
  const context = (key: string) => scope.node.tryGetContext(key) as unknown;
  const concurrency = context('apiConcurrency');
  const origins = context('corsOrigins');
  return {
    apiConcurrency: concurrency === undefined ? undefined : numberOr(concurrency, 0),
    throttleRate: numberOr(context('throttleRate'), 50),
    throttleBurst: numberOr(context('throttleBurst'), 100),
    corsOrigins: typeof origins === 'string' ? origins.split(',').map((o) => o.trim()) : ['*'],
    alarmEmail: typeof context('alarmEmail') === 'string' ? (context('alarmEmail') as string) : undefined,
    beneficiaryRetentionDays: numberOr(context('beneficiaryRetentionDays'), 30),
  };
}
