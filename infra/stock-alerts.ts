import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

/**
 * Where stock-alert digests for logistics leads go: an SNS topic of its own, apart from the ops
 * alarm topic (a shelter running out of rice is not a page for whoever is on call), with an email
 * subscription per `stockAlertEmails` address. The dispatcher functions publish to it, and are
 * granted the use of its key with the publish. Encrypted with the stack's topics key like the
 * alarm topic (one key, one policy to review), though only the functions publish here: CloudWatch
 * may use the key, but this topic's policy does not let it publish.
 */
export class StockAlerts extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: { emails: readonly string[]; key: IKey }) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', {
      displayName: 'Supplyline stock alerts',
      enforceSSL: true,
      masterKey: props.key,
    });
    for (const email of props.emails) this.topic.addSubscription(new EmailSubscription(email));
  }

  /** Lets the API show who the digests reach: the topic's subscriptions, read only, this topic only. */
  grantListSubscriptions(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['sns:ListSubscriptionsByTopic'], resources: [this.topic.topicArn] }),
    );
  }
}
