import { metrics, type Meter } from '@opentelemetry/api';
import type {
  ClaimCoverage,
  ClusterStatus,
} from '@gitops-storage/plugin-storage-common';
import type { NotificationKind } from '../notifications/notificationConfig';

/** What the gauges read, when a metric reader collects. */
export interface MetricsSource {
  allClaims(): ClaimCoverage[];
  clusters(): ClusterStatus[];
}

/** The plugin's instruments (docs/storage-operations.md#metrics). */
export interface StorageMetrics {
  /** A batch of verdicts recomputed after source events (ClusterCache flush). */
  verdictsComputed(cluster: string, eventToVerdictMs: number): void;
  notificationSent(kind: NotificationKind): void;
}

/** Counts claims by cluster × tier × verdict (pure, for the gauge). */
export function countVolumes(
  claims: readonly ClaimCoverage[],
): Map<
  string,
  { cluster: string; tier: string; verdict: string; count: number }
> {
  const out = new Map<
    string,
    { cluster: string; tier: string; verdict: string; count: number }
  >();
  for (const c of claims) {
    const key = `${c.cluster}\u0000${c.tier}\u0000${c.verdict}`;
    const row = out.get(key);
    if (row) row.count++;
    else
      out.set(key, {
        cluster: c.cluster,
        tier: c.tier,
        verdict: c.verdict,
        count: 1,
      });
  }
  return out;
}

/**
 * Creates the plugin's OpenTelemetry instruments on a meter (by default the
 * global provider's, as Backstage's own plugins do: whatever SDK and
 * exporter the backend's instrumentation file installed receives them).
 * Gauges are observed when a reader collects, from the current verdicts.
 */
export function createStorageMetrics(options: {
  source: () => MetricsSource | undefined;
  meter?: Meter;
  now?: () => number;
}): StorageMetrics {
  const meter =
    options.meter ?? metrics.getMeter('@gitops-storage/plugin-storage-backend');
  const now = options.now ?? Date.now;

  const volumes = meter.createObservableGauge('storage.volumes', {
    description:
      'Volumes (PersistentVolumeClaims) by cluster, tier and backup verdict',
    unit: '{volume}',
  });
  volumes.addCallback(result => {
    const source = options.source();
    if (!source) return;
    for (const row of countVolumes(source.allClaims()).values()) {
      result.observe(row.count, {
        cluster: row.cluster,
        tier: row.tier,
        verdict: row.verdict,
      });
    }
  });

  const dataAge = meter.createObservableGauge('storage.cluster.data_age', {
    description:
      "Seconds since each cluster's data was last confirmed current (the oldest kind's last list, watch event or bookmark)",
    unit: 's',
  });
  dataAge.addCallback(result => {
    const source = options.source();
    if (!source) return;
    const at = now();
    for (const cluster of source.clusters()) {
      // Unknown until every kind was read once: no value rather than a guess.
      if (!cluster.lastConfirmedAt) continue;
      const confirmed = Date.parse(cluster.lastConfirmedAt);
      if (!Number.isFinite(confirmed)) continue;
      result.observe(Math.max(0, (at - confirmed) / 1000), {
        cluster: cluster.name,
      });
    }
  });

  const latency = meter.createHistogram('storage.event_to_verdict.duration', {
    description:
      'Time from the first cluster event of a batch to its recomputed verdicts',
    unit: 's',
    advice: {
      explicitBucketBoundaries: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    },
  });
  const sent = meter.createCounter('storage.notifications.sent', {
    description:
      'Owner notifications sent, by kind (failing, unprotected, stale, resolved)',
    unit: '{notification}',
  });

  return {
    verdictsComputed(cluster, ms) {
      latency.record(ms / 1000, { cluster });
    },
    notificationSent(kind) {
      sent.add(1, { kind });
    },
  };
}
