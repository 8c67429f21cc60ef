import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/**
 * The customer-managed KMS key the SNS topics (ops alarms, stock alerts) are encrypted with, and
 * nothing else: secrets have keys of their own.
 *
 * Why not the AWS-managed `alias/aws/sns`: its key policy cannot be changed, and it lets only
 * principals of the account use it through SNS. CloudWatch publishes alarm notifications as the
 * `cloudwatch.amazonaws.com` service, which that policy does not name, so every alarm to a topic
 * under it is dropped: the alarm fires, no email arrives. Under this key, its policy names
 * CloudWatch, for this stack's alarms only (`aws:SourceArn`, the alarm names' prefix, and
 * `aws:SourceAccount`, so no other account's alarms can use it as a confused deputy). The
 * functions that publish stock alerts get the key's use through their roles (`grantPublish`).
 *
 * Rotated yearly by KMS. Removed with the stack (after KMS's waiting period): topics keep no
 * messages once delivered, so nothing encrypted under it outlives them.
 */
export class TopicsKey extends Construct {
  readonly key: Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: `${Stack.of(this).stackName}: SNS topics (ops alarms, stock alerts); CloudWatch alarms may publish`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
  }

  /**
   * Lets CloudWatch alarms whose names start with `alarmNamePrefix`, in this account and region,
   * publish to `topic`: the topic's policy allows the publish, the key's policy the encryption it
   * takes. Both are needed; either alone drops the notification.
   */
  letAlarmsPublish(topic: Topic, alarmNamePrefix: string): void {
    const stack = Stack.of(this);
    const cloudWatch = new ServicePrincipal('cloudwatch.amazonaws.com');
    const ourAlarms = {
      StringEquals: { 'aws:SourceAccount': stack.account },
      ArnLike: {
        'aws:SourceArn': stack.formatArn({
          service: 'cloudwatch',
          resource: 'alarm',
          resourceName: `${alarmNamePrefix}*`,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      },
    };
    topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [cloudWatch],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions: ourAlarms,
      }),
    );
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsEncrypt',
        principals: [cloudWatch],
        // What a publisher to an encrypted topic needs (SNS developer guide, "Key management").
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        // In a key policy, "*" is this key.
        resources: ['*'],
        conditions: ourAlarms,
      }),
    );
  }
}
