import {
  DEFAULT_RPO_SECONDS,
  type ClaimCoverage,
  type EvaluationContext,
  type ProjectedClaim,
} from '@gitops-storage/plugin-storage-common';

/**
 * When, with no new event, the clock alone would change a claim's verdict:
 * a protected claim turns stale once its last success is older than the RPO;
 * a waiver ends at its expiry; a verified restore turns overdue. Undefined
 * when only events can change it.
 */
export function nextTimeDependentChange(
  coverage: ClaimCoverage,
  claim: ProjectedClaim | undefined,
  ctx: EvaluationContext,
): number | undefined {
  const verdict = nextVerdictChange(coverage, claim, ctx);
  const restore = nextRestoreChange(coverage);
  if (verdict === undefined) return restore;
  return restore === undefined ? verdict : Math.min(verdict, restore);
}

/** A verified restore turns overdue once it is older than the tier's interval. */
function nextRestoreChange(coverage: ClaimCoverage): number | undefined {
  const restore = coverage.restore;
  if (
    restore?.status !== 'verified' ||
    restore.intervalSeconds === undefined ||
    !restore.lastSuccessfulRestore
  ) {
    return undefined;
  }
  const last = Date.parse(restore.lastSuccessfulRestore.time);
  return Number.isFinite(last)
    ? last + restore.intervalSeconds * 1000
    : undefined;
}

function nextVerdictChange(
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
