import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import {
  buildCoverageReport,
  evaluateClusterCoverage,
  readStorageEngineConfig,
  veleroServerDefaults,
  type ClusterCoverage,
  type StorageEngineConfig,
} from '@gitops-storage/plugin-storage-common';
import {
  loadSnapshotDirectory,
  type LoadedSnapshot,
} from '@gitops-storage/plugin-storage-common/node';
import { formatCsv } from './formatCsv';
import { formatTable, type EvaluationTime } from './formatTable';
import { coverageShare, formatShare } from './share';
import { readOptions, UsageError, type RawCoverageOptions } from './readOptions';

export interface CoverageIo {
  out(text: string): void;
  err(text: string): void;
  /** The current time, when --now is not given. */
  clock?: () => Date;
}

/**
 * When to evaluate: --now; else, when every snapshot records when it was
 * captured (its ClusterSnapshot manifest's capturedAt), the latest capture
 * time, which is what the backend shows for a time-shifted demo snapshot;
 * else the current time.
 */
export function evaluationTime(
  snapshots: readonly LoadedSnapshot[],
  now: Date | undefined,
  clock: () => Date,
): EvaluationTime {
  if (now) return { now, source: 'flag' };
  const captured = snapshots.map(s => s.manifest?.capturedAt);
  if (captured.length > 0 && captured.every(c => c !== undefined)) {
    const latest = Math.max(...captured.map(c => Date.parse(c!)));
    return { now: new Date(latest), source: 'captured' };
  }
  return { now: clock(), source: 'clock' };
}

async function readEngineConfig(path: string | undefined): Promise<StorageEngineConfig> {
  if (path === undefined) return { tiers: [] };
  let text: string;
  try {
    text = await readFile(resolve(path), 'utf8');
  } catch {
    throw new UsageError(`config file not found: ${path}`);
  }
  try {
    return readStorageEngineConfig(parse(text));
  } catch (error) {
    throw new UsageError(`${path}: ${(error as Error).message}`);
  }
}

/**
 * `backstage-storage coverage`: evaluate every claim of the snapshots and
 * print the report. Returns the exit status (0, or 1 when --fail-under is
 * not met); throws for bad flags or input (exit status 2).
 */
export async function runCoverage(raw: RawCoverageOptions, io: CoverageIo): Promise<number> {
  const options = readOptions(raw);
  const engine = await readEngineConfig(options.config);
  const snapshots: LoadedSnapshot[] = [];
  const seen = new Map<string, string>();
  for (const directory of options.snapshots) {
    let snapshot;
    try {
      snapshot = await loadSnapshotDirectory(directory);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const other = seen.get(snapshot.cluster);
    if (other) {
      throw new UsageError(`two snapshots are named "${snapshot.cluster}" (${other} and ${directory}); the directory name is the cluster name`);
    }
    seen.set(snapshot.cluster, directory);
    snapshots.push(snapshot);
  }
  const time = evaluationTime(snapshots, options.now, io.clock ?? (() => new Date()));
  const { now } = time;
  const clusters: ClusterCoverage[] = snapshots.map(snapshot =>
    evaluateClusterCoverage(
      snapshot.state,
      {
        cluster: snapshot.cluster,
        tiers: engine.tiers,
        now,
        ...veleroServerDefaults(engine),
        ...(engine.veleroNamespace ? { veleroNamespace: engine.veleroNamespace } : {}),
      },
      'snapshot',
    ),
  );

  const report = buildCoverageReport(clusters, now);
  switch (options.format) {
    case 'json':
      io.out(`${JSON.stringify(report, null, 2)}\n`);
      break;
    case 'csv':
      io.out(formatCsv(report));
      break;
    default:
      io.out(formatTable(report, time, { wide: options.wide }));
  }

  if (options.failUnder !== undefined) {
    // Compare what the table prints, so "26.6%" passes --fail-under 26.6.
    const share = coverageShare(report.summary);
    if (share < options.failUnder) {
      io.err(
        `backstage-storage: coverage ${formatShare(share)} (protected + waived) is below --fail-under ${options.failUnder}%\n`,
      );
      return 1;
    }
  }
  return 0;
}
