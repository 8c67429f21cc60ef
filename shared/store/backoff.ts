/** Full-jitter exponential backoff: spreads out writers that lost the same optimistic race. */
export function backoffDelay(attempt: number, baseMs = 4, capMs = 150): number {
  return Math.random() * Math.min(capMs, baseMs * 2 ** Math.min(attempt, 10));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
