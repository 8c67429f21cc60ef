import type { Logger } from '../logging/logger.js';

/** Where stock-alert digests go: an SNS topic on AWS (email to logistics leads), the log locally. */
export type AlertPublisher = (digest: { subject: string; message: string }) => Promise<void>;

/**
 * Publishes to the stock-alert topic. The SNS client is imported on first use, so that no other
 * entry (the API above all) pays for loading it at cold start.
 */
export function snsAlertPublisher(topicArn: string): AlertPublisher {
  let client: import('@aws-sdk/client-sns').SNSClient | undefined;
  return async ({ subject, message }) => {
    const { SNSClient, PublishCommand } = await import('@aws-sdk/client-sns');
    client ??= new SNSClient({});
    await client.send(new PublishCommand({ TopicArn: topicArn, Subject: subject, Message: message }));
  };
}

/** Without a topic (`npm start`, tests): the digest is logged, ids and numbers only. */
export function logAlertPublisher(logger: Logger): AlertPublisher {
  return async ({ subject, message }) => {
    logger.info('stock alert digest', { subject, message });
  };
}
