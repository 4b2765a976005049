import { FakeKubeApiServer } from '@gitops-storage/fake-kube-apiserver';
import type { FleetSize } from '../fleet/FleetSize';
import { GeneratedClusterStore } from '../fleet/GeneratedClusterStore';

/** JSON.parse time of one representative list page of a resource. */
export interface ParseSample {
  resource: string;
  path: string;
  items: number;
  bytes: number;
  /** Median time of one JSON.parse of the page (ms). */
  parseMs: number;
}

const PATHS: Record<string, string> = {
  namespaces: '/api/v1/namespaces',
  storageclasses: '/apis/storage.k8s.io/v1/storageclasses',
  persistentvolumes: '/api/v1/persistentvolumes',
  persistentvolumeclaims: '/api/v1/persistentvolumeclaims',
  pods: '/api/v1/pods',
  backupstoragelocations:
    '/apis/velero.io/v1/namespaces/velero/backupstoragelocations',
  schedules: '/apis/velero.io/v1/namespaces/velero/schedules',
  backups: '/apis/velero.io/v1/namespaces/velero/backups',
  podvolumebackups: '/apis/velero.io/v1/namespaces/velero/podvolumebackups',
};

function medianParseMs(text: string, minReps = 5, minMs = 150): number {
  const times: number[] = [];
  const started = performance.now();
  while (times.length < minReps || performance.now() - started < minMs) {
    const t = performance.now();
    JSON.parse(text);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * The physical-limit reference: how fast this machine's JSON.parse reads the
 * pages a sync receives. The first page of every resource of one generated
 * cluster is fetched from a fake API server (the exact bytes the backend
 * gets) and parsed repeatedly; the median time counts.
 */
export async function measureParseThroughput(
  size: FleetSize,
  now: number,
  pageSize: number,
): Promise<ParseSample[]> {
  const store = new GeneratedClusterStore(size, 0, now);
  const server = await FakeKubeApiServer.start({ store });
  try {
    const samples: ParseSample[] = [];
    for (const [resource, path] of Object.entries(PATHS)) {
      const text = await (
        await fetch(`${server.url}${path}?limit=${pageSize}`)
      ).text();
      const items = (JSON.parse(text) as { items: unknown[] }).items.length;
      if (items === 0) continue;
      samples.push({
        resource,
        path,
        items,
        bytes: Buffer.byteLength(text),
        parseMs: medianParseMs(text),
      });
    }
    return samples;
  } finally {
    await server.close();
  }
}
