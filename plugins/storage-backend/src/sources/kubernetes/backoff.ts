/** Exponential backoff with jitter, so many reflectors don't retry in step. */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  /** 0..1: the share of each delay that is random. */
  jitter: number;
}

/**
 * client-go's reflector backoff: 800 ms doubling to 30 s, with jitter
 * (`NewExponentialBackoffManager(800ms, 30s, 2m, 2.0, 1.0)`; here the random
 * share is taken off the ceiling, so 30 s is never exceeded).
 */
export const DEFAULT_BACKOFF: BackoffOptions = {
  initialMs: 800,
  maxMs: 30_000,
  jitter: 0.5,
};

/** The delay before retry number `attempt` (0-based). */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(
    options.maxMs,
    options.initialMs * 2 ** Math.min(attempt, 30),
  );
  return ceiling * (1 - options.jitter) + ceiling * options.jitter * random();
}
