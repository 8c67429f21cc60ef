import type { MiddlewareHandler } from 'hono';
import { MetricSet } from '../../metrics/metrics.js';
import type { AppEnv } from '../app-env.js';

/**
 * Each request's metrics: routes record what their use case did (`c.get('metrics')`), and when
 * the request is answered this counts a refusal by its problem type and publishes the lot, one
 * log line at most, synchronously: the answer waits for no metric. A refusal is judged by the
 * answer actually sent: a redemption refused as already redeemed and then answered as the
 * replay of its first response (Idempotency-Key) is no refusal, and counted as nothing.
 */
export function requestMetrics(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const metrics = new MetricSet();
    c.set('metrics', metrics);
    await next();
    const problem = c.get('problem');
    if (problem !== undefined && c.res.status >= 400 && c.res.status < 500)
      metrics.countBy('Refusals', problem);
    const deps = c.get('deps');
    deps.metrics.publish(metrics, deps.now());
  };
}
