import { RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { SEALING_CONTEXT } from '../shared/auth/kms-data-keys.js';

/**
 * The KMS key that wraps the data keys webhook signing secrets (and the answers that carry them
 * for idempotent replays) are sealed with (shared/auth/secret-sealer.ts). A key of its own, apart
 * from the secrets document: the table's backups hold only sealed secrets, and each use of the key
 * is in CloudTrail. Rotated yearly by KMS (old versions keep decrypting what they wrapped);
 * retained on stack deletion, as without it no stored signing secret can be opened.
 *
 * Grants are identity policies on the functions' roles, for this key only and only with the
 * sealing encryption context: the key cannot be used by these roles for anything else.
 */
export class SealingKey extends Construct {
  readonly key: Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'Supplyline: wraps the data keys that seal webhook signing secrets',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** New data keys and the unwrapping of stored ones: whoever seals (the API; the retry schedule once, for secrets stored in clear before). */
  grantSealAndOpen(fn: IFunction): void {
    this.grant(fn, ['kms:GenerateDataKey', 'kms:Decrypt']);
  }

  /** Unwrapping only: whoever signs deliveries with stored secrets (the dispatcher). */
  grantOpen(fn: IFunction): void {
    this.grant(fn, ['kms:Decrypt']);
  }

  private grant(fn: IFunction, actions: string[]): void {
    const context = Object.fromEntries(
      Object.entries(SEALING_CONTEXT).map(([name, value]) => [`kms:EncryptionContext:${name}`, value]),
    );
    fn.addToRolePolicy(
      new PolicyStatement({ actions, resources: [this.key.keyArn], conditions: { StringEquals: context } }),
    );
  }
}
