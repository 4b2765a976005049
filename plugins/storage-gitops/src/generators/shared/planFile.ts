import { cronFor, intervalMinutes, ttlFor } from '../velero-schedules/cadence';

/**
 * The file one namespace's backup plan is written to, as velero-schedules
 * (a Schedule) and kro-backup-policies (a BackupPolicy) both write it: the
 * header line that says where cron and TTL come from, and how a file
 * differs from what its generator writes.
 */
const DERIVED_CADENCE = 'Cron and TTL derived from the RPO';

/** The header line on the cadence of a plan. */
export function cadenceComment(derived: boolean): string {
  return derived
    ? `${DERIVED_CADENCE}: every half RPO at most, kept for thirty RPOs (72h–2160h).`
    : 'Cron and/or TTL set explicitly in the generator input.';
}

/** Whether a plan file says its cron and TTL were derived from the RPO. */
export function saysCadenceDerived(text: string): boolean {
  return text.includes(DERIVED_CADENCE);
}

/** Seconds of an RPO as the generators write it (`6h`, `30m`). */
export function rpoTextSeconds(rpo: string): number | undefined {
  const match = /^(\d+)([hm])$/.exec(rpo);
  if (!match) return undefined;
  return Number(match[1]) * (match[2] === 'h' ? 3600 : 60);
}

/**
 * How a plan file differs from `rebuilt` (what `generator` writes for the
 * fields read from it), or undefined when it is exactly that: the text must
 * be the same, and a derived cron or TTL still the one its RPO gives.
 */
export function rebuiltPlanEdits(plan: {
  text: string;
  rebuilt: string;
  generator: string;
  namespace: string;
  rpoSeconds: number;
  derived: boolean;
  cron: unknown;
  ttl: unknown;
}): string | undefined {
  if (plan.rebuilt !== plan.text)
    return `its fields, comments or layout differ from what ${plan.generator} writes`;
  const interval = intervalMinutes(plan.rpoSeconds);
  if (
    plan.derived &&
    (interval === undefined ||
      plan.cron !== cronFor(interval, plan.namespace) ||
      plan.ttl !== ttlFor(plan.rpoSeconds))
  )
    return 'its cron or TTL is no longer the one derived from its RPO';
  return undefined;
}
