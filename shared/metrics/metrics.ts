import {
  type AgeMetric,
  type CountMetric,
  type DimensionedCountMetric,
  type MetricName,
  metricCatalogue,
} from './catalogue.js';

/** One metric's value in a unit of work, with its dimensions beyond `service`. */
export interface MetricValue {
  name: MetricName;
  dimensions: Readonly<Record<string, string>>;
  value: number;
}

/**
 * The metrics of one unit of work (a request, a dispatched batch, a retry pass), recorded while
 * it runs and published once at its end, as one log line (one per set of dimensions it holds):
 * recording is a map write, publishing a synchronous write, and nothing awaits either. Routes, the error boundary and the events use
 * cases record here; only the sink knows a metric's wire format.
 */
export class MetricSet {
  readonly #values = new Map<string, MetricValue>();

  /** Adds `by` to a count (zero is recorded too: a sync without conflicts says so). */
  count(name: CountMetric, by = 1): void {
    this.#add(name, {}, by, (old, value) => old + value);
  }

  /** Adds `by` to a count split by its one extra dimension (the catalogue names it). */
  countBy(name: DimensionedCountMetric, dimensionValue: string, by = 1): void {
    const dimension = metricCatalogue[name].dimension;
    this.#add(name, { [dimension]: dimensionValue }, by, (old, value) => old + value);
  }

  /** An age in milliseconds; the unit of work keeps the largest (a negative age, clock skew, is 0). */
  age(name: AgeMetric, ms: number): void {
    this.#add(name, {}, Math.max(0, Math.round(ms)), Math.max);
  }

  values(): MetricValue[] {
    return [...this.#values.values()];
  }

  #add(
    name: MetricName,
    dimensions: Record<string, string>,
    value: number,
    combine: (old: number, value: number) => number,
  ): void {
    const key = JSON.stringify([name, dimensions]);
    const old = this.#values.get(key);
    this.#values.set(key, { name, dimensions, value: old === undefined ? value : combine(old.value, value) });
  }
}

/**
 * Where a finished unit of work's metrics go: the port the entries are built with. Its adapter
 * (powertools-sink.ts) writes CloudWatch embedded metric format lines to the log.
 */
export interface MetricsSink {
  publish(metrics: MetricSet, at: Date): void;
}
