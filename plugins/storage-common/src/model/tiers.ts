import type { HumanDuration } from '@backstage/types';

/** A tier as written in `storage.tiers` (DESIGN.md "Contract: tiers"). @public */
export interface TierConfig {
  name: string;
  title?: string;
  description?: string;
  storageClasses: string[];
  /** Recovery point objective: a HumanDuration object or an ISO 8601 duration. */
  rpo: HumanDuration | string;
  accessModes?: string[];
  /** How often the tier's data must be shown restorable (a restore drill). */
  restoreTestInterval?: HumanDuration | string;
}

/** A tier with its RPO resolved, as served by `GET /tiers`. @public */
export interface Tier {
  name: string;
  title?: string;
  description?: string;
  storageClasses: string[];
  /** RPO as an ISO 8601 duration, e.g. `PT24H`. */
  rpo: string;
  rpoSeconds: number;
  /** What the tier can serve; absent means not restricted. */
  accessModes?: string[];
  /** `restoreTestInterval` as an ISO 8601 duration, when set. */
  restoreTestInterval?: string;
  restoreTestIntervalSeconds?: number;
}

/** The tier of a claim whose class no tier claims. @public */
export const UNCLASSIFIED_TIER = 'unclassified';

/** The StorageClass label naming a class's tier. @public */
export const TIER_LABEL = 'gitops-storage.dev/tier';

/** PVC annotation: the reason a claim needs no backup. @public */
export const WAIVER_ANNOTATION = 'gitops-storage.dev/backup-waiver';

/** PVC annotation: RFC 3339 time at which the waiver ends. @public */
export const WAIVER_EXPIRES_ANNOTATION =
  'gitops-storage.dev/backup-waiver-expires';
