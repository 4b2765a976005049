import http from 'node:http';
import {
  summarizeLatencies,
  type LatencySummary,
} from '../measure/percentiles';
import { timedGet, timedRequest } from './httpGet';

export interface LoadOptions {
  baseUrl: string;
  /** Request paths, used in turn. */
  paths: string[];
  /** JSON bodies, one per path: the requests are POSTs. */
  bodies?: string[];
  concurrency: number;
  durationMs: number;
  /** Requests before measuring (JIT, connections), per client. */
  warmupPerClient?: number;
  /** Return every latency too (for merging rounds). */
  keepSamples?: boolean;
}

export interface LoadResult extends LatencySummary {
  concurrency: number;
  requestsPerSecond: number;
  errors: number;
  meanResponseBytes: number;
  /** Measured time (ms). */
  elapsedMs: number;
  /** Every latency, when asked for. */
  samples?: number[];
}

/** Rounds of the same load as one result: all their samples, their total time. */
export function mergeLoadResults(rounds: readonly LoadResult[]): LoadResult {
  const samples = rounds.flatMap(r => r.samples ?? []);
  const elapsedMs = rounds.reduce((t, r) => t + r.elapsedMs, 0);
  const count = rounds.reduce((t, r) => t + r.count, 0);
  return {
    ...summarizeLatencies(samples),
    concurrency: rounds[0].concurrency,
    requestsPerSecond: (count / elapsedMs) * 1000,
    errors: rounds.reduce((t, r) => t + r.errors, 0),
    meanResponseBytes: count
      ? rounds.reduce((t, r) => t + r.meanResponseBytes * r.count, 0) / count
      : 0,
    elapsedMs,
  };
}

/**
 * Closed-loop load: `concurrency` clients, each sending its next request as
 * soon as the previous answer is in, over keep-alive connections, for a fixed
 * time. Answers other than 200 are counted as errors; latency is measured to
 * the last body byte.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const {
    baseUrl,
    paths,
    bodies,
    concurrency,
    durationMs,
    warmupPerClient = 5,
  } = options;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  const send = () => {
    const i = next++ % paths.length;
    return timedRequest(agent, `${baseUrl}${paths[i]}`, bodies?.[i]);
  };

  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = 0; i < warmupPerClient; i++) await send();
    }),
  );

  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const res = await send();
        latencies.push(res.ms);
        bytes += res.bytes;
        if (res.status !== 200) errors++;
      }
    }),
  );
  const elapsed = performance.now() - started;
  agent.destroy();
  return {
    ...summarizeLatencies(latencies),
    concurrency,
    requestsPerSecond: (latencies.length / elapsed) * 1000,
    errors,
    meanResponseBytes: latencies.length ? bytes / latencies.length : 0,
    elapsedMs: elapsed,
    ...(options.keepSamples ? { samples: latencies } : {}),
  };
}

/** `repeat` requests one after the other; the first is reported apart. */
export async function runSequential(
  baseUrl: string,
  path: string,
  repeat: number,
): Promise<{
  first: number;
  rest: LatencySummary;
  errors: number;
  responseBytes: number;
}> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  for (let i = 0; i < repeat; i++) {
    const res = await timedGet(agent, `${baseUrl}${path}`);
    latencies.push(res.ms);
    bytes = res.bytes;
    if (res.status !== 200) errors++;
  }
  agent.destroy();
  return {
    first: latencies[0],
    rest: summarizeLatencies(latencies.slice(1)),
    errors,
    responseBytes: bytes,
  };
}
