import type {
  ClaimCoverage,
  Reason,
  Verdict,
} from '@gitops-storage/plugin-storage-common';

/**
 * A volume's identity in the history: cluster, namespace, claim name and the
 * claim's uid (a claim deleted and created again under the same name is
 * another volume).
 */
export interface VolumeIdentity {
  cluster: string;
  namespace: string;
  name: string;
  uid: string;
}

/** What a claim's backup state is, as far as history compares it. */
export type BackupStatus = ClaimCoverage['backupStatus'];

/**
 * One change of a volume's verdict, as stored. `from` is null the first time
 * the volume is seen; `to` is null when it is gone (deleted from its
 * cluster). A change of `backupStatus` alone (`awaiting-first-backup` →
 * `never-backed-up`, both `stale`) is a transition too, so a listener can
 * tell when a first backup was missed.
 */
export interface VolumeTransition {
  volume: VolumeIdentity;
  /** 1 for the first time the volume is seen, then one more per transition. */
  seq: number;
  from: Verdict | null;
  to: Verdict | null;
  fromBackupStatus?: BackupStatus;
  toBackupStatus?: BackupStatus;
  /** The volume's reasons after the transition (none when it is gone). */
  reasons: Reason[];
  /** RFC 3339: when the recording task saw the new verdict. */
  at: string;
  /** Seeded demo data, never a real observation. */
  demo: boolean;
}

/**
 * A transition handed to listeners, with who it concerns: the catalog
 * entities whose workloads use the volume and their owners, as the plugin
 * (not a caller) sees them at recording time.
 */
export interface RecordedTransition extends VolumeTransition {
  entityRefs: string[];
  owners: string[];
  /** The volume's coverage after the transition (absent when it is gone). */
  claim?: ClaimCoverage;
}

/**
 * Receives the transitions a recording stored. Called once per recording
 * run, after its transaction committed, only on the replica whose run stored
 * them (the recording task is a global scheduler task and the database drops
 * a transition stored twice), so a listener that notifies sends one message
 * per transition, not one per replica or per poll. Never called for seeded
 * demo data. A listener that throws is logged; the transitions stay stored.
 */
export interface TransitionListener {
  onTransitions(batch: readonly RecordedTransition[]): Promise<void>;
}
