import { rmSync } from 'node:fs';
import type { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allows, type Deployment, type PolicyStatement, resolve } from '../support/policy-check.js';
import { synthStack } from '../support/synth.js';

type Resource = { Type: string; Properties: Record<string, unknown> };

const deployment: Deployment = { partition: 'aws', region: 'ap-southeast-1', account: '111122223333' };
const cloudWatch = { Service: 'cloudwatch.amazonaws.com' };
const alarmArn = (name: string, account = deployment.account) =>
  `arn:aws:cloudwatch:${deployment.region}:${account}:alarm:${name}`;
/** CloudWatch acting for an alarm, as KMS and SNS see the request. */
const asAlarm = (action: string, name: string, account = deployment.account) => ({
  principal: cloudWatch,
  action,
  context: { 'aws:SourceArn': alarmArn(name, account), 'aws:SourceAccount': account },
});

describe('alarms that arrive: the topics under a customer-managed key CloudWatch may use', () => {
  let template: Template;
  let outdir: string;
  let resources: Record<string, Resource>;

  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  const topicNamed = (displayName: string): string => {
    const found = ofType('AWS::SNS::Topic').filter(([, t]) => t.Properties.DisplayName === displayName);
    expect(found).toHaveLength(1);
    return found[0]?.[0] ?? '';
  };
  // The stack has a second key, for sealing secrets (infra/sealing-key.ts): this one is the topics'.
  const topicsKeys = () => ofType('AWS::KMS::Key').filter(([id]) => id.startsWith('TopicsKey'));
  const keyStatements = (): PolicyStatement[] => {
    const [, key] = topicsKeys()[0] as [string, Resource];
    return (key.Properties.KeyPolicy as { Statement: PolicyStatement[] }).Statement;
  };
  const topicPolicyStatements = (topicId: string): PolicyStatement[] =>
    ofType('AWS::SNS::TopicPolicy')
      .filter(([, p]) => JSON.stringify(p.Properties.Topics) === JSON.stringify([{ Ref: topicId }]))
      .flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: PolicyStatement[] }).Statement);
  const alarmNames = () => ofType('AWS::CloudWatch::Alarm').map(([, a]) => String(a.Properties.AlarmName));

  beforeAll(() => {
    ({ template, outdir } = synthStack({ bundle: false, context: { alarmEmail: 'ops@example.org' } }));
    resources = template.toJSON().Resources as Record<string, Resource>;
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('encrypts the alarm and stock-alert topics with one customer-managed key that rotates, never alias/aws/sns', () => {
    const keys = topicsKeys();
    expect(keys).toHaveLength(1);
    const [keyId, key] = keys[0] as [string, Resource];
    expect(key.Properties.EnableKeyRotation).toBe(true);
    for (const displayName of ['Supplyline alarms', 'Supplyline stock alerts']) {
      const topic = resources[topicNamed(displayName)];
      expect(topic?.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    }
    expect(JSON.stringify(template.toJSON())).not.toContain('alias/aws/sns');
  });

  it('lets CloudWatch encrypt with the key for every alarm of this stack, as KMS would judge the request', () => {
    const names = alarmNames();
    expect(names).toHaveLength(12);
    for (const name of names)
      for (const action of ['kms:GenerateDataKey', 'kms:Decrypt'])
        expect(
          keyStatements().some((s) => allows(s, asAlarm(action, name), deployment)),
          `${action} for ${name}`,
        ).toBe(true);
  });

  it('does not let CloudWatch use the key for another stack’s alarm, another account’s, or for anything else', () => {
    const refused = [
      asAlarm('kms:GenerateDataKey', 'OtherStack-Api5xxRate'),
      asAlarm('kms:GenerateDataKey', 'Supplyline-Api5xxRate', '444455556666'),
      asAlarm('kms:ScheduleKeyDeletion', 'Supplyline-Api5xxRate'),
      asAlarm('kms:Encrypt', 'Supplyline-Api5xxRate'),
    ];
    for (const request of refused)
      expect(keyStatements().some((s) => allows(s, request, deployment))).toBe(false);
    // Besides the account's own administration of its key, CloudWatch is the only principal named.
    const principals = keyStatements().map((s) => JSON.stringify(resolve(s.Principal, deployment)));
    expect(principals.sort()).toEqual(
      [JSON.stringify({ AWS: 'arn:aws:iam::111122223333:root' }), JSON.stringify(cloudWatch)].sort(),
    );
  });

  it('lets this stack’s alarms, and only them, publish to the alarm topic, and keeps refusing plain HTTP', () => {
    const statements = topicPolicyStatements(topicNamed('Supplyline alarms'));
    for (const name of alarmNames())
      expect(statements.some((s) => allows(s, asAlarm('sns:Publish', name), deployment))).toBe(true);
    expect(statements.some((s) => allows(s, asAlarm('sns:Publish', 'OtherStack-X'), deployment))).toBe(false);
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  it('does not let CloudWatch publish to the stock-alert topic: those are for logistics leads, from the functions', () => {
    const statements = topicPolicyStatements(topicNamed('Supplyline stock alerts'));
    expect(
      statements.some((s) => allows(s, asAlarm('sns:Publish', 'Supplyline-Api5xxRate'), deployment)),
    ).toBe(false);
  });

  it('sends every alarm to the alarm topic', () => {
    const topic = topicNamed('Supplyline alarms');
    for (const [, alarm] of ofType('AWS::CloudWatch::Alarm'))
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topic }]);
  });

  it('lets the stock-alert publishers use the key through their roles, on that key alone', () => {
    const [keyId] = topicsKeys()[0] as [string, Resource];
    const statements = ofType('AWS::IAM::Policy').flatMap(
      ([, p]) => (p.Properties.PolicyDocument as { Statement: PolicyStatement[] }).Statement,
    );
    const kms = statements.filter(
      (s) =>
        [s.Action].flat().some((a) => a.startsWith('kms:')) &&
        JSON.stringify(s.Resource) === JSON.stringify({ 'Fn::GetAtt': [keyId, 'Arn'] }),
    );
    // The dispatcher and the retry schedule, which publish stock-alert digests.
    expect(kms).toHaveLength(2);
    for (const statement of kms) {
      expect([statement.Action].flat().sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey*']);
      expect(statement.Resource).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    }
  });
});

describe('a second deployment of the stack in the same account', () => {
  it('names its alarms after itself, so its key serves its own alarms and not the other stack’s', () => {
    const { template, outdir } = synthStack({ bundle: false, stackName: 'Supplyline-staging' });
    try {
      const resources = template.toJSON().Resources as Record<string, Resource>;
      const [, key] = Object.entries(resources).find(
        ([id, r]) => r.Type === 'AWS::KMS::Key' && id.startsWith('TopicsKey'),
      ) as [string, Resource];
      const statements = (key.Properties.KeyPolicy as { Statement: PolicyStatement[] }).Statement;
      const names = Object.values(resources)
        .filter((r) => r.Type === 'AWS::CloudWatch::Alarm')
        .map((a) => String(a.Properties.AlarmName));
      for (const name of names) {
        expect(name).toMatch(/^Supplyline-staging-/);
        expect(statements.some((s) => allows(s, asAlarm('kms:GenerateDataKey', name), deployment))).toBe(
          true,
        );
      }
      expect(
        statements.some((s) =>
          allows(s, asAlarm('kms:GenerateDataKey', 'Supplyline-Api5xxRate'), deployment),
        ),
      ).toBe(false);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
