import type {
  ClaimCoverage,
  Tier,
  VolumeBackupRef,
} from '@gitops-storage/plugin-storage-common';
import { ageSeconds } from './format';

/** The entity's oldest last successful backup, set against its tier's RPO. */
export interface OldestBackupAssessment {
  backup: VolumeBackupRef;
  /** The claim the backup belongs to, when it could be matched. */
  claim?: ClaimCoverage;
  ageSeconds?: number;
  /** The RPO of the claim's tier, when the tier is known. */
  rpoSeconds?: number;
  /** undefined when the age or the RPO is unknown. */
  withinRpo?: boolean;
}

/**
 * Sets the oldest "last successful backup" against the RPO of the tier of the
 * volume it belongs to.
 */
export function assessOldestBackup(
  oldest: VolumeBackupRef | undefined,
  claims: readonly ClaimCoverage[],
  tiers: readonly Tier[] | undefined,
  now: number,
): OldestBackupAssessment | undefined {
  if (!oldest) return undefined;
  const claim = claims.find(
    c =>
      c.lastSuccessfulBackup?.time === oldest.time &&
      c.lastSuccessfulBackup?.backup === oldest.backup,
  );
  const age = ageSeconds(oldest.time, now);
  const rpoSeconds = claim
    ? tiers?.find(t => t.name === claim.tier)?.rpoSeconds
    : undefined;
  return {
    backup: oldest,
    claim,
    ageSeconds: age,
    rpoSeconds,
    withinRpo:
      age === undefined || rpoSeconds === undefined
        ? undefined
        : age <= rpoSeconds,
  };
}

/**
 * Claims that need a backup but have never had a successful one. Waived
 * claims need none; for unknown claims we cannot tell.
 */
export function claimsNeverBackedUp(
  claims: readonly ClaimCoverage[],
): ClaimCoverage[] {
  return claims.filter(
    c =>
      !c.lastSuccessfulBackup &&
      c.verdict !== 'waived' &&
      c.verdict !== 'unknown',
  );
}
