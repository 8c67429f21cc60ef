import { Alias } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

/**
 * Where stock-alert digests for logistics leads go: an SNS topic of its own, apart from the ops
 * alarm topic (a shelter running out of rice is not a page for whoever is on call), with an email
 * subscription per `stockAlertEmails` address. The dispatcher functions publish to it.
 */
export class StockAlerts extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, emails: readonly string[]) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', {
      displayName: 'Supplyline stock alerts',
      enforceSSL: true,
      // The AWS-managed key: its policy lets the account's own roles (the publishing functions) use it.
      masterKey: Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns'),
    });
    for (const email of emails) this.topic.addSubscription(new EmailSubscription(email));
  }
}
