import { Duration, Stack } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction as LambdaTarget } from 'aws-cdk-lib/aws-events-targets';
import { type Function as LambdaFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type DeployedEnvironment, dispatcherEnvSchema } from '../shared/config/env.js';
import type { StackSettings } from './config.js';
import { createSupplylineFunction } from './functions.js';
import { dispatcherTableActions, grantTable } from './permissions.js';
import type { SealingKey } from './sealing-key.js';

/**
 * Events on AWS: the dispatcher, fed by the table's stream, stores each change's events in the
 * feed and delivers webhooks; the retry function, every minute, delivers what is due again. Both
 * time out within the two-minute lease a worker holds a subscription's queue by (deliver-webhooks.ts),
 * so no second worker takes a queue while the first still delivers it.
 */
export class SupplylineEvents extends Construct {
  readonly dispatcher: LambdaFunction;
  readonly retries: LambdaFunction;
  /** Where a stream batch goes when its retries are spent: its shard and sequence numbers, not the records. */
  readonly deadLetters: Queue;

  constructor(
    scope: Construct,
    id: string,
    props: { table: TableV2; alertTopic: ITopic; sealing: SealingKey; settings: StackSettings },
  ) {
    super(scope, id);
    const { table, alertTopic, sealing, settings } = props;
    const environment: DeployedEnvironment<typeof dispatcherEnvSchema> = {
      TABLE_NAME: table.tableName,
      BENEFICIARY_RETENTION_DAYS: String(settings.beneficiaryRetentionDays),
      LOG_LEVEL: 'info',
      WEBHOOK_URL_POLICY: 'public-https',
      ALERT_TOPIC_ARN: alertTopic.topicArn,
      METRICS_SERVICE: Stack.of(this).stackName,
      SEALING_KEY_ARN: sealing.key.keyArn,
    };

    this.dispatcher = createSupplylineFunction(this, 'DispatcherFunction', {
      entry: 'functions/dispatcher.ts',
      description: 'Turns Supplyline table changes into events: the feed, webhooks, stock alerts',
      envSchema: dispatcherEnvSchema,
      environment,
      memorySize: 512,
      timeout: Duration.seconds(90),
    });
    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.dispatcher.addEventSource(
      new DynamoEventSource(table, {
        // From the oldest record the stream keeps: a new or re-created mapping misses nothing.
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        // One batch per shard at a time: a record's events are delivered after the ones before it.
        parallelizationFactor: 1,
        // The handler names the first record that failed; Lambda retries from there, halving the batch.
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 10,
        // The stream keeps records 24 hours; past that there is nothing left to retry.
        maxRecordAge: Duration.hours(24),
        onFailure: new SqsDlq(this.deadLetters),
      }),
    );
    grantTable(this.dispatcher, table, dispatcherTableActions);
    alertTopic.grantPublish(this.dispatcher);
    // It signs deliveries with the stored secrets; it never seals one.
    sealing.grantOpen(this.dispatcher);

    this.retries = createSupplylineFunction(this, 'WebhookRetriesFunction', {
      entry: 'functions/webhook-retries.ts',
      description: 'Retries the Supplyline webhook deliveries that are due',
      envSchema: dispatcherEnvSchema,
      environment,
      memorySize: 256,
      timeout: Duration.seconds(90),
      // One pass at a time, so two passes never race each other for the same queues.
      reservedConcurrentExecutions: 1,
    });
    // A failed pass is the next minute's to redo, and a run throttled behind a slow pass waits at
    // most a minute before the next one replaces it.
    this.retries.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: Duration.minutes(1) });
    grantTable(this.retries, table, dispatcherTableActions);
    alertTopic.grantPublish(this.retries);
    // It signs retries, and seals once the secrets stored in clear before issue 24.
    sealing.grantSealAndOpen(this.retries);
    new Rule(this, 'RetrySchedule', {
      description: 'Retries due webhook deliveries',
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [new LambdaTarget(this.retries, { retryAttempts: 0 })],
    });
  }
}
