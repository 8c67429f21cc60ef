import { Metrics } from '@aws-lambda-powertools/metrics';
import type { MetricsOptions } from '@aws-lambda-powertools/metrics/types';
import { METRICS_NAMESPACE, unitOf } from './catalogue.js';
import type { MetricSet, MetricsSink, MetricValue } from './metrics.js';

/**
 * The sink the entries use: CloudWatch embedded metric format (EMF) lines made by Powertools for
 * AWS Lambda's Metrics (`@aws-lambda-powertools/metrics`, bundled into each function by esbuild,
 * not a layer). An EMF line is a JSON object whose `_aws` member tells CloudWatch Logs which of
 * its other members are metrics and dimensions: Lambda's log group turns it into data points with
 * no API call, no agent and no await.
 *
 * Powertools builds each line (`serializeMetrics()`: the layout, the units, the limits, the
 * `service` default dimension); the line is then written through `writeLine`, the logger's, so
 * metrics land wherever its lines land: stdout on Lambda and under `npm start`, the test's capture
 * in tests, nowhere when the log level is `silent`. Not `publishStoredMetrics()`: it prints
 * through a console of its own that cannot be handed in, which a test could not read and
 * `LOG_LEVEL=silent` could not quiet. So Powertools' own switches (`POWERTOOLS_METRICS_DISABLED`,
 * `POWERTOOLS_DEV`) change nothing here. Its warnings (a timestamp CloudWatch would drop) go to
 * `logger`.
 *
 * One line carries one set of dimensions (Powertools writes one directive per line), so a unit of
 * work makes one line per set of dimensions among its values: one in practice, since a request
 * refused records no other metric. Two problem types make two lines (a root member holds one value).
 */
export function powertoolsMetricsSink(options: {
  service: string;
  writeLine: (line: string) => void;
  logger: NonNullable<MetricsOptions['logger']>;
}): MetricsSink {
  // One instance per sink, shared by concurrent requests: a publish adds, serialises and clears
  // in one synchronous run that nothing can interleave. Built by the first publish, not at start:
  // its constructor opens a console over stdout and stderr, time a cold start need not spend
  // (see docs/design.md, "Operations", for the measured cost).
  let instance: Metrics | undefined;
  const lineOf = (values: MetricValue[], at: Date): string => {
    instance ??= new Metrics({
      namespace: METRICS_NAMESPACE,
      serviceName: options.service,
      logger: options.logger,
    });
    const powertools = instance;
    try {
      powertools.setTimestamp(at);
      for (const [name, value] of Object.entries(values[0]?.dimensions ?? {}))
        powertools.addDimension(name, value);
      for (const { name, value } of values) powertools.addMetric(name, unitOf(name), value);
      return JSON.stringify(powertools.serializeMetrics());
    } finally {
      powertools.clearMetrics();
      powertools.clearDimensions();
    }
  };
  return {
    publish(metrics, at) {
      for (const values of byDimensions(metrics)) options.writeLine(lineOf(values, at));
    },
  };
}

/** A unit of work's values grouped by their dimensions beyond `service`, in the order recorded. */
function byDimensions(metrics: MetricSet): MetricValue[][] {
  const groups = new Map<string, MetricValue[]>();
  for (const value of metrics.values()) {
    const key = JSON.stringify(value.dimensions);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [value]);
    else group.push(value);
  }
  return [...groups.values()];
}
