import { describe, expect, it } from 'vitest';
import { emfLines, emfMetricsSink } from '../../shared/metrics/emf.js';
import { MetricSet } from '../../shared/metrics/metrics.js';
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

describe('embedded metric format lines', () => {
  it('puts a unit of work in one line: one directive per dimension set, every value at the root', () => {
    const metrics = new MetricSet();
    metrics.count('RedemptionsOnline');
    metrics.age('StreamIteratorAge', 40);
    metrics.countBy('Refusals', 'voucher-void');
    const lines = emfLines(metrics, { service: 'Supplyline', timestamp: at });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      _aws: {
        Timestamp: at,
        CloudWatchMetrics: [
          {
            Namespace: 'Supplyline',
            Dimensions: [['service']],
            Metrics: [
              { Name: 'RedemptionsOnline', Unit: 'Count' },
              { Name: 'StreamIteratorAge', Unit: 'Milliseconds' },
            ],
          },
          {
            Namespace: 'Supplyline',
            Dimensions: [['service', 'ProblemType']],
            Metrics: [{ Name: 'Refusals', Unit: 'Count' }],
          },
        ],
      },
      service: 'Supplyline',
      ProblemType: 'voucher-void',
      RedemptionsOnline: 1,
      StreamIteratorAge: 40,
      Refusals: 1,
    });
    expect(readEmfLine(lines[0] ?? '')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'Refusals',
          dimensions: { service: 'Supplyline', ProblemType: 'voucher-void' },
        }),
        expect.objectContaining({ name: 'RedemptionsOnline', dimensions: { service: 'Supplyline' } }),
      ]),
    );
  });

  it('writes two problem types in two lines, since a root member holds one value', () => {
    const metrics = new MetricSet();
    metrics.countBy('Refusals', 'voucher-void');
    metrics.countBy('Refusals', 'voucher-expired', 2);
    const values = emfLines(metrics, { service: 'local', timestamp: at }).map(readEmfLine);
    expect(values).toHaveLength(2);
    expect(values.flat().map((value) => [value.dimensions.ProblemType, value.value])).toEqual([
      ['voucher-void', 1],
      ['voucher-expired', 2],
    ]);
  });

  it('writes nothing for a unit of work that recorded nothing', () => {
    const written: string[] = [];
    emfMetricsSink({ service: 'local', writeLine: (line) => written.push(line) }).publish(
      new MetricSet(),
      new Date(at),
    );
    expect(written).toEqual([]);
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
