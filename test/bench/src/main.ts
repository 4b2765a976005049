import { writeKubeconfig } from '@gitops-storage/fake-kube-apiserver';
import type {
  CoverageResponse,
  EntityStorageResponse,
} from '@gitops-storage/plugin-storage-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, USAGE, UsageError, type BenchOptions } from './args';
import { ApiClient } from './backend/apiClient';
import {
  startStorageBackend,
  type RunningBackend,
} from './backend/startBackend';
import { waitForSync } from './backend/waitForSync';
import { waitForFirstRecording } from './backend/waitForFirstRecording';
import type { FanOutRun } from './client/clientProcess';
import { mergeLoadResults, type LoadResult } from './client/loadTest';
import { fleetFingerprint } from './fleet/fingerprint';
import { VELERO_NAMESPACE } from './fleet/FleetSize';
import {
  entityPath,
  fleetEntities,
  fleetLayouts,
  storageAppConfig,
} from './fleet/fleetModel';
import { HelperProcess } from './ipc';
import { timeEventToVerdict } from './measure/eventToVerdict';
import { watchGcTime } from './measure/gcTime';
import { measureCsvExportInBrowser } from './measure/csvExportInBrowser';
import { describeMachine } from './measure/machine';
import { measureKubernetesBackend } from './measure/kubernetesBackendPeer';
import { memoryAfterGc } from './measure/memory';
import type { ParseSample } from './measure/parseThroughput';
import { summarizeLatencies, type LatencySummary } from './measure/percentiles';
import type { BenchResult } from './report/BenchResult';
import { formatReport } from './report/formatReport';
import { checkTargets } from './report/targets';
import type { ServedCluster, ServerStats } from './server/serverProcess';

const BIN = path.resolve(__dirname, '../bin');
/** The instant `--fingerprint` generates the fleet for, so its digest is stable. */
const FINGERPRINT_NOW = Date.UTC(2026, 0, 1);
const SYNC_TIMEOUT_MS = 30 * 60_000;
const CONCURRENCY = [1, 10, 50];
const LOAD_ROUNDS = 3;

function progress(message: string) {
  process.stderr.write(`· ${message}\n`);
}

function sumBy<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}

/** JSON.parse throughput over the sync's mix: each page type weighted by the bytes it makes up. */
function parseThroughput(
  samples: ParseSample[],
  objects: Record<string, number>,
): number {
  const weighted = samples.map(s => ({
    bytes: (s.bytes / s.items) * (objects[s.resource] ?? 0),
    ms: (s.parseMs / s.items) * (objects[s.resource] ?? 0),
  }));
  return sumBy(weighted, w => w.bytes) / (sumBy(weighted, w => w.ms) / 1000);
}

async function run(options: BenchOptions): Promise<BenchResult> {
  const { size, pageSize } = options;
  const machine = describeMachine();
  const now = Math.floor(Date.now() / 1000) * 1000;
  const layouts = fleetLayouts(size, now);
  const entities = fleetEntities(layouts);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gitops-storage-bench-'));
  const kubeconfig = path.join(tmp, 'kubeconfig');
  const helpers: HelperProcess[] = [];
  let backend: RunningBackend | undefined;
  let api: ApiClient | undefined;

  try {
    progress(`starting ${size.clusters} fake API servers (separate process)`);
    const servers = HelperProcess.start(
      'fake API servers',
      path.join(BIN, 'server.js'),
    );
    helpers.push(servers);
    const clusters = await servers.request<ServedCluster[]>('start', {
      size,
      now,
      bookmarkIntervalMs: 30_000,
    });
    const objects: Record<string, number> = {};
    for (const cluster of clusters) {
      for (const [resource, n] of Object.entries(cluster.counts)) {
        objects[resource] = (objects[resource] ?? 0) + n;
      }
    }
    writeKubeconfig(
      kubeconfig,
      clusters.map(c => ({ name: c.name, server: c.url })),
    );
    const client = HelperProcess.start('clients', path.join(BIN, 'client.js'));
    helpers.push(client);

    progress('measuring JSON.parse throughput on representative list pages');
    const parseSamples = await client.request<ParseSample[]>(
      'parseThroughput',
      { size, now, pageSize },
    );
    const parseBytesPerSecond = parseThroughput(parseSamples, objects);

    const appConfig = storageAppConfig(
      clusters.map(c => c.name),
      kubeconfig,
      pageSize,
    );
    const baseline = await memoryAfterGc();
    const serverBefore = await servers.request<ServerStats>('stats');
    progress(
      `starting the backend and syncing ${sumBy(
        Object.values(objects),
        n => n,
      ).toLocaleString('en-US')} objects`,
    );
    const cpuBefore = process.cpuUsage();
    const gcDuringSync = watchGcTime();
    const startedAt = performance.now();
    backend = await startStorageBackend(appConfig, entities);
    const backendBootMs = performance.now() - startedAt;
    api = new ApiClient(backend.baseUrl);
    const syncedAt = await waitForSync(api, startedAt, SYNC_TIMEOUT_MS);
    const cpuDuring = process.cpuUsage(cpuBefore);
    const gc = gcDuringSync.stop();
    const serverAfter = await servers.request<ServerStats>('stats');
    const fleetMs = Math.max(...syncedAt.values());
    const received =
      sumBy(serverAfter.clusters, c => c.bytesSent) -
      sumBy(serverBefore.clusters, c => c.bytesSent);
    progress(
      `synced in ${(fleetMs / 1000).toFixed(
        1,
      )} s; waiting for the first history recording`,
    );
    const recordedAt = performance.now();
    const cpuBeforeRecording = process.cpuUsage();
    const firstRecordingMs = await waitForFirstRecording(
      api,
      size.clusters * size.pvcs,
      recordedAt,
      SYNC_TIMEOUT_MS,
    );
    const recordingCpu = process.cpuUsage(cpuBeforeRecording);
    progress(
      `first recording ${(firstRecordingMs / 1000).toFixed(
        1,
      )} s; measuring memory`,
    );

    await new Promise(resolve => setTimeout(resolve, 1000));
    const memory = await memoryAfterGc();

    const first = await api.get<CoverageResponse>(
      '/api/storage/coverage?limit=1',
    );
    const check = {
      claims: first.body.totalRows,
      expectedClaims: size.clusters * size.pvcs,
      byVerdict: { ...first.body.summary.byVerdict },
    };
    if (check.claims !== check.expectedClaims) {
      throw new Error(
        `the API serves ${check.claims} claims, the fleet has ${check.expectedClaims}`,
      );
    }

    const paths = entities.map(e => entityPath(e.metadata.name));
    const sample = await api.get<EntityStorageResponse>(paths[0]);
    const sampleJson = JSON.stringify(sample.body);
    const entityBody = {
      bytes: Buffer.byteLength(sampleJson),
      clustersBytes: Buffer.byteLength(JSON.stringify(sample.body.clusters)),
      clusters: sample.body.clusters.length,
      claims: sample.body.claims.length,
    };
    // The floor answers a body as large as an entity's, serialized beforehand.
    backend.floor.setBody(Buffer.from(sampleJson));
    const { baseUrl } = backend;
    const entity: LoadResult[] = [];
    const floor: LoadResult[] = [];
    for (const concurrency of CONCURRENCY) {
      // Endpoint and floor in alternating rounds, so other load on the
      // machine (it changes from second to second) affects both alike.
      progress(
        `entity endpoint and floor, ${concurrency} concurrent clients, ${options.durationSeconds} s each in ${LOAD_ROUNDS} alternating rounds`,
      );
      const load = (loadPaths: string[]) =>
        client.request<LoadResult>('load', {
          baseUrl,
          paths: loadPaths,
          concurrency,
          durationMs: (options.durationSeconds * 1000) / LOAD_ROUNDS,
          keepSamples: true,
        });
      const rounds = { entity: [] as LoadResult[], floor: [] as LoadResult[] };
      for (let round = 0; round < LOAD_ROUNDS; round++) {
        rounds.entity.push(await load(paths));
        rounds.floor.push(await load([backend.floor.path]));
      }
      entity.push(mergeLoadResults(rounds.entity));
      floor.push(mergeLoadResults(rounds.floor));
    }

    progress('coverage endpoint');
    type Sequential = {
      first: number;
      rest: LatencySummary;
      errors: number;
      responseBytes: number;
    };
    const coveragePage = await client.request<Sequential>('sequential', {
      baseUrl: backend.baseUrl,
      path: '/api/storage/coverage',
      repeat: 31,
    });
    const coverageFiltered = await client.request<Sequential>('sequential', {
      baseUrl: backend.baseUrl,
      path: '/api/storage/coverage?verdict=failing,stale,unprotected',
      repeat: 31,
    });

    progress(
      'CSV export of every row, in Chromium (streamed, and paged as before)',
    );
    const csvExport = await measureCsvExportInBrowser(
      baseUrl,
      backend.floor.pagePath,
    );
    if (csvExport && csvExport.streamed.rows !== check.claims) {
      throw new Error(
        `the CSV export has ${csvExport.streamed.rows} rows, the fleet ${check.claims}`,
      );
    }

    progress(`watch event to verdict, ${options.eventTrials} trials`);
    const eventToVerdict = await timeEventToVerdict(
      api,
      servers,
      layouts,
      options.eventTrials,
    );

    progress(
      `fan-out, ${options.fanOutRequests} entity queries across ${size.clusters} clusters`,
    );
    const fanOutIds = Array.from(
      { length: options.fanOutRequests },
      (_, i) =>
        entities[
          Math.floor(((i + 0.5) * entities.length) / options.fanOutRequests)
        ].metadata.name,
    );
    const fanOutRuns = await client.request<FanOutRun[]>('fanOut', {
      kubeconfig,
      clusters: clusters.map(c => c.name),
      entityIds: fanOutIds,
      appConfig,
      veleroNamespace: VELERO_NAMESPACE,
    });
    const agreement = { claims: 0, sameVerdict: 0, mismatches: [] as string[] };
    for (const runResult of fanOutRuns) {
      const cached = await api.get<EntityStorageResponse>(
        entityPath(runResult.id),
      );
      const verdicts = new Map(
        cached.body.claims.map(c => [
          `${c.cluster}/${c.namespace}/${c.name}`,
          c.verdict,
        ]),
      );
      for (const claim of runResult.claims) {
        const key = `${claim.cluster}/${claim.namespace}/${claim.name}`;
        agreement.claims++;
        if (verdicts.get(key) === claim.verdict) agreement.sameVerdict++;
        else
          agreement.mismatches.push(
            `${key}: fan-out ${claim.verdict}, cache ${
              verdicts.get(key) ?? 'absent'
            }`,
          );
      }
      if (cached.body.claims.length !== runResult.claims.length) {
        agreement.mismatches.push(
          `${runResult.id}: fan-out found ${runResult.claims.length} claims, cache ${cached.body.claims.length}`,
        );
      }
    }
    const fanOutLatency = summarizeLatencies(fanOutRuns.map(r => r.ms));
    const meanBytes = sumBy(fanOutRuns, r => r.bytes) / fanOutRuns.length;
    const fanOutParseBoundMs = (meanBytes / parseBytesPerSecond) * 1000;
    const cachedP50 = entity[0].p50;

    progress(
      `the real peer: @backstage/plugin-kubernetes-backend, ${options.durationSeconds} s at 1 and 10 clients`,
    );
    const kubernetesBackend = await measureKubernetesBackend({
      clusters,
      entities,
      servers,
      client,
      durationMs: options.durationSeconds * 1000,
      storageEntity: entity,
    });

    return {
      startedAt: new Date(now).toISOString(),
      machine,
      size,
      pageSize,
      objects,
      sync: {
        perClusterMs: Object.fromEntries(
          [...syncedAt].sort(([a], [b]) => a.localeCompare(b)),
        ),
        fleetMs,
        backendBootMs,
        backendCpuMs: (cpuDuring.user + cpuDuring.system) / 1000,
        backendGcMs: gc.totalMs,
        backendMajorGcMs: gc.majorMs,
        serverCpuMs: serverAfter.cpuMs - serverBefore.cpuMs,
      },
      bytes: {
        received,
        perCluster: Object.fromEntries(
          serverAfter.clusters.map(c => [c.name, c.bytesSent]),
        ),
        parseSamples,
        parseBytesPerSecond,
        parseBoundMs: (received / parseBytesPerSecond) * 1000,
      },
      memory: {
        baselineRssBytes: baseline.rss,
        rssBytes: memory.rss,
        heapUsedBytes: memory.heapUsed,
        externalBytes: memory.external,
        serverRssBytes: serverAfter.rssBytes,
      },
      check,
      history: {
        firstRecordingMs,
        firstRecordingCpuMs: (recordingCpu.user + recordingCpu.system) / 1000,
      },
      entityBody,
      entity,
      floor,
      coverage: {
        firstMs: first.ms,
        page: {
          ...coveragePage.rest,
          responseBytes: coveragePage.responseBytes,
        },
        filtered: {
          ...coverageFiltered.rest,
          responseBytes: coverageFiltered.responseBytes,
        },
      },
      ...(csvExport ? { csvExport } : {}),
      eventToVerdict,
      fanOut: {
        runs: fanOutRuns.map(r => ({
          id: r.id,
          ms: r.ms,
          requests: r.requests,
          bytes: r.bytes,
          claims: r.claims.length,
        })),
        latency: fanOutLatency,
        meanBytes,
        meanRequests: sumBy(fanOutRuns, r => r.requests) / fanOutRuns.length,
        parseBoundMs: fanOutParseBoundMs,
        ratio: fanOutLatency.p50 / cachedP50,
        ratioAtParseBound: fanOutParseBoundMs / cachedP50,
        agreement: {
          ...agreement,
          mismatches: agreement.mismatches.slice(0, 5),
        },
      },
      peers: { kubernetesBackend },
    };
  } finally {
    api?.close();
    await backend
      ?.stop()
      .catch(error => progress(`backend did not stop cleanly: ${error}`));
    await Promise.all(helpers.map(h => h.stop()));
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function main() {
  let options: BenchOptions | 'help';
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`bench: ${error.message}\n`);
    process.exit(2);
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (options.fingerprint) {
    process.stdout.write(
      `${JSON.stringify(fleetFingerprint(options.size, FINGERPRINT_NOW))}\n`,
    );
    return;
  }
  const result = await run(options);
  const targets = checkTargets(result);
  process.stdout.write(`\n${formatReport(result, targets)}\n`);
  if (options.json) {
    fs.writeFileSync(
      options.json,
      `${JSON.stringify({ ...result, targets }, null, 2)}\n`,
    );
    progress(`figures written to ${options.json}`);
  }
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(
      `bench: ${
        error instanceof Error ? error.stack ?? error.message : error
      }\n`,
    );
    process.exit(1);
  },
);
