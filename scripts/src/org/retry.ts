/**
 * How the org adapter waits and tries again: exponential backoff with jitter, bounded in attempts.
 * The clock (sleep) and the randomness are injectable, so tests run instantly and deterministically
 * and can check the delays that would have been waited.
 */

export type Sleep = (ms: number) => Promise<void>;

export interface RetryPolicy {
  /** tries in all, the first one included */
  maxAttempts: number;
  /** the wait before the first retry; it doubles for each further one */
  baseDelayMs: number;
  /** no wait is longer than this */
  maxDelayMs: number;
  sleep: Sleep;
  /** a number in [0, 1): the jitter */
  random: () => number;
}

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  sleep: realSleep,
  random: Math.random,
};

/**
 * The wait before retry number `retry` (1 for the first retry): base * 2^(retry-1), capped, then
 * scaled into [50%, 100%] by the jitter so that many clients hitting one busy org spread out.
 */
export function backoffDelay(policy: RetryPolicy, retry: number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(exponential * (0.5 + policy.random() / 2));
}
