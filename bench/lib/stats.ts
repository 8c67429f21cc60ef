/** Nearest-rank percentile of a sample, in the sample's unit. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export const median = (samples: number[]) => percentile(samples, 50);

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export function ratio(measured: number, baseline: number): number {
  return round(measured / baseline, 2);
}

/** Runs `task` for each input with at most `concurrency` in flight; returns per-task durations (ms). */
export async function runConcurrently<T>(
  inputs: T[],
  concurrency: number,
  task: (input: T) => Promise<void>,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < inputs.length; i = next++) await task(inputs[i] as T);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return performance.now() - started;
}
