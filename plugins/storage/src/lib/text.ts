import type {
  ClaimCoverage,
  ClusterHealth,
  Verdict,
  VolumeBackupRef,
  VolumeSource,
} from '@gitops-storage/plugin-storage-common';

/** Short names of verdicts, as shown on badges. */
export const VERDICT_LABEL: Readonly<Record<Verdict, string>> = {
  protected: 'Protected',
  waived: 'Waived',
  unprotected: 'Unprotected',
  failing: 'Failing',
  stale: 'Stale',
  unknown: 'Unknown',
};

/** What a verdict means, in a service owner's words. */
export const VERDICT_MEANING: Readonly<Record<Verdict, string>> = {
  protected: 'A recent enough backup of this data exists.',
  waived: 'Someone decided this data needs no backup.',
  unprotected: 'No backup copies this data.',
  failing: 'Backups of this data are failing.',
  stale: 'The last good backup is older than the tier allows.',
  unknown: 'We could not read whether this data is backed up.',
};

/** The label of a copy-less stale volume: its own words, not "stale". */
export const BACKUP_STATUS_LABEL: Readonly<
  Record<NonNullable<ClaimCoverage['backupStatus']>, string>
> = {
  'never-backed-up': 'Never backed up',
  'awaiting-first-backup': 'Awaiting first backup',
};

export const BACKUP_STATUS_MEANING: Readonly<
  Record<NonNullable<ClaimCoverage['backupStatus']>, string>
> = {
  'never-backed-up':
    'No good copy of this data has ever existed, although a scheduled backup should have made one.',
  'awaiting-first-backup':
    'This volume is new; its first scheduled backup has not run yet.',
};

/** What the last backup did for this volume. */
export const ATTEMPT_OUTCOME_LABEL: Readonly<
  Record<NonNullable<VolumeBackupRef['outcome']>, string>
> = {
  completed: 'Completed',
  failed: 'Failed',
  'not-attempted': 'Not attempted',
  'in-progress': 'In progress',
};

export const VOLUME_SOURCE_LABEL: Readonly<Record<VolumeSource, string>> = {
  csi: 'CSI',
  nfs: 'NFS',
  local: 'Local disk',
  hostPath: 'hostPath',
  other: 'Other',
  unbound: 'Not bound yet',
};

export const ACCESS_MODE_ABBREVIATION: Readonly<Record<string, string>> = {
  ReadWriteOnce: 'RWO',
  ReadOnlyMany: 'ROX',
  ReadWriteMany: 'RWX',
  ReadWriteOncePod: 'RWOP',
};

/** How a cluster's read status reads to a person; undefined when it is fine. */
export const CLUSTER_HEALTH_PROBLEM: Readonly<
  Record<ClusterHealth, string | undefined>
> = {
  synced: undefined,
  syncing: 'is still being read; its volumes may be missing for a moment',
  lagging: 'has not sent updates recently; what is shown may be out of date',
  forbidden: 'refused to let us read its storage objects',
  unreachable: 'could not be reached',
  error: 'could not be read',
};

export function pluralize(count: number, noun: string, plural = `${noun}s`) {
  return `${count.toLocaleString('en-US')} ${count === 1 ? noun : plural}`;
}
