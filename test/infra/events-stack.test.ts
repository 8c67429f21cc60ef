import { rmSync } from 'node:fs';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthStack } from '../support/synth.js';

type Statement = { Action: string | string[]; Resource: unknown; Effect: string };
type Resource = {
  Properties: Record<string, unknown> & { Environment?: { Variables: Record<string, unknown> } };
};

const DISPATCHER = 'Turns Supplyline table changes into events: the feed, webhooks, stock alerts';
const RETRIES = 'Retries the Supplyline webhook deliveries that are due';

describe('events on AWS: the dispatcher, the retry schedule, the stock-alert topic', () => {
  let template: Template;
  let outdir: string;

  const functionNamed = (description: string): [string, Resource] => {
    const found = Object.entries(
      template.findResources('AWS::Lambda::Function', { Properties: { Description: description } }),
    );
    expect(found).toHaveLength(1);
    return found[0] as [string, Resource];
  };
  /** The statements of the policy on a function's role. */
  const statementsOf = (functionId: string): Statement[] => {
    const role = (template.toJSON().Resources[functionId].Properties.Role as { 'Fn::GetAtt': [string] })[
      'Fn::GetAtt'
    ][0];
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((policy) =>
      (policy.Properties.Roles as unknown[]).some(
        (ref) => JSON.stringify(ref) === JSON.stringify({ Ref: role }),
      ),
    );
    expect(policies).toHaveLength(1);
    return policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
  };

  beforeAll(() => {
    ({ template, outdir } = synthStack({
      bundle: false,
      context: { stockAlertEmails: 'logistics@example.org, lead@example.org' },
    }));
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('feeds the dispatcher the table stream in order, from the oldest record, reporting the record that failed', () => {
    const [dispatcherId] = functionNamed(DISPATCHER);
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: dispatcherId },
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Table'), 'StreamArn'] },
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 1,
      ParallelizationFactor: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      MaximumRecordAgeInSeconds: 24 * 3600,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^EventsDeadLetters'), 'Arn'] } },
      },
    });
  });

  it('keeps spent stream batches 14 days in an encrypted dead-letter queue that refuses plain HTTP', () => {
    template.resourceCountIs('AWS::SQS::Queue', 1);
    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 86_400,
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('retries due webhook deliveries every minute, one pass at a time, without retries of its own', () => {
    const [retriesId, retries] = functionNamed(RETRIES);
    expect(retries.Properties.ReservedConcurrentExecutions).toBe(1);
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [retriesId, 'Arn'] } })],
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: retriesId },
      MaximumRetryAttempts: 0,
      MaximumEventAgeInSeconds: 60,
    });
  });

  it('times both out within the two-minute lease on a subscription queue', () => {
    for (const description of [DISPATCHER, RETRIES]) {
      const [, fn] = functionNamed(description);
      expect(fn.Properties.Timeout).toBeLessThanOrEqual(120);
    }
  });

  it('hands both the table, the public-https webhook policy and the stock-alert topic', () => {
    for (const description of [DISPATCHER, RETRIES]) {
      const [, fn] = functionNamed(description);
      expect(fn.Properties.Environment?.Variables).toEqual(
        expect.objectContaining({
          TABLE_NAME: { Ref: expect.stringMatching(/^Table/) },
          WEBHOOK_URL_POLICY: 'public-https',
          ALERT_TOPIC_ARN: { Ref: expect.stringMatching(/^StockAlertsTopic/) },
          BENEFICIARY_RETENTION_DAYS: '30',
          LOG_LEVEL: 'info',
        }),
      );
    }
    const [, api] = functionNamed('Supplyline REST API (Hono)');
    expect(api.Properties.Environment?.Variables.WEBHOOK_URL_POLICY).toBe('public-https');
    // The API reads the topic's subscriptions (who the digests reach), and may not publish.
    expect(api.Properties.Environment?.Variables.ALERT_TOPIC_ARN).toEqual({
      Ref: expect.stringMatching(/^StockAlertsTopic/),
    });
  });

  it('grants both exactly the table actions their code calls, and publishing to the stock-alert topic only', () => {
    for (const description of [DISPATCHER, RETRIES]) {
      const [id] = functionNamed(description);
      const statements = statementsOf(id);
      // One wildcard, as AWS documents it for publishers to an encrypted topic: on the topics key only.
      for (const statement of statements)
        for (const action of [statement.Action].flat())
          if (action !== 'kms:GenerateDataKey*') expect(action).not.toContain('*');
      const kms = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('kms:')));
      const keyOf = (s: (typeof kms)[number]) => JSON.stringify(s.Resource);
      // Publishing digests needs the topics key; opening webhook secrets, the sealing key (its
      // own grant and conditions are tested in sealing-key.test.ts). No other key.
      expect(kms.filter((s) => keyOf(s).includes('TopicsKey'))).toEqual([
        expect.objectContaining({ Resource: { 'Fn::GetAtt': [expect.stringMatching(/^TopicsKey/), 'Arn'] } }),
      ]);
      for (const statement of kms) expect(keyOf(statement)).toMatch(/"(TopicsKey|SealingKey)/);
      const onTable = statements.filter((s) => JSON.stringify(s.Resource).includes('"Arn"]'));
      const tableActions = onTable
        .filter((s) => JSON.stringify(s.Resource).includes('/index/gsi1'))
        .flatMap((s) => [s.Action].flat());
      // What dispatch-events.ts, deliver-webhooks.ts and stock-alerts.ts call through their stores.
      expect(tableActions.sort()).toEqual([
        'dynamodb:BatchGetItem',
        'dynamodb:ConditionCheckItem',
        'dynamodb:DeleteItem',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
        'dynamodb:UpdateItem',
      ]);
      const publish = statements.filter((s) => [s.Action].flat().includes('sns:Publish'));
      expect(publish).toEqual([
        expect.objectContaining({ Resource: { Ref: expect.stringMatching(/^StockAlertsTopic/) } }),
      ]);
    }
  });

  it('lets the API list the stock-alert topic’s subscriptions, and nothing else of SNS', () => {
    const [apiId] = functionNamed('Supplyline REST API (Hono)');
    const sns = statementsOf(apiId).filter((s) => [s.Action].flat().some((a) => a.startsWith('sns:')));
    expect(sns).toEqual([
      expect.objectContaining({
        Action: 'sns:ListSubscriptionsByTopic',
        Resource: { Ref: expect.stringMatching(/^StockAlertsTopic/) },
      }),
    ]);
  });

  it('lets only the dispatcher read the stream, and send to its dead-letter queue, on those two resources alone', () => {
    const [dispatcherId] = functionNamed(DISPATCHER);
    const [retriesId] = functionNamed(RETRIES);
    const streamActions = statementsOf(dispatcherId)
      .filter((s) => JSON.stringify(s.Resource).includes('StreamArn'))
      .flatMap((s) => [s.Action].flat());
    expect(streamActions.sort()).toEqual([
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'dynamodb:ListStreams',
    ]);
    const sqs = statementsOf(dispatcherId).filter((s) => [s.Action].flat().some((a) => a.startsWith('sqs:')));
    expect(sqs).toEqual([
      expect.objectContaining({
        Resource: { 'Fn::GetAtt': [expect.stringMatching(/^EventsDeadLetters/), 'Arn'] },
      }),
    ]);
    expect(JSON.stringify(statementsOf(retriesId))).not.toMatch(/StreamArn|sqs:/);
  });

  it('alarms when the dispatcher falls 5 minutes behind, and on the first dead letter', () => {
    const [dispatcherId] = functionNamed(DISPATCHER);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'IteratorAge',
      Namespace: 'AWS/Lambda',
      Statistic: 'Maximum',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: dispatcherId } }],
      Threshold: 5 * 60_000,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [{ Ref: Match.stringLikeRegexp('^AlarmsTopic') }],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Statistic: 'Maximum',
      Dimensions: [
        {
          Name: 'QueueName',
          Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^EventsDeadLetters'), 'QueueName'] },
        },
      ],
      Threshold: 1,
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      AlarmActions: [{ Ref: Match.stringLikeRegexp('^AlarmsTopic') }],
    });
    for (const description of [DISPATCHER, RETRIES]) {
      const [id] = functionNamed(description);
      for (const metric of ['Errors', 'Throttles'])
        template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          MetricName: metric,
          Dimensions: [{ Name: 'FunctionName', Value: { Ref: id } }],
        });
    }
  });

  it('mails stock alerts to the stockAlertEmails addresses from a topic of their own, encrypted with the topics key and TLS only', () => {
    template.hasResourceProperties('AWS::SNS::Topic', {
      DisplayName: 'Supplyline stock alerts',
      KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TopicsKey'), 'Arn'] },
    });
    const topicRef = { Ref: Match.stringLikeRegexp('^StockAlertsTopic') };
    for (const email of ['logistics@example.org', 'lead@example.org'])
      template.hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'email',
        Endpoint: email,
        TopicArn: topicRef,
      });
    template.resourceCountIs('AWS::SNS::Subscription', 2);
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [topicRef],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    expect(template.findOutputs('StockAlertTopicArn').StockAlertTopicArn?.Value).toEqual({
      Ref: expect.stringMatching(/^StockAlertsTopic/),
    });
  });
});
