import { formatRfc3339 } from '../kube/time';
import type { Reason } from '../model';
import type { ProjectedClaim } from '../state/projections';
import { nextCronRun, parseCron } from '../velero/cron';
import { firstRunSince } from '../velero/scheduleRuns';
import type { Covering, VolumeHistory } from './backupHistory';
import * as more from './decisionMessages';

/** Velero's `--default-backup-ttl`. */
const DEFAULT_TTL_SECONDS = 720 * 60 * 60;

/**
 * "Awaiting first backup": the claim has no copy yet, and the next run of a
 * covering schedule as Velero's `getNextRunTime` computes it (after the last
 * backup, the schedule's creation or a later skip; the first tick after the
 * claim's creation when that run lies before it) is not due yet, or its
 * Backup is running now. Undefined when that run was
 * due and passed: the volume was then never backed up.
 */
export function awaitingFirstRun(
  claim: ProjectedClaim,
  covering: readonly Covering[],
  history: VolumeHistory,
  nowMs: number,
): Reason | undefined {
  if (claim.createdAt === undefined || covering.length === 0) return undefined;
  if (history.running) {
    return more.awaitingFirstBackup(
      [history.running.scheduleName ?? history.running.name],
      formatRfc3339(
        history.running.startedAt ?? history.running.createdAt ?? nowMs,
      ),
    );
  }
  const runs: Array<{ schedule: string; at: number }> = [];
  for (const { plan } of covering) {
    const { schedule } = plan;
    if (schedule.paused || plan.invalid.length > 0) continue;
    // getNextRunTime's next run, unless it fell before the claim existed.
    const at = firstRunSince(schedule, claim.createdAt);
    if (at !== undefined) runs.push({ schedule: schedule.name, at });
  }
  runs.sort((a, b) => a.at - b.at);
  const first = runs[0];
  if (!first || first.at <= nowMs) return undefined;
  return more.awaitingFirstBackup(
    runs.filter(r => r.at === first.at).map(r => r.schedule),
    formatRfc3339(first.at),
  );
}

/** Seconds between two consecutive runs of a cron expression, if it parses. */
function intervalSeconds(cron: string, fromMs: number): number | undefined {
  const parsed = parseCron(cron);
  if (!parsed.ok) return undefined;
  const a = nextCronRun(parsed.schedule, fromMs);
  const b = a === undefined ? undefined : nextCronRun(parsed.schedule, a);
  return a !== undefined && b !== undefined ? (b - a) / 1000 : undefined;
}

/**
 * Schedules whose backups expire before the next one is due to replace them
 * within the RPO: TTL < RPO + interval means coverage lapses by design.
 */
export function ttlWarnings(
  covering: readonly Covering[],
  rpoSeconds: number,
  nowMs = 0,
): Reason[] {
  const out: Reason[] = [];
  for (const { plan } of covering) {
    const { schedule } = plan;
    const ttl = schedule.template.ttlSeconds ?? DEFAULT_TTL_SECONDS;
    const interval = intervalSeconds(schedule.cron, nowMs);
    if (interval === undefined) continue;
    const needed = rpoSeconds + interval;
    if (ttl < needed)
      out.push(more.ttlShorterThanRpo(schedule.name, ttl, needed));
  }
  return out;
}
