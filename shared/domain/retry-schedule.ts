/**
 * When a failed webhook delivery is tried again: exponential backoff from 5 s, doubling to at
 * most an hour between attempts, with "equal jitter" (half the delay fixed, half random) so that
 * a receiver coming back is not hit by every subscription at the same second. After 24 hours of
 * failure the subscription is disabled (see `shouldDisable`); at that pace that is ~30 attempts.
 */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
const FIRST_DELAY_MS = 5_000;
const MAX_DELAY_MS = 60 * 60 * 1000;

/** Delay before the attempt after `failedAttempts` failures (1 = the first attempt failed). */
export function retryDelayMs(failedAttempts: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(failedAttempts - 1, 30));
  const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** exponent);
  return Math.round(delay / 2 + (random() * delay) / 2);
}

/** A subscription failing since `failingSince` is disabled once the window has passed. */
export function shouldDisable(failingSince: string, now: Date): boolean {
  return now.getTime() - Date.parse(failingSince) >= RETRY_WINDOW_MS;
}
