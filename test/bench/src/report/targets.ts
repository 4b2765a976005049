import type { BenchResult, TargetCheck } from './BenchResult';

const GB = 1024 ** 3;
const pct = (ratio: number) => `${(ratio * 100).toFixed(0)} %`;
const int = (n: number) => Math.round(n).toLocaleString('en-US');

/** The targets (for a 2-core machine), checked against a run. */
export function checkTargets(r: BenchResult): TargetCheck[] {
  const at50 = r.entity.find(e => e.concurrency === 50);
  const slowestEvent = Math.max(...r.eventToVerdict.map(e => e.ms));
  const floor50 = r.floor.find(e => e.concurrency === 50);
  const syncRatio = r.sync.fleetMs / r.bytes.parseBoundMs;
  const coverageRatio = r.coverage.page.p50 / r.coverage.filtered.p50;
  return [
    {
      name: 'fleet cold sync',
      target: '≤ 3× the parse bound',
      measured: `${syncRatio.toFixed(2)}× (${(r.sync.fleetMs / 1000).toFixed(
        1,
      )} s vs ${(r.bytes.parseBoundMs / 1000).toFixed(1)} s)`,
      met: syncRatio <= 3,
    },
    {
      name: 'entity throughput at 50 clients',
      target: "≥ 70 % of the floor's",
      measured:
        at50 && floor50
          ? `${pct(at50.requestsPerSecond / floor50.requestsPerSecond)} (${int(
              at50.requestsPerSecond,
            )} vs ${int(floor50.requestsPerSecond)} req/s)`
          : 'not measured',
      met:
        !!at50 &&
        !!floor50 &&
        at50.requestsPerSecond >= 0.7 * floor50.requestsPerSecond,
    },
    {
      name: 'entity p99 at 50 clients',
      target: "≤ 1.5× the floor's",
      measured:
        at50 && floor50
          ? `${(at50.p99 / floor50.p99).toFixed(2)}× (${at50.p99.toFixed(
              1,
            )} vs ${floor50.p99.toFixed(1)} ms)`
          : 'not measured',
      met: !!at50 && !!floor50 && at50.p99 <= 1.5 * floor50.p99,
    },
    {
      name: '/coverage p50',
      target: "≤ 3× a filtered query's",
      measured: `${coverageRatio.toFixed(2)}× (${r.coverage.page.p50.toFixed(
        1,
      )} vs ${r.coverage.filtered.p50.toFixed(1)} ms)`,
      met: coverageRatio <= 3,
    },
    {
      name: 'backend memory after sync',
      target: '< 1.5 GB',
      measured: `${(r.memory.rssBytes / GB).toFixed(2)} GB RSS`,
      met: r.memory.rssBytes < 1.5 * GB,
    },
    {
      name: 'event to verdict (slowest)',
      target: '< 2 s',
      measured: `${slowestEvent.toFixed(0)} ms`,
      met: slowestEvent < 2000,
    },
    {
      name: 'faster than fan-out',
      target: '≥ 100×',
      measured: `${r.fanOut.ratio.toFixed(
        0,
      )}× (floor at parse speed: ${r.fanOut.ratioAtParseBound.toFixed(0)}×)`,
      met: r.fanOut.ratio >= 100,
    },
  ];
}
