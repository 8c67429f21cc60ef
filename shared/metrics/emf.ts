import { METRICS_NAMESPACE, SERVICE_DIMENSION, unitOf } from './catalogue.js';
import type { MetricSet, MetricsSink, MetricValue } from './metrics.js';

/**
 * CloudWatch embedded metric format (EMF): a log line that is a JSON object whose `_aws` member
 * tells CloudWatch Logs which of the line's other members are metrics and dimensions. Written to
 * stdout, Lambda's log group turns each line into metric data points, with no API call, no
 * agent and no await; under `npm start` the same lines are in the log for a person to read.
 *
 * Why our own writer and not Powertools' Metrics: it is not a dependency yet, and all it would do
 * here is this one JSON object. The layout follows the specification
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html):
 * `_aws.Timestamp` in epoch milliseconds; `_aws.CloudWatchMetrics`, directives of `Namespace`,
 * `Dimensions` (sets of member names, each set at most 30 names, every referenced member a
 * string) and `Metrics` (at most 100 definitions of `Name` and `Unit`, every named member a
 * number). A MetricsSink over Powertools would call `addMetric` per value and
 * `publishStoredMetrics()` where `publish` is called, with the same namespace and `service`.
 */

/** The specification's limit of metric definitions in one directive. */
const MAX_METRICS_PER_DIRECTIVE = 100;

interface Directive {
  Namespace: string;
  Dimensions: string[][];
  Metrics: Array<{ Name: string; Unit: string }>;
}

interface Line {
  root: Record<string, string | number>;
  directives: Map<string, Directive>;
}

/**
 * The lines one unit of work's metrics make: usually one. A value goes into the first line where
 * its name is not taken yet and its dimensions agree with the line's (two problem types, both
 * `Refusals`, need two lines: a member holds one value).
 */
export function emfLines(
  metrics: MetricSet,
  options: { service: string; timestamp: number; namespace?: string },
): string[] {
  const namespace = options.namespace ?? METRICS_NAMESPACE;
  const lines: Line[] = [];
  for (const metric of metrics.values()) {
    const dimensionNames = [SERVICE_DIMENSION, ...Object.keys(metric.dimensions)];
    const setKey = dimensionNames.join('\u0000');
    const fits = (line: Line) =>
      !(metric.name in line.root) &&
      Object.entries(metric.dimensions).every(
        ([name, value]) => !(name in line.root) || line.root[name] === value,
      ) &&
      (line.directives.get(setKey)?.Metrics.length ?? 0) < MAX_METRICS_PER_DIRECTIVE;
    let line = lines.find(fits);
    if (line === undefined) {
      line = { root: { [SERVICE_DIMENSION]: options.service }, directives: new Map() };
      lines.push(line);
    }
    add(line, metric, dimensionNames, setKey, namespace);
  }
  return lines.map((line) =>
    JSON.stringify({
      _aws: { Timestamp: options.timestamp, CloudWatchMetrics: [...line.directives.values()] },
      ...line.root,
    }),
  );
}

function add(line: Line, metric: MetricValue, dimensionNames: string[], setKey: string, namespace: string) {
  let directive = line.directives.get(setKey);
  if (directive === undefined) {
    directive = { Namespace: namespace, Dimensions: [dimensionNames], Metrics: [] };
    line.directives.set(setKey, directive);
  }
  directive.Metrics.push({ Name: metric.name, Unit: unitOf(metric.name) });
  Object.assign(line.root, metric.dimensions, { [metric.name]: metric.value });
}

/**
 * The sink the entries use: each unit of work's lines go to the log, as is, through `writeLine`
 * (the logger's, so they land wherever its lines land: stdout on Lambda and under `npm start`,
 * the test's capture in tests, nowhere when the log level is `silent`).
 */
export function emfMetricsSink(options: { service: string; writeLine: (line: string) => void }): MetricsSink {
  return {
    publish(metrics, at) {
      if (metrics.isEmpty) return;
      for (const line of emfLines(metrics, { service: options.service, timestamp: at.getTime() }))
        options.writeLine(line);
    },
  };
}
