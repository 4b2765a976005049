import type { HumanDuration } from '@backstage/types';

export interface Config {
  /** The storage plugin: volumes, storage tiers and backup coverage. */
  storage?: {
    /**
     * Storage tiers. A claim's tier is the tier that lists its StorageClass,
     * else the class's `gitops-storage.dev/tier` label, else `unclassified`.
     * @visibility frontend
     */
    tiers?: Array<{
      /** @visibility frontend */
      name: string;
      /** @visibility frontend */
      title?: string;
      /** @visibility frontend */
      description?: string;
      /** @visibility frontend */
      storageClasses: string[];
      /**
       * Recovery point objective: the oldest a last successful backup may be.
       * A duration object (`{ hours: 24 }`) or ISO 8601 (`PT24H`).
       * @visibility frontend
       */
      rpo: HumanDuration | string;
      /** Access modes the tier can serve; unrestricted when absent. @visibility frontend */
      accessModes?: string[];
      /**
       * How often each volume's data must be shown restorable: a volume whose
       * last successful Velero restore (a drill into a scratch namespace
       * counts) is older is `overdue`. A duration object or ISO 8601. Its own
       * status: the backup verdict ignores it. docs/restore-verification.md
       * @visibility frontend
       */
      restoreTestInterval?: HumanDuration | string;
    }>;

    /** Velero's namespace in every cluster (default `velero`). */
    veleroNamespace?: string;

    /**
     * The Velero server's `--default-volumes-to-fs-backup`, for schedules that
     * do not say (default false, as in Velero).
     */
    defaultVolumesToFsBackup?: boolean;

    /** The Velero server's `--default-snapshot-move-data` (default false). */
    defaultSnapshotMoveData?: boolean;

    /**
     * The Velero server's `--default-backup-storage-location`, used when no
     * BackupStorageLocation is marked default (default `default`).
     */
    defaultBackupStorageLocation?: string;

    /**
     * Whether the Velero server runs with `--features=EnableCSI` (default
     * true). Without it Velero takes no CSI snapshots.
     */
    csiSnapshots?: boolean;

    /**
     * Clusters to read. When absent, the Kubernetes plugin's
     * `kubernetes.clusterLocatorMethods` of type `config` are used.
     */
    clusters?: Array<{
      name: string;
      /** `kubernetes` (default): a live cluster; `snapshot`: a directory of `kubectl get -o yaml` files. */
      type?: 'kubernetes' | 'snapshot';
      /** snapshot: the directory, relative to the backend's working directory. */
      path?: string;
      /** snapshot: move the snapshot's times so its capture time is now (demo data only). */
      timeShift?: boolean;
      /** kubernetes: API server URL. */
      url?: string;
      /** kubernetes: `serviceAccount` (default), `kubeconfig` or `inCluster`. */
      authProvider?: 'serviceAccount' | 'kubeconfig' | 'inCluster';
      /**
       * kubernetes: a service account token with the read-only ClusterRole
       * from the docs.
       * @visibility secret
       */
      serviceAccountToken?: string;
      /** kubernetes: kubeconfig file for `authProvider: kubeconfig` (default: $KUBECONFIG or ~/.kube/config). */
      kubeconfigPath?: string;
      /** kubernetes: kubeconfig context (default: the current one). */
      context?: string;
      /**
       * kubernetes: PEM CA bundle, base64.
       * @visibility secret
       */
      caData?: string;
      /** kubernetes: path to a CA bundle. */
      caFile?: string;
      skipTLSVerify?: boolean;
      /** Velero's namespace in this cluster, overriding `storage.veleroNamespace`. */
      veleroNamespace?: string;
    }>;

    /**
     * Coverage history (docs/storage-history.md): each volume's verdict
     * transitions and daily verdict counts, in the plugin's database.
     */
    history?: {
      /** Record history (default true). */
      enabled?: boolean;
      /**
       * How long transitions and daily counts are kept, a duration object
       * (`{ days: 400 }`) or ISO 8601 (`P400D`); default 400 days. A daily
       * cleanup task removes older rows.
       */
      retention?: HumanDuration | string;
      /**
       * How often the recording task compares the current verdicts with the
       * stored ones (default `{ minutes: 5 }`). One replica runs it at a time.
       */
      recordEvery?: HumanDuration | string;
      /**
       * Seed a few weeks of made-up history, marked as demo data, into an
       * empty history on start. Default: true when every cluster is a
       * time-shifted snapshot (the demo); refused with any other cluster.
       */
      seedDemo?: boolean;
    };

    /**
     * Owner notifications (docs/storage-operations.md#notifications): when a
     * volume of an entity turns failing, unprotected or stale (not while it
     * only awaits its first scheduled backup), the entity's owners get one
     * notification per transition, grouped per entity, and a resolution when
     * it recovers. Driven by the history's recording task, so they need
     * `storage.history` and the notifications backend plugin. An entity
     * opts out with the annotation
     * `gitops-storage.dev/storage-notifications: disabled`.
     */
    notifications?: {
      /** Send notifications (default true). */
      enabled?: boolean;
      /**
       * Severity per kind of change: `critical`, `high`, `normal` or `low`.
       * Defaults: unprotected and failing `high`, stale `normal`, resolved
       * `low`.
       */
      severity?: {
        unprotected?: 'critical' | 'high' | 'normal' | 'low';
        failing?: 'critical' | 'high' | 'normal' | 'low';
        stale?: 'critical' | 'high' | 'normal' | 'low';
        resolved?: 'critical' | 'high' | 'normal' | 'low';
      };
    };

    /** How live clusters are read. */
    sync?: {
      /** Items per list page (`limit`), default 500. */
      pageSize?: number;
      /** Server-side watch timeout before a re-watch, default 300. */
      watchTimeoutSeconds?: number;
      /**
       * How old a live cluster's data may be: every verdict of the cluster is
       * `unknown` while some kind it serves was not confirmed current (a list
       * completed, or a watch event or bookmark parsed) within this many
       * seconds, whatever its status says. Default 300.
       */
      staleAfterSeconds?: number;
      /** Timeout of every list page and of a watch's response headers, default 60. */
      requestTimeoutSeconds?: number;
      /** A watch that sends nothing (not even a bookmark) this long is restarted, default 120. */
      watchIdleSeconds?: number;
      /**
       * The most one list body or one watch line may hold, in bytes (default
       * 16 MiB); more drops the connection and reports `too-large`.
       */
      maxMessageBytes?: number;
    };
  };
}
