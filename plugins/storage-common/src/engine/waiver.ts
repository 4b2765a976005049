import { parseRfc3339 } from '../kube/time';
import type { Reason } from '../model';
import type { ProjectedClaim } from '../state/projections';
import * as reasons from './messages';

/** A claim's waiver at a moment in time. */
export type WaiverStatus =
  | { state: 'none' }
  | { state: 'active'; reason: Reason }
  | { state: 'expired'; reason: Reason };

/**
 * `gitops-storage.dev/backup-waiver: "<reason>"` waives the backup until the
 * optional `gitops-storage.dev/backup-waiver-expires` (RFC 3339). An expiry
 * that is not a time voids the waiver, so a typo cannot waive forever.
 */
export function waiverStatus(
  claim: ProjectedClaim,
  nowMs: number,
): WaiverStatus {
  if (!claim.waiver) return { state: 'none' };
  if (claim.waiverExpires === undefined) {
    return { state: 'active', reason: reasons.waived(claim.waiver) };
  }
  const expiresAt = parseRfc3339(claim.waiverExpires);
  if (expiresAt === undefined) {
    return {
      state: 'expired',
      reason: reasons.waiverExpired(claim.waiverExpires, false),
    };
  }
  if (expiresAt <= nowMs) {
    return {
      state: 'expired',
      reason: reasons.waiverExpired(claim.waiverExpires, true),
    };
  }
  return {
    state: 'active',
    reason: reasons.waived(claim.waiver, claim.waiverExpires),
  };
}
