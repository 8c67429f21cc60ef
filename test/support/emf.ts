/**
 * Reads log lines as CloudWatch Logs would read embedded metric format (EMF) lines, checking each
 * against the specification as it goes, so a test fails on a line CloudWatch would not turn into
 * metrics:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 */

/** One metric value a line carries, as CloudWatch would store it. */
export interface EmfValue {
  namespace: string;
  name: string;
  unit: string | undefined;
  dimensions: Record<string, string>;
  value: number;
  timestamp: number;
}

/** The units CloudWatch accepts (MetricDatum.Unit). */
const units = new Set([
  'Seconds',
  'Microseconds',
  'Milliseconds',
  'Bytes',
  'Kilobytes',
  'Megabytes',
  'Gigabytes',
  'Terabytes',
  'Bits',
  'Kilobits',
  'Megabits',
  'Gigabits',
  'Terabits',
  'Percent',
  'Count',
  'Bytes/Second',
  'Kilobytes/Second',
  'Megabytes/Second',
  'Gigabytes/Second',
  'Terabytes/Second',
  'Bits/Second',
  'Kilobits/Second',
  'Megabits/Second',
  'Gigabits/Second',
  'Terabits/Second',
  'Count/Second',
  'None',
]);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function onlyMembers(object: Record<string, unknown>, allowed: string[], where: string) {
  const extra = Object.keys(object).filter((name) => !allowed.includes(name));
  if (extra.length > 0) throw new Error(`${where} has members the specification does not define: ${extra}`);
}

/** The values of one EMF line; throws, saying what is wrong, on a line that breaks the specification. */
export function readEmfLine(line: string): EmfValue[] {
  const root: unknown = JSON.parse(line);
  if (!isObject(root)) throw new Error('An EMF line is a JSON object');
  if (line !== line.trim()) throw new Error('Nothing may precede or follow the JSON object');
  const aws = root._aws;
  if (!isObject(aws)) throw new Error('_aws must be an object');
  onlyMembers(aws, ['Timestamp', 'CloudWatchMetrics'], '_aws');
  const timestamp = aws.Timestamp;
  if (typeof timestamp !== 'number' || !Number.isInteger(timestamp) || timestamp < 1e12)
    throw new Error('_aws.Timestamp must be epoch milliseconds');
  const directives = aws.CloudWatchMetrics;
  if (!Array.isArray(directives) || directives.length === 0)
    throw new Error('_aws.CloudWatchMetrics must be a non-empty array');
  const values: EmfValue[] = [];
  for (const directive of directives) {
    if (!isObject(directive)) throw new Error('A MetricDirective is an object');
    onlyMembers(directive, ['Namespace', 'Dimensions', 'Metrics'], 'MetricDirective');
    const { Namespace: namespace, Dimensions: dimensionSets, Metrics: metrics } = directive;
    if (typeof namespace !== 'string' || namespace.length === 0 || namespace.length > 255)
      throw new Error('Namespace must be a string of 1 to 255 characters');
    if (!Array.isArray(dimensionSets)) throw new Error('Dimensions must be an array of dimension sets');
    if (!Array.isArray(metrics) || metrics.length > 100)
      throw new Error('Metrics must be an array of at most 100 definitions');
    for (const set of dimensionSets) {
      if (!Array.isArray(set) || set.length > 30) throw new Error('A DimensionSet holds at most 30 names');
      for (const name of set)
        if (typeof name !== 'string' || typeof root[name] !== 'string')
          throw new Error(`Dimension ${String(name)} must name a string member of the root`);
    }
    for (const definition of metrics) {
      if (!isObject(definition)) throw new Error('A MetricDefinition is an object');
      onlyMembers(definition, ['Name', 'Unit', 'StorageResolution'], 'MetricDefinition');
      const { Name: name, Unit: unit, StorageResolution: resolution } = definition;
      if (typeof name !== 'string') throw new Error('A metric Name is a string');
      if (unit !== undefined && (typeof unit !== 'string' || !units.has(unit)))
        throw new Error(`${name}: ${String(unit)} is not a CloudWatch unit`);
      if (resolution !== undefined && resolution !== 1 && resolution !== 60)
        throw new Error(`${name}: StorageResolution is 1 or 60`);
      const value = root[name];
      const numbers = Array.isArray(value) ? value : [value];
      if (numbers.length === 0 || numbers.length > 100 || numbers.some((n) => typeof n !== 'number'))
        throw new Error(`${name} must name a number, or an array of 1 to 100 numbers, at the root`);
      // No dimension set: the metric is stored without dimensions.
      const sets = dimensionSets.length === 0 ? [[]] : (dimensionSets as string[][]);
      for (const set of sets)
        for (const number of numbers as number[])
          values.push({
            namespace,
            name,
            unit: unit as string | undefined,
            dimensions: Object.fromEntries(set.map((dimension) => [dimension, root[dimension] as string])),
            value: number,
            timestamp,
          });
    }
  }
  return values;
}

/** The EMF lines among log lines (those with an `_aws` member), each read and checked. */
export function emfLines(lines: readonly string[]): string[] {
  return lines.filter((line) => {
    const parsed: unknown = JSON.parse(line);
    return isObject(parsed) && '_aws' in parsed;
  });
}

/** Every metric value the EMF lines among these log lines carry, each line checked. */
export function emfValues(lines: readonly string[]): EmfValue[] {
  return emfLines(lines).flatMap(readEmfLine);
}
