import type { BenchResult, TargetCheck } from './BenchResult';

const MB = 1024 ** 2;

const ms = (value: number) =>
  value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MiB`;
const int = (n: number) => n.toLocaleString('en-US');

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map(r => r[i].length)));
  return rows
    .map(r =>
      `  ${r.map((cell, i) => cell.padEnd(widths[i])).join('  ')}`.trimEnd(),
    )
    .join('\n');
}

function loadTable(levels: BenchResult['entity']): string {
  return table([
    [
      'clients',
      'requests',
      'req/s',
      'p50',
      'p90',
      'p99',
      'max',
      'errors',
      'body',
    ],
    ...levels.map(e => [
      String(e.concurrency),
      int(e.count),
      e.requestsPerSecond.toFixed(0),
      ms(e.p50),
      ms(e.p90),
      ms(e.p99),
      ms(e.max),
      String(e.errors),
      `${(e.meanResponseBytes / 1024).toFixed(1)} KiB`,
    ]),
  ]);
}

function csvSection(r: BenchResult): string[] {
  const c = r.csvExport;
  if (!c)
    return [
      'CSV export in Chromium: not measured (no Chromium; set PLAYWRIGHT_CHROMIUM)',
    ];
  const line = (label: string, e: typeof c.paged) =>
    `  ${label}: ${ms(e.ms)}, ${e.requests} request${
      e.requests === 1 ? '' : 's'
    }, ${mb(e.bytes)} received, ${int(e.rows)} rows; peak JS heap +${mb(
      e.peakHeapBytes,
    )}, browser RSS +${mb(e.peakBrowserRssBytes)}`;
  return [
    `CSV export of every row, in Chromium ${c.browser} (a page on the backend's origin)`,
    `${line(
      'streamed GET /coverage/export.csv, saved as a download',
      c.streamed,
    )}; file ${mb(c.streamed.downloadedBytes)}`,
    line(
      'paged GET /coverage?limit=500 as before (fetch and parse only)',
      c.paged,
    ),
  ];
}

function peerSection(r: BenchResult): string[] {
  const k = r.peers.kubernetesBackend;
  return [
    `The real peer: ${k.plugin} (same Backstage release), ${
      k.configuration.endpoint
    } for ${k.configuration.customResources.join(', ')}`,
    `  per entity view: ${k.perView.listCalls.toFixed(0)} list calls, ${mb(
      k.perView.bytesFromApiServers,
    )} from the API servers, answer ${(k.perView.responseBytes / 1024).toFixed(
      1,
    )} KiB, ${ms(k.perView.ms)} one at a time`,
    loadTable(k.load),
    `  its p50 ÷ the storage entity endpoint's: ${Object.entries(k.ratioAt)
      .map(
        ([c, ratio]) =>
          `${ratio.toFixed(0)}× at ${c} client${c === '1' ? '' : 's'}`,
      )
      .join(', ')}`,
    `  its answer holds: ${
      Object.entries(k.answer.objects)
        .map(([kind, n]) => `${kind} ${int(n)}`)
        .join(', ') || 'nothing'
    }${k.answer.errors ? `; ${k.answer.errors} errors` : ''}`,
    `  missing for a verdict: ${
      k.answer.missing.map(m => `${m.kind} (${m.neededFor})`).join('; ') ||
      'nothing'
    }; and it has no coverage engine: no tier, RPO, schedule match or verdict`,
  ];
}

/** The human-readable report of a run. */
export function formatReport(r: BenchResult, targets: TargetCheck[]): string {
  const clusterTimes = Object.values(r.sync.perClusterMs).sort((a, b) => a - b);
  const out: string[] = [];
  out.push(
    `Machine: ${r.machine.cpus} CPUs (${r.machine.cpuModel}), ${(
      r.machine.memoryBytes /
      1024 ** 3
    ).toFixed(0)} GiB, Node ${
      r.machine.node
    }, load average ${r.machine.loadAverage.toFixed(2)} at start`,
    `Fleet: ${r.size.clusters} clusters × ${int(r.size.pvcs)} PVCs, ${
      r.size.services
    } services, ${r.size.schedules} schedules, ${r.size.days} days, seed ${
      r.size.seed
    }`,
    `  ${Object.entries(r.objects)
      .filter(([, n]) => n > 0)
      .map(([resource, n]) => `${resource} ${int(n)}`)
      .join(', ')}`,
    '',
    `Cold sync (storagePlugin in startTestBackend, client-node list+watch, page size ${r.pageSize})`,
    `  fleet: ${ms(r.sync.fleetMs)}  (backend boot ${ms(
      r.sync.backendBootMs,
    )}; per cluster min ${ms(clusterTimes[0])}, median ${ms(
      clusterTimes[Math.floor(clusterTimes.length / 2)],
    )}, max ${ms(clusterTimes[clusterTimes.length - 1])})`,
    `  CPU during sync: backend ${ms(r.sync.backendCpuMs)} (of which GC ${ms(
      r.sync.backendGcMs,
    )}, mark-compact ${ms(r.sync.backendMajorGcMs)}), fake API servers ${ms(
      r.sync.serverCpuMs,
    )}`,
    `  per cluster: ${Object.entries(r.sync.perClusterMs)
      .map(
        ([name, t]) =>
          `${name.replace('cluster-', '#')} ${(t / 1000).toFixed(1)}s`,
      )
      .join(' ')}`,
    `  bytes received: ${mb(r.bytes.received)} (${int(r.bytes.received)} B)`,
    `  JSON.parse throughput on representative pages: ${(
      r.bytes.parseBytesPerSecond / MB
    ).toFixed(0)} MiB/s → parse bound ${ms(r.bytes.parseBoundMs)} (sync = ${(
      r.sync.fleetMs / r.bytes.parseBoundMs
    ).toFixed(2)}× the bound)`,
    table([
      ['page', 'items', 'bytes/item', 'parse MiB/s'],
      ...r.bytes.parseSamples.map(s => [
        s.resource,
        String(s.items),
        String(Math.round(s.bytes / s.items)),
        (s.bytes / MB / (s.parseMs / 1000)).toFixed(0),
      ]),
    ]),
    '',
    `Memory after sync and GC: RSS ${mb(
      r.memory.rssBytes,
    )} (baseline before the backend ${mb(
      r.memory.baselineRssBytes,
    )}), heap used ${mb(r.memory.heapUsedBytes)}, external ${mb(
      r.memory.externalBytes,
    )}; fake servers' process ${mb(r.memory.serverRssBytes)}`,
    `First history recording after the sync (global scheduler task): ${ms(
      r.history.firstRecordingMs,
    )}, backend CPU ${ms(r.history.firstRecordingCpuMs)}`,
    `Verdicts served: ${int(r.check.claims)} claims (expected ${int(
      r.check.expectedClaims,
    )}): ${Object.entries(r.check.byVerdict)
      .filter(([, n]) => n > 0)
      .map(([v, n]) => `${v} ${int(n)}`)
      .join(', ')}`,
    '',
    'Entity endpoint GET /api/storage/entities/default/component/<svc> (closed loop, keep-alive, separate client process)',
    `  one answer: ${r.entityBody.claims} claims, ${(
      r.entityBody.bytes / 1024
    ).toFixed(1)} KiB, of which the status of ${r.entityBody.clusters} of the ${
      r.size.clusters
    } clusters (those it depends on) ${(
      r.entityBody.clustersBytes / 1024
    ).toFixed(1)} KiB`,
    loadTable(r.entity),
    `Floor: the same backend sending a body of the same size, serialized beforehand, through the same auth and router (GET /api/floor/body)`,
    loadTable(r.floor),
    `  entity endpoint ÷ floor: ${r.entity
      .map(e => {
        const f = r.floor.find(x => x.concurrency === e.concurrency);
        return f
          ? `${e.concurrency} clients ${(
              (e.requestsPerSecond / f.requestsPerSecond) *
              100
            ).toFixed(0)} % of its req/s, p99 ${(e.p99 / f.p99).toFixed(2)}×`
          : '';
      })
      .join('; ')}`,
    `Coverage endpoint (1 client): first call ${ms(
      r.coverage.firstMs,
    )} (builds the owner index); ` +
      `GET /coverage p50 ${ms(r.coverage.page.p50)} p99 ${ms(
        r.coverage.page.p99,
      )} (${(r.coverage.page.responseBytes / 1024).toFixed(0)} KiB); ` +
      `?verdict=failing,stale,unprotected p50 ${ms(
        r.coverage.filtered.p50,
      )} p99 ${ms(r.coverage.filtered.p99)}`,
    ...csvSection(r),
    `Watch event → verdict (PodVolumeBackup turns Failed → entity endpoint says failing): ${r.eventToVerdict
      .map(e => ms(e.ms))
      .join(', ')}`,
    '',
    `Fan-out (per request: list pods, PVCs, PVs, classes, schedules, backups, BSLs, PVBs, DataUploads from all ${r.size.clusters} clusters; same engine)`,
    `  ${r.fanOut.runs.length} entity queries: p50 ${ms(
      r.fanOut.latency.p50,
    )}, mean ${ms(r.fanOut.latency.mean)}, max ${ms(
      r.fanOut.latency.max,
    )}; ${r.fanOut.meanRequests.toFixed(0)} list calls and ${mb(
      r.fanOut.meanBytes,
    )} per query (parse floor ${ms(r.fanOut.parseBoundMs)})`,
    `  cached path is ${r.fanOut.ratio.toFixed(
      0,
    )}× faster (p50 vs p50 at 1 client); at fan-out's parse floor it would still be ${r.fanOut.ratioAtParseBound.toFixed(
      0,
    )}×`,
    `  same verdicts: ${r.fanOut.agreement.sameVerdict}/${
      r.fanOut.agreement.claims
    } claims${
      r.fanOut.agreement.mismatches.length
        ? `; differ: ${r.fanOut.agreement.mismatches.join('; ')}`
        : ''
    }`,
    '',
    ...peerSection(r),
    '',
    'Targets (2-core machine)',
    table([
      ['', 'target', 'measured', ''],
      ...targets.map(t => [
        t.name,
        t.target,
        t.measured,
        t.met ? 'met' : 'MISSED',
      ]),
    ]),
  );
  return out.join('\n');
}
