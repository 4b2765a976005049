import { FULL_FLEET, QUICK_FLEET, type FleetSize } from './fleet/FleetSize';

export interface BenchOptions {
  size: FleetSize;
  quick: boolean;
  /** Seconds of load per concurrency level. */
  durationSeconds: number;
  fanOutRequests: number;
  eventTrials: number;
  pageSize: number;
  json?: string;
  /** Print a digest of the generated fleet and exit (determinism check). */
  fingerprint: boolean;
}

export const USAGE = `Usage: yarn bench [--quick] [options]

Generates a fleet of Kubernetes clusters (fake API servers in a child
process), starts the storage backend plugin against it, and measures cold
sync, memory, API latency, watch-event-to-verdict time, and the same entity
queries answered by listing every cluster per request (fan-out).

Fleet (per cluster unless noted; default: the full size of issue 7)
  --clusters N      clusters                        (default ${FULL_FLEET.clusters}, --quick ${QUICK_FLEET.clusters})
  --pvcs N          PVCs, each with its PV and pod  (default ${FULL_FLEET.pvcs}, --quick ${QUICK_FLEET.pvcs})
  --services N      services (catalog entities)     (default ${FULL_FLEET.services}, --quick ${QUICK_FLEET.services})
  --schedules N     Velero schedules                (default ${FULL_FLEET.schedules}, --quick ${QUICK_FLEET.schedules})
  --days N          days of daily backups kept      (default ${FULL_FLEET.days}, --quick ${QUICK_FLEET.days})
  --seed N          generator seed                  (default ${FULL_FLEET.seed})
Measurement
  --duration S      seconds of load per concurrency level (default 10, --quick 3)
  --fanout-requests N  entity queries answered by fan-out (default 10, --quick 3)
  --event-trials N  watch events timed to the changed verdict (default 5, --quick 3)
  --page-size N     list page size of the backend's sync (default 500)
  --json FILE       also write every figure as JSON
  --fingerprint     print a digest of the generated fleet and exit
  --help`;

const INTEGER_FLAGS: Record<string, { min: number; max: number }> = {
  '--clusters': { min: 1, max: 200 },
  '--pvcs': { min: 1, max: 100_000 },
  '--services': { min: 1, max: 10_000 },
  '--schedules': { min: 1, max: 1_000 },
  '--days': { min: 1, max: 365 },
  '--seed': { min: 0, max: 2 ** 31 - 1 },
  '--duration': { min: 1, max: 600 },
  '--fanout-requests': { min: 1, max: 1_000 },
  '--event-trials': { min: 1, max: 100 },
  '--page-size': { min: 1, max: 100_000 },
};

export class UsageError extends Error {}

/** Reads the command line; throws UsageError naming the flag at fault. */
export function parseArgs(argv: readonly string[]): BenchOptions | 'help' {
  const values = new Map<string, number>();
  let quick = false;
  let fingerprint = false;
  let json: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--help' || flag === '-h') return 'help';
    if (flag === '--quick') {
      quick = true;
    } else if (flag === '--fingerprint') {
      fingerprint = true;
    } else if (flag === '--json') {
      json = argv[++i];
      if (!json) throw new UsageError('--json needs a file name');
    } else if (INTEGER_FLAGS[flag]) {
      const text = argv[++i];
      const value = Number(text);
      const { min, max } = INTEGER_FLAGS[flag];
      if (
        text === undefined ||
        !Number.isInteger(value) ||
        value < min ||
        value > max
      ) {
        throw new UsageError(
          `${flag} must be an integer from ${min} to ${max}, not ${
            text ?? '(nothing)'
          }`,
        );
      }
      values.set(flag, value);
    } else {
      throw new UsageError(`unknown option ${flag} (see --help)`);
    }
  }
  const base = quick ? QUICK_FLEET : FULL_FLEET;
  const get = (flag: string, fallback: number) => values.get(flag) ?? fallback;
  const size: FleetSize = {
    clusters: get('--clusters', base.clusters),
    pvcs: get('--pvcs', base.pvcs),
    services: get('--services', base.services),
    schedules: get('--schedules', base.schedules),
    days: get('--days', base.days),
    seed: get('--seed', base.seed),
  };
  if (size.services > size.pvcs) {
    throw new UsageError(
      `--services (${size.services}) must not exceed --pvcs (${size.pvcs}): every service has a volume`,
    );
  }
  return {
    size,
    quick,
    durationSeconds: get('--duration', quick ? 3 : 10),
    fanOutRequests: get('--fanout-requests', quick ? 3 : 10),
    eventTrials: get('--event-trials', quick ? 3 : 5),
    pageSize: get('--page-size', 500),
    json,
    fingerprint,
  };
}
