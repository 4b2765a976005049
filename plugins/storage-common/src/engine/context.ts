import type { Tier } from '../model';

/** What a verdict depends on besides the cluster's objects. @public */
export interface EvaluationContext {
  /** Name of the cluster the state describes. */
  cluster: string;
  tiers: readonly Tier[];
  now: Date;
  /**
   * The Velero server's `--default-volumes-to-fs-backup`, used for schedules
   * whose template does not set `defaultVolumesToFsBackup` and whose backups
   * do not show the effective value either. Default false, as in Velero.
   */
  defaultVolumesToFsBackup?: boolean;
  /** The server's `--default-snapshot-move-data`. Default false, as in Velero. */
  defaultSnapshotMoveData?: boolean;
  /** The server's `--default-backup-storage-location`. Default `default`. */
  defaultBackupLocation?: string;
  /**
   * Whether the Velero server runs with `--features=EnableCSI`; without it
   * Velero skips its CSI snapshot actions. Default true (CSI snapshots are
   * only used with it).
   */
  csiFeatureEnabled?: boolean;
  /** Only Velero objects in this namespace count; all namespaces when unset. */
  veleroNamespace?: string;
  /** RPO for claims whose tier has none configured. Default 24 hours. */
  defaultRpoSeconds?: number;
  /**
   * `storage.sync.staleAfterSeconds`: when set, every claim is `unknown`
   * while a kind the cluster serves was not confirmed current (listed, or a
   * watch event or bookmark parsed) within this many seconds of `now`.
   * Unset for snapshots, whose data does not age.
   */
  staleAfterSeconds?: number;
}

/** RPO used when a claim's tier sets none. @public */
export const DEFAULT_RPO_SECONDS = 24 * 60 * 60;
