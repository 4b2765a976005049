import type {
  ClaimCoverage,
  ScheduleOwner,
} from '@gitops-storage/plugin-storage-common';

/** The kind of the kro instances the kro-backup-policies generator writes. */
export const BACKUP_POLICY_KIND = 'BackupPolicy';

/** Form data of the `storage-kro-backup-policies` template. */
export interface KroBackupPoliciesFormData {
  policies: Array<{ namespace: string; tiers?: string[] }>;
}

/** The policy template with its form pre-filled. */
export interface KroBackupPoliciesFix {
  template: 'storage-kro-backup-policies';
  title: string;
  formData: KroBackupPoliciesFormData;
}

/**
 * The BackupPolicy that manages the Schedule a claim's gap is about: a
 * covering Schedule (too old, too short a TTL, no file-system backup) or the
 * one a reason names (paused), as kro's owner labels say. Undefined when no
 * Schedule of the claim is kro's, e.g. when none matches the namespace at all:
 * then the coverage data cannot tell, and the static template's generator
 * refuses a namespace that has a BackupPolicy in the repository.
 */
export function owningBackupPolicy(
  claim: ClaimCoverage,
): ScheduleOwner | undefined {
  const owners = [
    ...claim.schedules.map(s => s.owner),
    ...claim.reasons.map(r => r.scheduleOwner),
  ];
  return owners.find(o => o?.kind === BACKUP_POLICY_KIND);
}

/**
 * The fix for a gap in a namespace whose Schedule a BackupPolicy makes: the
 * policy template (re-running it rewrites the policy, and kro the Schedule),
 * never the static one, which would refuse or fight kro.
 */
export function kroPolicyFix(
  claim: ClaimCoverage,
  tier: string | undefined,
): KroBackupPoliciesFix | undefined {
  const owner = owningBackupPolicy(claim);
  if (!owner) return undefined;
  const namespace = owner.namespace ?? claim.namespace;
  return {
    template: 'storage-kro-backup-policies',
    title: `Change the BackupPolicy of namespace ${namespace}`,
    formData: {
      policies: [{ namespace, ...(tier ? { tiers: [tier] } : {}) }],
    },
  };
}
