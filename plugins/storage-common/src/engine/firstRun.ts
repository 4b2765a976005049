import { formatRfc3339 } from '../kube/time';
import type { Reason } from '../model';
import type { ProjectedClaim } from '../state/projections';
import { firstRunSince } from '../velero/scheduleRuns';
import type { Covering, VolumeHistory } from './backupHistory';
import * as more from './decisionMessages';

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

/**
 * Schedules whose backups expire before the next one is due to replace them
 * within the RPO: TTL < RPO + interval means coverage lapses by design.
 */
export function ttlWarnings(
  covering: readonly Covering[],
  rpoSeconds: number,
): Reason[] {
  const out: Reason[] = [];
  for (const { plan } of covering) {
    if (plan.intervalSeconds === undefined) continue;
    const needed = rpoSeconds + plan.intervalSeconds;
    if (plan.ttlSeconds < needed) {
      out.push(
        more.ttlShorterThanRpo(plan.schedule.name, plan.ttlSeconds, needed),
      );
    }
  }
  return out;
}
