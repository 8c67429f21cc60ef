/**
 * Who the stock-alert digests reach (alert-publisher.ts sends them): on AWS the subscriptions of
 * the stock-alert SNS topic, each with whether it was confirmed (SNS sends nothing to an email
 * address until its owner confirms); without a topic (`npm start`, tests) nobody: the digest is
 * written to the server's log.
 */
export interface DigestRecipients {
  channel: 'email' | 'log';
  recipients: Array<{ protocol: string; endpoint: string; confirmed: boolean }>;
}

export type AlertRecipientsReader = () => Promise<DigestRecipients>;

/** At most this many subscriptions are listed (SNS gives 100 a page): a topic for people, not machines. */
const MAX_PAGES = 5;

/**
 * Lists the topic's subscriptions. The SNS client is imported on first use, as the publisher's
 * is, so a cold start that never shows this pays nothing for it.
 */
export function snsAlertRecipients(topicArn: string): AlertRecipientsReader {
  let client: import('@aws-sdk/client-sns').SNSClient | undefined;
  return async () => {
    const { SNSClient, ListSubscriptionsByTopicCommand } = await import('@aws-sdk/client-sns');
    client ??= new SNSClient({});
    const recipients: DigestRecipients['recipients'] = [];
    let next: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await client.send(
        new ListSubscriptionsByTopicCommand({ TopicArn: topicArn, NextToken: next }),
      );
      for (const subscription of answer.Subscriptions ?? []) {
        recipients.push({
          protocol: subscription.Protocol ?? 'unknown',
          endpoint: subscription.Endpoint ?? '',
          // SNS names a subscription by its ARN once confirmed; before, by this word.
          confirmed: subscription.SubscriptionArn?.startsWith('arn:') === true,
        });
      }
      next = answer.NextToken;
      if (next === undefined) break;
    }
    return { channel: 'email', recipients };
  };
}

/** Without a topic the digests go to the log, to nobody's inbox. */
export const logAlertRecipients: AlertRecipientsReader = async () => ({ channel: 'log', recipients: [] });
