import type { App, Stack } from 'aws-cdk-lib';
import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';

/**
 * cdk-nag's AwsSolutions checks run on every synth; an open finding fails it. Each finding we
 * accept is acknowledged here with the reason, so the exceptions are reviewed in one place.
 */
export function applyNag(app: App, stack: Stack): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const acknowledge = (id: string, reason: string) => Validations.of(stack).acknowledge({ id, reason });

  acknowledge(
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    'Functions use AWSLambdaBasicExecutionRole for their own log writes only; it grants no data access.',
  );
  acknowledge(
    'AwsSolutions-IAM5[Resource::<SecretsInitializer0BAB255F.Arn>:*]',
    'The CDK custom-resource provider framework may invoke any version of its own initializer function, and only that function.',
  );
  acknowledge(
    'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
    'The stock-alert publishers need kms:GenerateDataKey* (as AWS documents for publishers to an encrypted SNS topic), on the topics key only, granted with sns:Publish on the stock-alert topic.',
  );
  acknowledge(
    'AwsSolutions-L1',
    'Functions pin Node.js 22 deliberately: the code is tested on that runtime; moving to a newer one is a tested change.',
  );
  acknowledge(
    'AwsSolutions-APIG4',
    'Authorisation is done by the application: every route but health, docs and public keys requires an API key checked in-app (roles and scopes).',
  );
  acknowledge(
    'AwsSolutions-SQS3',
    "The events dead-letter queue is itself a DLQ (the stream event source mapping's on-failure destination), which cdk-nag recognises only in an SQS redrive policy.",
  );
  acknowledge(
    'AwsSolutions-SMG4',
    'Signing keys rotate by adding a key and switching the active one (npm run secrets:rotate), keeping old keys so issued vouchers still verify; automatic replacement would invalidate every voucher.',
  );
}
