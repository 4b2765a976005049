import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  const options = { initialMs: 100, maxMs: 1000, jitter: 0.5 };

  it.each([
    [0, 0, 50],
    [0, 1, 100],
    [1, 0, 100],
    [2, 1, 400],
    [3, 0.5, 600],
    [10, 1, 1000],
    [10, 0, 500],
  ])('attempt %i with random %d waits %d ms', (attempt, random, expected) => {
    expect(backoffDelay(attempt, options, () => random)).toBe(expected);
  });

  it('grows exponentially and stays under the ceiling', () => {
    const delays = [0, 1, 2, 3, 4, 5].map(a =>
      backoffDelay(a, options, () => 1),
    );
    expect(delays).toEqual([100, 200, 400, 800, 1000, 1000]);
  });
});
