import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../shared/logging/logger.js';
import { MetricSet } from '../../shared/metrics/metrics.js';
import { powertoolsMetricsSink } from '../../shared/metrics/powertools-sink.js';
import { readEmfLine } from '../support/emf.js';

const at = Date.parse('2026-03-02T08:00:00.000Z');

describe('a unit of work’s metrics', () => {
  it('sums counts, keeps the largest age, and reads a negative age (clock skew) as 0', () => {
    const metrics = new MetricSet();
    metrics.count('SyncRecords', 3);
    metrics.count('SyncRecords', 2);
    metrics.age('StreamIteratorAge', 1200.4);
    metrics.age('StreamIteratorAge', 800);
    metrics.age('OldestUndeliveredAge', -50);
    expect(metrics.values()).toEqual([
      { name: 'SyncRecords', dimensions: {}, value: 5 },
      { name: 'StreamIteratorAge', dimensions: {}, value: 1200 },
      { name: 'OldestUndeliveredAge', dimensions: {}, value: 0 },
    ]);
  });

  it('keeps refusals of each problem type apart', () => {
    const metrics = new MetricSet();
    metrics.countBy('Refusals', 'voucher-expired');
    metrics.countBy('Refusals', 'voucher-expired');
    metrics.countBy('Refusals', 'validation');
    expect(metrics.values()).toEqual([
      { name: 'Refusals', dimensions: { ProblemType: 'voucher-expired' }, value: 2 },
      { name: 'Refusals', dimensions: { ProblemType: 'validation' }, value: 1 },
    ]);
  });
});

describe('embedded metric format lines, made by Powertools’ Metrics', () => {
  /** The sink as the entries build it, over a logger whose lines the test reads. */
  function sink(service = 'Supplyline') {
    const logged: string[] = [];
    const logger = createLogger('info', (line) => logged.push(line));
    const written: string[] = [];
    const metrics = powertoolsMetricsSink({
      service,
      writeLine: (line) => {
        written.push(line);
        logger.writeLine(line);
      },
      logger,
    });
    return { metrics, written, logged };
  }
  const now = Date.now();

  it('puts the values that share dimensions in one line, every value at the root, and a refusal’s problem type in a line of its own', () => {
    const metrics = new MetricSet();
    metrics.count('RedemptionsOnline');
    metrics.age('StreamIteratorAge', 40);
    metrics.countBy('Refusals', 'voucher-void');
    const { metrics: emf, written, logged } = sink();
    emf.publish(metrics, new Date(now));
    expect(written.map((line) => JSON.parse(line))).toEqual([
      {
        _aws: {
          Timestamp: now,
          CloudWatchMetrics: [
            {
              Namespace: 'Supplyline',
              Dimensions: [['service']],
              Metrics: [
                { Name: 'RedemptionsOnline', Unit: 'Count' },
                { Name: 'StreamIteratorAge', Unit: 'Milliseconds' },
              ],
            },
          ],
        },
        service: 'Supplyline',
        RedemptionsOnline: 1,
        StreamIteratorAge: 40,
      },
      {
        _aws: {
          Timestamp: now,
          CloudWatchMetrics: [
            {
              Namespace: 'Supplyline',
              Dimensions: [['service', 'ProblemType']],
              Metrics: [{ Name: 'Refusals', Unit: 'Count' }],
            },
          ],
        },
        service: 'Supplyline',
        ProblemType: 'voucher-void',
        Refusals: 1,
      },
    ]);
    expect(written.flatMap(readEmfLine)).toEqual([
      expect.objectContaining({ name: 'RedemptionsOnline', dimensions: { service: 'Supplyline' } }),
      expect.objectContaining({ name: 'StreamIteratorAge', dimensions: { service: 'Supplyline' } }),
      expect.objectContaining({
        name: 'Refusals',
        dimensions: { service: 'Supplyline', ProblemType: 'voucher-void' },
      }),
    ]);
    // Through the logger's writeLine, and nothing else in its log.
    expect(logged).toEqual(written);
  });

  it('writes two problem types in two lines, since a root member holds one value', () => {
    const metrics = new MetricSet();
    metrics.countBy('Refusals', 'voucher-void');
    metrics.countBy('Refusals', 'voucher-expired', 2);
    const { metrics: emf, written } = sink('local');
    emf.publish(metrics, new Date(now));
    const values = written.map(readEmfLine);
    expect(values).toHaveLength(2);
    expect(values.flat().map((value) => [value.dimensions.ProblemType, value.value])).toEqual([
      ['voucher-void', 1],
      ['voucher-expired', 2],
    ]);
  });

  it('writes nothing for a unit of work that recorded nothing', () => {
    const { metrics: emf, logged } = sink('local');
    emf.publish(new MetricSet(), new Date(now));
    expect(logged).toEqual([]);
  });

  it('starts each unit of work afresh: nothing of the one before, its problem type included, stays in the next line', () => {
    const { metrics: emf, written } = sink('local');
    const refused = new MetricSet();
    refused.countBy('Refusals', 'validation');
    emf.publish(refused, new Date(now));
    const redeemed = new MetricSet();
    redeemed.count('RedemptionsOnline');
    emf.publish(redeemed, new Date(now + 1));
    expect(readEmfLine(written[1] ?? '')).toEqual([
      {
        namespace: 'Supplyline',
        name: 'RedemptionsOnline',
        unit: 'Count',
        dimensions: { service: 'local' },
        value: 1,
        timestamp: now + 1,
      },
    ]);
    expect(JSON.parse(written[1] ?? '')).not.toHaveProperty('ProblemType');
  });

  it('warns in the log of a timestamp CloudWatch would drop (over two weeks old), and still writes the line', () => {
    const metrics = new MetricSet();
    metrics.count('EventsDispatched');
    const { metrics: emf, written, logged } = sink('local');
    emf.publish(metrics, new Date(now - 15 * 86_400_000));
    expect(written).toHaveLength(1);
    const warnings = logged.map((line) => JSON.parse(line)).filter((entry) => entry.level === 'warn');
    expect(warnings).toEqual([expect.objectContaining({ message: expect.stringContaining('timestamp') })]);
  });

  it('keeps its namespace and service whatever Powertools’ environment variables say, and is not switched off by them (the log level is its switch)', () => {
    vi.stubEnv('POWERTOOLS_METRICS_NAMESPACE', 'Elsewhere');
    vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'elsewhere');
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
    try {
      const metrics = new MetricSet();
      metrics.count('SyncRecords', 3);
      const { metrics: emf, written } = sink('local');
      emf.publish(metrics, new Date(now));
      expect(written.flatMap(readEmfLine)).toEqual([
        expect.objectContaining({ namespace: 'Supplyline', dimensions: { service: 'local' }, value: 3 }),
      ]);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('is checked against the specification: a line without its timestamp or with a unit CloudWatch lacks fails', () => {
    const good = { _aws: { Timestamp: at, CloudWatchMetrics: [] as unknown[] }, service: 'x', A: 1 };
    good._aws.CloudWatchMetrics.push({
      Namespace: 'N',
      Dimensions: [['service']],
      Metrics: [{ Name: 'A', Unit: 'Count' }],
    });
    expect(readEmfLine(JSON.stringify(good))).toHaveLength(1);
    expect(() =>
      readEmfLine(JSON.stringify({ ...good, _aws: { ...good._aws, Timestamp: undefined } })),
    ).toThrow(/Timestamp/);
    const badUnit = { Namespace: 'N', Dimensions: [['service']], Metrics: [{ Name: 'A', Unit: 'Requests' }] };
    expect(() =>
      readEmfLine(JSON.stringify({ ...good, _aws: { Timestamp: at, CloudWatchMetrics: [badUnit] } })),
    ).toThrow(/not a CloudWatch unit/);
  });
});
