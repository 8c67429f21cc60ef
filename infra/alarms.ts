import { Duration, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Stats,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { TopicsKey } from './topics-key.js';

/**
 * The alarms someone on call needs, all to one SNS topic: the API failing (5xx rate), functions
 * erroring or throttled, DynamoDB throttling, and events falling behind or lost (the stream
 * consumer's iterator age, a batch in the dead-letter queue). Missing data is "not breaching": a
 * quiet night at the shelters is not an incident.
 *
 * The topic is encrypted with the stack's topics key, whose policy lets CloudWatch use it for
 * alarms named `<stack name>-...`; every alarm here is named so (a test checks the two agree).
 */
export class SupplylineAlarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(
    scope: Construct,
    id: string,
    targets: {
      api: HttpApi;
      functions: Record<string, IFunction>;
      /** The table stream's consumer (the dispatcher), and where its spent batches go. */
      streamConsumer: IFunction;
      deadLetters: IQueue;
      table: TableV2;
      alarmEmail: string | undefined;
      topicsKey: TopicsKey;
    },
  ) {
    super(scope, id);
    const alarmNamePrefix = `${Stack.of(this).stackName}-`;
    this.topic = new Topic(this, 'Topic', {
      displayName: 'Supplyline alarms',
      enforceSSL: true,
      masterKey: targets.topicsKey.key,
    });
    targets.topicsKey.letAlarmsPublish(this.topic, alarmNamePrefix);
    if (targets.alarmEmail !== undefined)
      this.topic.addSubscription(new EmailSubscription(targets.alarmEmail));
    const notify = new SnsAction(this.topic);
    const alarm = (
      name: string,
      metric: IMetric,
      threshold: number,
      description: string,
      // Two bad periods of three, unless one is already an incident.
      periods: { evaluationPeriods: number; datapointsToAlarm: number } = {
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
      },
    ) => {
      const created = new Alarm(this, name, {
        alarmName: `${alarmNamePrefix}${name}`,
        metric,
        threshold,
        ...periods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      created.addAlarmAction(notify);
      this.alarms.push(created);
      return created;
    };

    const period = Duration.minutes(5);
    alarm(
      'Api5xxRate',
      new MathExpression({
        expression: '100 * errors / MAX([requests, 1])',
        usingMetrics: {
          errors: targets.api.metricServerError({ period }),
          requests: targets.api.metricCount({ period }),
        },
        period,
        label: 'API 5xx %',
      }),
      5,
      'More than 5% of API requests failed with a 5xx.',
    );
    for (const [name, fn] of Object.entries(targets.functions)) {
      alarm(`${name}Errors`, fn.metricErrors({ period }), 1, `${name} function errors.`);
      alarm(
        `${name}Throttles`,
        fn.metricThrottles({ period }),
        1,
        `${name} function throttled (concurrency cap or account limit).`,
      );
    }
    alarm(
      'DispatcherIteratorAge',
      targets.streamConsumer.metric('IteratorAge', { period, statistic: Stats.MAXIMUM }),
      Duration.minutes(5).toMilliseconds(),
      'The dispatcher is 5 minutes or more behind the table stream: events, webhooks and stock alerts are late.',
    );
    alarm(
      'DeadLetters',
      targets.deadLetters.metricApproximateNumberOfMessagesVisible({ period, statistic: Stats.MAXIMUM }),
      1,
      'A table stream batch ran out of retries and is in the dead-letter queue: its events were never dispatched.',
      { evaluationPeriods: 1, datapointsToAlarm: 1 },
    );
    alarm(
      'TableThrottles',
      targets.table.metricThrottledRequestsForOperations({
        // The operations the functions call (an alarm's math may sum at most ten metrics).
        operations: [
          Operation.GET_ITEM,
          Operation.BATCH_GET_ITEM,
          Operation.QUERY,
          Operation.PUT_ITEM,
          Operation.UPDATE_ITEM,
          Operation.DELETE_ITEM,
          Operation.TRANSACT_WRITE_ITEMS,
          Operation.BATCH_WRITE_ITEM,
        ],
        period,
      }),
      1,
      'DynamoDB throttled requests on the Supplyline table.',
    );
  }
}
