import type { LoadResult } from '../client/loadTest';
import type { FleetSize } from '../fleet/FleetSize';
import type { Machine } from '../measure/machine';
import type { ParseSample } from '../measure/parseThroughput';
import type { LatencySummary } from '../measure/percentiles';
import type { CsvExportFigures } from '../measure/csvExportInBrowser';
import type { EventTrial } from '../measure/eventToVerdict';
import type { KubernetesBackendFigures } from '../measure/kubernetesBackendPeer';

/** Every figure of one bench run (what `--json` writes). */
export interface BenchResult {
  startedAt: string;
  machine: Machine;
  size: FleetSize;
  pageSize: number;
  /** Objects served, fleet-wide, per resource. */
  objects: Record<string, number>;
  sync: {
    /** From starting the backend to each cluster being synced (ms). */
    perClusterMs: Record<string, number>;
    fleetMs: number;
    /** Until startTestBackend resolved (plugin init; sync runs on in the background). */
    backendBootMs: number;
    /** CPU time during the sync: the backend process, and the fake servers' process. */
    backendCpuMs: number;
    serverCpuMs: number;
    /** Garbage collection in the backend process during the sync (all, and mark-compact). */
    backendGcMs: number;
    backendMajorGcMs: number;
  };
  bytes: {
    /** List and watch bodies the fake servers sent the backend during the sync. */
    received: number;
    perCluster: Record<string, number>;
    parseSamples: ParseSample[];
    /** JSON.parse throughput over the sync's mix of resources (bytes/s). */
    parseBytesPerSecond: number;
    /** received ÷ parse throughput: the least time a sync can take on one core (ms). */
    parseBoundMs: number;
  };
  memory: {
    /** RSS of this process before the backend started, after GC. */
    baselineRssBytes: number;
    rssBytes: number;
    heapUsedBytes: number;
    externalBytes: number;
    serverRssBytes: number;
  };
  check: {
    claims: number;
    expectedClaims: number;
    byVerdict: Record<string, number>;
  };
  /**
   * The coverage history's first recording after the sync (the scheduler's
   * global task, in the backend's process): from the sync until it held
   * every claim, and the backend's CPU meanwhile.
   */
  history: { firstRecordingMs: number; firstRecordingCpuMs: number };
  /** One entity's response: its size, and how much of it is the clusters' status. */
  entityBody: {
    bytes: number;
    clustersBytes: number;
    clusters: number;
    claims: number;
  };
  entity: LoadResult[];
  /** The framework's floor (floorPlugin) at the same client counts, measured right after. */
  floor: LoadResult[];
  coverage: {
    /** The first call builds the claim→owner index from the catalog. */
    firstMs: number;
    page: LatencySummary & { responseBytes: number };
    filtered: LatencySummary & { responseBytes: number };
  };
  /** The CSV export of every row in Chromium; absent when no Chromium is installed. */
  csvExport?: CsvExportFigures;
  eventToVerdict: EventTrial[];
  fanOut: {
    runs: Array<{
      id: string;
      ms: number;
      requests: number;
      bytes: number;
      claims: number;
    }>;
    latency: LatencySummary;
    meanBytes: number;
    meanRequests: number;
    /** Mean bytes per request ÷ parse throughput: fan-out's floor even with instant API servers. */
    parseBoundMs: number;
    /** fan-out p50 ÷ cached entity p50 at 1 client. */
    ratio: number;
    /** fan-out parse floor ÷ cached entity p50 at 1 client. */
    ratioAtParseBound: number;
    agreement: { claims: number; sameVerdict: number; mismatches: string[] };
  };
  /** Other software answering the same entity views, on the same clusters. */
  peers: { kubernetesBackend: KubernetesBackendFigures };
}

export interface TargetCheck {
  name: string;
  target: string;
  measured: string;
  met: boolean;
}
