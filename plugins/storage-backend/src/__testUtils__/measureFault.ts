import type { Verdict } from '@gitops-storage/plugin-storage-common';
import type { FaultHarness } from './faultHarness';

/** What one fault case measured. */
export interface FaultFigures {
  fault: string;
  /** From the fault's start to the first `unknown` (undefined: never). */
  timeToUnknownMs?: number;
  /** From the fault's end to `protected` again. */
  recoveryMs?: number;
  /** Samples where a claim was `protected` on data older than staleAfter. */
  staleProtected: number;
  /** Peak RSS above the baseline taken before the fault, MiB. */
  peakRssGrowthMiB: number;
  /** Heap after recovery and a GC, above the baseline, MiB. */
  heapAfterMiB: number;
  /** Requests per second the fake API server received during the fault. */
  requestRate: number;
}

const MiB = 1024 * 1024;
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

function gc() {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Runs one fault: waits for `protected`, applies the fault for `durationMs`
 * while sampling every 25 ms, ends it, and waits for `protected` again.
 */
export async function measureFault(
  harness: FaultHarness,
  fault: string,
  apply: () => void | Promise<void>,
  end: () => void | Promise<void>,
  options: {
    durationMs: number;
    staleAfterMs: number;
    recoverWithinMs: number;
  },
): Promise<FaultFigures> {
  await until(() => harness.verdict() === 'protected', 15_000);
  gc();
  const baseRss = process.memoryUsage().rss;
  const baseHeap = process.memoryUsage().heapUsed;
  const requestsBefore = harness.server.stats.requests;
  const started = Date.now();
  let timeToUnknownMs: number | undefined;
  let staleProtected = 0;
  let peakRss = baseRss;
  await apply();
  while (Date.now() - started < options.durationMs) {
    const verdict: Verdict | undefined = harness.verdict();
    const now = Date.now();
    if (verdict === 'unknown' && timeToUnknownMs === undefined)
      timeToUnknownMs = now - started;
    // Tolerance: one flush delay and one sample.
    if (
      verdict === 'protected' &&
      harness.oldestDataAgeMs(now) > options.staleAfterMs + 60
    )
      staleProtected++;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    await sleep(25);
  }
  const faultSeconds = (Date.now() - started) / 1000;
  const requestRate =
    (harness.server.stats.requests - requestsBefore) / faultSeconds;
  await end();
  const ended = Date.now();
  const recovered = await until(
    () => harness.verdict() === 'protected',
    options.recoverWithinMs,
  );
  const recoveryMs = recovered ? Date.now() - ended : undefined;
  gc();
  return {
    fault,
    timeToUnknownMs,
    recoveryMs,
    staleProtected,
    peakRssGrowthMiB: round((peakRss - baseRss) / MiB),
    heapAfterMiB: round((process.memoryUsage().heapUsed - baseHeap) / MiB),
    requestRate: round(requestRate),
  };
}

async function until(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await sleep(25);
  }
  return check();
}

function round(n: number) {
  return Math.round(n * 10) / 10;
}

/** A table of figures, for the test output and docs/storage-backend.md. */
export function figuresTable(rows: readonly FaultFigures[]): string {
  const ms = (n?: number) =>
    n === undefined ? '—' : `${(n / 1000).toFixed(1)} s`;
  const lines = [
    '| fault | time to unknown | recovery | peak RSS growth | heap after | requests/s | protected on stale data |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      r =>
        `| ${r.fault} | ${ms(r.timeToUnknownMs)} | ${ms(r.recoveryMs)} | ${
          r.peakRssGrowthMiB
        } MiB | ${r.heapAfterMiB} MiB | ${r.requestRate} | ${
          r.staleProtected
        } |`,
    ),
  ];
  return lines.join('\n');
}
