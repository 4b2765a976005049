import type { BenchResult, TargetCheck } from './BenchResult';

const GB = 1024 ** 3;

/** The targets (for a 2-core machine), checked against a run. */
export function checkTargets(r: BenchResult): TargetCheck[] {
  const at50 = r.entity.find(e => e.concurrency === 50);
  const slowestEvent = Math.max(...r.eventToVerdict.map(e => e.ms));
  const syncRatio = r.sync.fleetMs / r.bytes.parseBoundMs;
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
      name: 'entity p99 at 50 clients',
      target: '< 20 ms',
      measured: at50 ? `${at50.p99.toFixed(1)} ms` : 'not measured',
      met: !!at50 && at50.p99 < 20,
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
