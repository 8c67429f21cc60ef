import { rmSync } from 'node:fs';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthStack } from '../support/synth.js';

type Statement = { Action: string | string[]; Resource: unknown; Effect: string };

describe('the CDK stack', () => {
  let template: Template;
  let outdir: string;

  beforeAll(() => {
    ({ template, outdir } = synthStack({
      bundle: false,
      context: { apiConcurrency: 25, alarmEmail: 'ops@example.org' },
    }));
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('keeps the table safe: on-demand, point-in-time recovery, deletion protection, TTL, retained, streamed', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
        // The event source: every change with its old and new images.
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          Match.objectLike({ IndexName: 'gsi1' }),
          Match.objectLike({ IndexName: 'gsi2' }),
        ],
        Replicas: [
          Match.objectLike({
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      }),
    });
  });

  it('runs every function on arm64 Node 22, the API with its concurrency cap and typed environment', () => {
    const functions = template.findResources('AWS::Lambda::Function');
    // The CDK custom-resource provider framework brings a function of its own; the rest are ours.
    const ours = Object.values(functions).filter(
      (f) => !String(f.Properties.Description ?? '').includes('provider framework'),
    );
    expect(ours.length).toBe(5);
    for (const fn of ours) {
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
    }
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Supplyline REST API (Hono)',
      MemorySize: 1024,
      Timeout: 10,
      ReservedConcurrentExecutions: 25,
      Environment: {
        Variables: Match.objectLike({
          TABLE_NAME: Match.anyValue(),
          SECRETS_ARN: Match.anyValue(),
          NODE_OPTIONS: '--enable-source-maps',
        }),
      },
    });
  });

  it('grants DynamoDB actions one by one, on this table and its named indexes only', () => {
    const policies = template.findResources('AWS::IAM::Policy');
    const statements = Object.values(policies).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as Statement[],
    );
    const dynamo = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('dynamodb:')));
    // The API, the sweeper, the dispatcher and the retry schedule; stream reads are the event source's.
    const tableStatements = dynamo.filter((s) => !JSON.stringify(s.Resource).includes('StreamArn'));
    expect(tableStatements.length).toBe(4);
    for (const statement of tableStatements) {
      for (const action of [statement.Action].flat()) expect(action).not.toContain('*');
      const resources = JSON.stringify(statement.Resource);
      expect(resources).toContain('TableCD117FA1');
      expect(resources).toContain('/index/gsi1');
      expect(resources).toContain('/index/gsi2');
      expect(resources).not.toContain('/index/*');
    }
    const apiActions = [
      tableStatements.find((s) => [s.Action].flat().includes('dynamodb:BatchGetItem'))?.Action,
    ]
      .flat()
      .sort();
    expect(apiActions).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
    for (const statement of statements) {
      for (const action of [statement.Action].flat())
        expect(action === '*' || action.endsWith(':*')).toBe(false);
    }
  });

  it('throttles the HTTP API and writes access logs without source IPs', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0];
    expect(JSON.stringify(stage?.Properties.AccessLogSettings.Format)).not.toContain('sourceIp');
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowHeaders: Match.arrayWith(['idempotency-key']) }),
    });
  });

  it('sweeps vouchers every 15 minutes', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(15 minutes)',
      State: 'ENABLED',
    });
  });

  it('alarms on API 5xx rate, function errors and throttles, DynamoDB throttles and events, to one SNS topic', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    // 5xx rate; errors and throttles of 4 functions; table throttles; iterator age; dead letters.
    expect(alarms).toHaveLength(12);
    for (const alarm of alarms)
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: expect.stringMatching(/^AlarmsTopic/) }]);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.org',
    });
  });

  it('keeps keys in a retained Secrets Manager secret, filled by a custom resource, readable by the API only', () => {
    template.hasResource('AWS::SecretsManager::Secret', { DeletionPolicy: 'Retain' });
    template.resourceCountIs('AWS::CloudFormation::CustomResource', 1);
  });

  it('outputs the API URL and the table name', () => {
    const outputs = template.findOutputs('*');
    expect(Object.keys(outputs)).toEqual(expect.arrayContaining(['ApiUrl', 'TableName', 'SecretArn']));
  });
});
