import { nextCronRun, parseCron, type CronSchedule } from './cron';

/** The parts of a Schedule that decide when it runs. */
export interface ScheduleTiming {
  cron: string;
  createdAt?: number;
  lastBackup?: number;
  lastSkipped?: number;
}

/**
 * Velero's schedule controller `parseCronSchedule`: the validation errors
 * that put a Schedule in phase FailedValidation (it then creates no Backups).
 */
export function scheduleValidationErrors(cron: string): string[] {
  const parsed = parseCron(cron);
  if (parsed.ok) return [];
  if (cron.length === 0) return [parsed.error];
  return [`invalid schedule: ${parsed.error}`];
}

/**
 * Velero's `getNextRunTime`: the next run after the last backup (or the
 * schedule's creation, or a later skip). Undefined when the cron expression
 * does not parse or never fires.
 */
export function nextScheduledRun(timing: ScheduleTiming): number | undefined {
  const parsed = parseCron(timing.cron);
  if (!parsed.ok) return undefined;
  return nextRunOf(parsed.schedule, timing);
}

function nextRunOf(
  schedule: CronSchedule,
  timing: ScheduleTiming,
): number | undefined {
  let from = timing.lastBackup ?? timing.createdAt;
  if (from === undefined) return undefined;
  if (timing.lastSkipped !== undefined && timing.lastSkipped > from) {
    from = timing.lastSkipped;
  }
  return nextCronRun(schedule, from);
}

/**
 * The first run of a schedule that starts at or after `sinceMs` (e.g. the
 * creation of a volume): the run Velero's controller will make next if it
 * has not run since, else the first cron tick after `sinceMs`.
 */
export function firstRunSince(
  timing: ScheduleTiming,
  sinceMs: number,
): number | undefined {
  const parsed = parseCron(timing.cron);
  if (!parsed.ok) return undefined;
  const next = nextRunOf(parsed.schedule, timing);
  if (next !== undefined && next >= sinceMs) return next;
  return nextCronRun(parsed.schedule, sinceMs - 1);
}
