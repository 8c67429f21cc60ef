/**
 * Every metric Supplyline emits, in one list: the code that records them names them from here
 * (a misspelt name does not compile) and so does the CDK dashboard (infra/dashboard.ts), so a
 * metric renamed here is renamed on the dashboard with it.
 *
 * All of them live in one namespace and carry one dimension, `service`: the stack's name when
 * deployed, `local` under `npm start` and in tests. Two stacks in one account (a staging and a
 * production) never mix, and the number of series stays small: no metric is split by shelter,
 * device, key or voucher. `Refusals` alone carries a second dimension, the problem type, whose
 * values are the API's error codes (a closed list of about thirty).
 *
 * `service` is Powertools for AWS Lambda's Metrics' default dimension: the lines are written by
 * Powertools (powertools-sink.ts), which sets it from the service name it is given.
 */
export const METRICS_NAMESPACE = 'Supplyline';
export const SERVICE_DIMENSION = 'service';
export const PROBLEM_TYPE_DIMENSION = 'ProblemType';

/** `count`: summed over a unit of work. `age`: milliseconds, the largest seen in a unit of work. */
type MetricKind = 'count' | 'age';

interface MetricDefinition {
  kind: MetricKind;
  /** The one extra dimension the metric is split by, if any. */
  dimension?: typeof PROBLEM_TYPE_DIMENSION;
}

export const metricCatalogue = {
  /** Vouchers redeemed at a desk online (POST /v1/redemptions); replays not counted. */
  RedemptionsOnline: { kind: 'count' },
  /** Offline handovers booked as redemptions when their device synced; replays not counted. */
  RedemptionsSynced: { kind: 'count' },
  /** Offline records received by device syncs, replays included. */
  SyncRecords: { kind: 'count' },
  /** Offline records that became a conflict for a logistics lead to resolve. */
  SyncConflicts: { kind: 'count' },
  /** Offline records refused with nothing stored (a bad signature, a wrong pickup point). */
  SyncRejected: { kind: 'count' },
  /** API answers 4xx, by problem type (voucher-expired, validation, unauthenticated, ...). */
  Refusals: { kind: 'count', dimension: PROBLEM_TYPE_DIMENSION },
  /** Events stored in the feed for the first time (a stream record read again adds none). */
  EventsDispatched: { kind: 'count' },
  /** How long after its change the oldest record of a dispatched batch was dispatched. */
  StreamIteratorAge: { kind: 'age' },
  /** Webhook deliveries a receiver accepted (2xx). */
  WebhookDeliveries: { kind: 'count' },
  /** Webhook delivery attempts that failed (each is retried on its schedule). */
  WebhookDeliveriesFailed: { kind: 'count' },
  /** Webhook subscriptions disabled after 24 hours of failed deliveries. */
  WebhooksDisabled: { kind: 'count' },
  /** Age of the oldest webhook delivery still queued, as the retry pass found the queues. */
  OldestUndeliveredAge: { kind: 'age' },
} as const satisfies Record<string, MetricDefinition>;

export type MetricName = keyof typeof metricCatalogue;
type Catalogue = typeof metricCatalogue;
/** Counts with no dimension but `service`. */
export type CountMetric = {
  [K in MetricName]: Catalogue[K] extends { kind: 'count' }
    ? Catalogue[K] extends { dimension: string }
      ? never
      : K
    : never;
}[MetricName];
/** Counts split by their extra dimension. */
export type DimensionedCountMetric = {
  [K in MetricName]: Catalogue[K] extends { kind: 'count'; dimension: string } ? K : never;
}[MetricName];
export type AgeMetric = { [K in MetricName]: Catalogue[K] extends { kind: 'age' } ? K : never }[MetricName];

/** The CloudWatch unit a metric is published in. */
export function unitOf(name: MetricName): 'Count' | 'Milliseconds' {
  return metricCatalogue[name].kind === 'count' ? 'Count' : 'Milliseconds';
}
