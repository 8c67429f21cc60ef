import { type LocalDispatcher, startLocalDispatcher } from '../../functions/local-dispatcher.js';
import { composeDispatcherDeps } from '../../shared/composition-root.js';
import type { AlertPublisher } from '../../shared/events/alert-publisher.js';
import type { Stores } from '../../shared/store/stores.js';
import { latestStreamArn } from '../../shared/store/stream-client.js';
import type { DispatchDeps } from '../../shared/usecases/dispatch-events.js';
import { localClient, type TestApp } from './test-app.js';

/**
 * The dispatcher `npm start` runs, on a test app's table stream (in the DynamoDB Local at `endpoint`): webhooks to this machine
 * allowed, the stream polled every 50 ms. `stores` and `publishAlert` replace the app's where a
 * test injects a fault or records digests; `retryEveryMs` spaces the retry pass.
 */
export async function startTestDispatcher(
  t: TestApp,
  endpoint: string,
  options: { stores?: Stores; publishAlert?: AlertPublisher; retryEveryMs?: number } = {},
): Promise<{ deps: DispatchDeps; dispatcher: LocalDispatcher }> {
  const deps = composeDispatcherDeps({
    stores: options.stores ?? t.deps.stores,
    urlPolicy: 'local-development',
    logger: t.deps.logger,
    sealer: t.deps.sealer,
    ...(options.publishAlert === undefined ? {} : { publishAlert: options.publishAlert }),
  });
  const dispatcher = startLocalDispatcher({
    endpoint,
    streamArn: await latestStreamArn(localClient(endpoint), t.table.tableName),
    deps,
    logger: t.deps.logger,
    idleMs: 50,
    ...(options.retryEveryMs === undefined ? {} : { retryEveryMs: options.retryEveryMs }),
  });
  return { deps, dispatcher };
}
