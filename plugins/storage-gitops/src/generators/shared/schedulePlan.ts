import { GeneratorError } from '../../errors/GeneratorError';
import { type HumanDuration, rpoSeconds } from '../../tiers/rpo';
import type { TierInput } from '../../tiers/tierInput';
import { cronFor, intervalMinutes, ttlFor } from '../velero-schedules/cadence';

/**
 * What one namespace asks of its backups, as velero-schedules and
 * kro-backup-policies both take it: tiers (the strictest RPO wins) or an
 * RPO, and optional overrides.
 */
export interface ScheduleRequest {
  namespace: string;
  tiers?: string[];
  rpo?: HumanDuration | string;
  schedule?: string;
  ttl?: string;
  paused: boolean;
  labelSelector?: { matchLabels: Record<string, string> };
}

/** The Velero Schedule of one namespace, derived and ready to render. */
export interface NamespaceSchedule {
  namespace: string;
  /** Tier names; empty when the request gave an RPO instead. */
  tiers: string[];
  /** The RPO the cadence keeps, as text (`6h`, `30m`). */
  rpo: string;
  cron: string;
  ttl: string;
  paused: boolean;
  /** True when neither cron nor TTL was given (both derived from the RPO). */
  derived: boolean;
  matchLabels?: Record<string, string>;
}

export function rpoText(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  return `${Math.round(seconds / 60)}m`;
}

function requestTiers(
  request: ScheduleRequest,
  field: string,
  tiers: TierInput[],
): TierInput[] {
  return (request.tiers ?? []).map((name, tierIndex) => {
    const tier = tiers.find(t => t.name === name);
    if (!tier) {
      throw new GeneratorError(
        `${field}.tiers.${tierIndex}: unknown tier '${name}' (known tiers: ${tiers
          .map(t => t.name)
          .join(', ')})`,
        { field: `${field}.tiers.${tierIndex}` },
      );
    }
    return tier;
  });
}

/** The RPO in seconds and what set it (the strictest tier, or the request's own RPO). */
function strictestRpo(
  request: ScheduleRequest,
  field: string,
  tiers: TierInput[],
): { seconds: number; source: string } {
  if (request.rpo !== undefined) {
    return { seconds: rpoSeconds(request.rpo) ?? 0, source: 'the RPO' };
  }
  const nsTiers = requestTiers(request, field, tiers);
  const strictest = nsTiers.reduce((a, b) =>
    (rpoSeconds(a.rpo) ?? 0) <= (rpoSeconds(b.rpo) ?? 0) ? a : b,
  );
  return {
    seconds: rpoSeconds(strictest.rpo) ?? 0,
    source: `tier '${strictest.name}'`,
  };
}

/**
 * Cron and TTL of a namespace's Schedule from its tiers' strictest RPO (or
 * its RPO): every half RPO at most, kept thirty RPOs. `field` prefixes
 * error paths (e.g. `namespaces.0`).
 */
export function planSchedule(
  request: ScheduleRequest,
  field: string,
  tiers: TierInput[],
  nameKey = 'name',
): NamespaceSchedule {
  requestTiers(request, field, tiers);
  const { seconds, source } = strictestRpo(request, field, tiers);
  const interval = intervalMinutes(seconds);
  if (!request.schedule && interval === undefined) {
    throw new GeneratorError(
      `${field}: ${source} has an RPO under ten minutes, which file-system backups cannot keep; give a schedule explicitly`,
      { field: `${field}.schedule` },
    );
  }
  if (`ns-${request.namespace}`.length > 63) {
    throw new GeneratorError(
      `${field}.${nameKey}: '${request.namespace}' is too long for a schedule name (ns-<name> must fit 63 characters)`,
      { field: `${field}.${nameKey}` },
    );
  }
  return {
    namespace: request.namespace,
    tiers: request.tiers ?? [],
    rpo: rpoText(seconds),
    cron: request.schedule ?? cronFor(interval!, request.namespace),
    ttl: request.ttl ?? ttlFor(seconds),
    paused: request.paused,
    derived: !request.schedule && !request.ttl,
    ...(request.labelSelector &&
    Object.keys(request.labelSelector.matchLabels).length > 0
      ? { matchLabels: request.labelSelector.matchLabels }
      : {}),
  };
}
