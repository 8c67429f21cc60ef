// Local entry for events: the dispatcher Lambda's code, fed by DynamoDB Local's stream through the
// Streams API instead of Lambda's event source mapping, and the retry schedule on a timer.
import type { Logger } from '../shared/logging/logger.js';
import { memoryCheckpoints } from '../shared/store/stream-checkpoints.js';
import { createStreamsClient } from '../shared/store/stream-client.js';
import { createStreamReader } from '../shared/store/stream-reader.js';
import { deliverDueWebhooks } from '../shared/usecases/deliver-webhooks.js';
import { type DispatchDeps, dispatchTableChanges } from '../shared/usecases/dispatch-events.js';
import { sendDueAlertDigests } from '../shared/usecases/stock-alerts.js';

export interface LocalDispatcher {
  stop(): Promise<void>;
}

/**
 * Reads the table's stream from its oldest record (events already fed are recognised by their
 * ids and not fed or delivered again) and runs the retry pass (webhooks due, alert digests the hour held back) every `retryEveryMs`.
 */
export function startLocalDispatcher(options: {
  endpoint: string;
  streamArn: string;
  deps: DispatchDeps;
  logger: Logger;
  idleMs?: number;
  retryEveryMs?: number;
}): LocalDispatcher {
  const controller = new AbortController();
  const reader = createStreamReader({
    client: createStreamsClient({ endpoint: options.endpoint, region: 'local' }),
    streamArn: options.streamArn,
    checkpoints: memoryCheckpoints(),
    handle: (changes) => dispatchTableChanges(changes, options.deps),
    // The local stand-in for the Lambda's dead-letter queue: where and why, never the record.
    onUndecodable: ({ shardId, sequenceNumber, error }) =>
      options.logger.error('stream record cannot be decoded; skipped (dead letter)', {
        shardId,
        sequenceNumber,
        error: error instanceof Error ? error.message : String(error),
      }),
  });
  const onError = (err: unknown) =>
    options.logger.error('event dispatch failed; the batch will be read again', {
      error: err instanceof Error ? err.message : String(err),
    });
  const reading = reader.run({ signal: controller.signal, idleMs: options.idleMs ?? 200, onError });
  let retrying: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    retrying = retrying.then(() =>
      Promise.all([deliverDueWebhooks(options.deps), sendDueAlertDigests(options.deps)]).catch(onError),
    );
  }, options.retryEveryMs ?? 1000);
  return {
    async stop() {
      clearInterval(timer);
      controller.abort();
      await Promise.all([reading, retrying]);
    },
  };
}
