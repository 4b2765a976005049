import {
  DEFAULT_RPO_SECONDS,
  type ClaimCoverage,
  type EvaluationContext,
  type ProjectedClaim,
} from '@gitops-storage/plugin-storage-common';

/**
 * When, with no new event, the clock alone would change a claim's verdict:
 * a protected claim turns stale once its last success is older than the RPO;
 * a waiver ends at its expiry. Undefined when only events can change it.
 */
export function nextTimeDependentChange(
  coverage: ClaimCoverage,
  claim: ProjectedClaim | undefined,
  ctx: EvaluationContext,
): number | undefined {
  if (coverage.verdict === 'protected' && coverage.lastSuccessfulBackup) {
    const tier = ctx.tiers.find(t => t.name === coverage.tier);
    const rpoSeconds =
      tier?.rpoSeconds ?? ctx.defaultRpoSeconds ?? DEFAULT_RPO_SECONDS;
    const last = Date.parse(coverage.lastSuccessfulBackup.time);
    return Number.isFinite(last) ? last + rpoSeconds * 1000 : undefined;
  }
  if (coverage.verdict === 'waived' && claim?.waiverExpires) {
    const expires = Date.parse(claim.waiverExpires);
    return Number.isFinite(expires) ? expires : undefined;
  }
  return undefined;
}
