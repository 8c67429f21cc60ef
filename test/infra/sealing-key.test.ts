import { rmSync } from 'node:fs';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEALING_CONTEXT } from '../../shared/auth/kms-data-keys.js';
import { synthStack } from '../support/synth.js';

type Statement = {
  Action: string | string[];
  Resource: unknown;
  Effect: string;
  Condition?: Record<string, Record<string, string>>;
};

const API = 'Supplyline REST API (Hono)';
const DISPATCHER = 'Turns Supplyline table changes into events: the feed, webhooks, stock alerts';
const RETRIES = 'Retries the Supplyline webhook deliveries that are due';
const SWEEPER = 'Expires Supplyline vouchers past validity and releases their reserved stock';

describe('the KMS key webhook signing secrets are sealed under', () => {
  let template: Template;
  let outdir: string;
  let keyId: string;

  const functionId = (description: string): string => {
    const found = Object.keys(
      template.findResources('AWS::Lambda::Function', { Properties: { Description: description } }),
    );
    expect(found).toHaveLength(1);
    return found[0] as string;
  };
  const statementsOf = (description: string): Statement[] => {
    const fn = template.toJSON().Resources[functionId(description)];
    const role = JSON.stringify({ Ref: fn.Properties.Role['Fn::GetAtt'][0] });
    return Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((policy) => (policy.Properties.Roles as unknown[]).some((ref) => JSON.stringify(ref) === role))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
  };
  // The KMS statements on the sealing key: the topics key's grants (publishing stock-alert
  // digests) are judged in alarm-topic-key.test.ts.
  const kmsStatementsOf = (description: string) =>
    statementsOf(description).filter(
      (s) =>
        [s.Action].flat().some((action) => action.startsWith('kms:')) &&
        JSON.stringify(s.Resource) === JSON.stringify({ 'Fn::GetAtt': [keyId, 'Arn'] }),
    );

  beforeAll(() => {
    ({ template, outdir } = synthStack({ bundle: false }));
    const keys = Object.entries(
      template.findResources('AWS::KMS::Key', {
        Properties: { Description: Match.stringLikeRegexp('seal webhook signing secrets') },
      }),
    );
    expect(keys).toHaveLength(1);
    keyId = (keys[0] as [string, unknown])[0];
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('is a key of its own, rotated yearly by KMS and retained when the stack goes', () => {
    template.hasResource('AWS::KMS::Key', {
      Properties: Match.objectLike({ EnableKeyRotation: true, KeySpec: Match.absent() }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('lets the API make and unwrap data keys, only on this key and only with the sealing context', () => {
    expect(kmsStatementsOf(API)).toEqual([
      {
        Effect: 'Allow',
        Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
        Resource: { 'Fn::GetAtt': [keyId, 'Arn'] },
        Condition: {
          StringEquals: {
            'kms:EncryptionContext:app': SEALING_CONTEXT.app,
            'kms:EncryptionContext:purpose': SEALING_CONTEXT.purpose,
          },
        },
      },
    ]);
  });

  it('lets the dispatcher unwrap only, the retry schedule seal too (secrets kept in clear before), and the sweeper nothing', () => {
    const grant = (actions: string | string[]) => ({
      Effect: 'Allow',
      Action: actions,
      Resource: { 'Fn::GetAtt': [keyId, 'Arn'] },
      Condition: { StringEquals: expect.any(Object) },
    });
    expect(kmsStatementsOf(DISPATCHER)).toEqual([grant('kms:Decrypt')]);
    expect(kmsStatementsOf(RETRIES)).toEqual([grant(['kms:GenerateDataKey', 'kms:Decrypt'])]);
    expect(kmsStatementsOf(SWEEPER)).toEqual([]);
  });

  it('names the key to every function that seals or opens, by its ARN', () => {
    for (const description of [API, DISPATCHER, RETRIES]) {
      const fn = template.toJSON().Resources[functionId(description)];
      expect(fn.Properties.Environment.Variables.SEALING_KEY_ARN, description).toEqual({
        'Fn::GetAtt': [keyId, 'Arn'],
      });
    }
  });
});
