import {
  AggregationTemporality,
  MeterProvider,
  MetricReader,
  type GaugeMetricData,
  type HistogramMetricData,
  type MetricData,
  type SumMetricData,
} from '@opentelemetry/sdk-metrics';
import type {
  ClaimCoverage,
  ClusterStatus,
  Tier,
} from '@gitops-storage/plugin-storage-common';
import { parse } from 'yaml';
import { ManualSource } from '../__testUtils__/ManualSource';
import { paymentsSnapshot } from '../__testUtils__/snapshotFixture';
import { ClusterCache } from '../store/ClusterCache';
import { countVolumes, createStorageMetrics } from './storageMetrics';

/** An in-memory reader of the real SDK: collects on demand. */
class TestReader extends MetricReader {
  constructor() {
    super({
      aggregationTemporalitySelector: () => AggregationTemporality.CUMULATIVE,
    });
  }
  protected async onShutdown(): Promise<void> {}
  protected async onForceFlush(): Promise<void> {}
}

async function collect(reader: TestReader): Promise<Map<string, MetricData>> {
  const { resourceMetrics, errors } = await reader.collect();
  expect(errors).toEqual([]);
  return new Map(
    resourceMetrics.scopeMetrics
      .flatMap(s => s.metrics)
      .map(m => [m.descriptor.name, m]),
  );
}

function setup(
  source: () =>
    | { allClaims(): ClaimCoverage[]; clusters(): ClusterStatus[] }
    | undefined,
  now?: () => number,
) {
  const reader = new TestReader();
  const provider = new MeterProvider({ readers: [reader] });
  const metrics = createStorageMetrics({
    source,
    meter: provider.getMeter('test'),
    now,
  });
  return { reader, metrics };
}

const claim = (
  cluster: string,
  tier: string,
  verdict: ClaimCoverage['verdict'],
) => ({ cluster, tier, verdict } as ClaimCoverage);

describe('storage metrics (OpenTelemetry, read with the SDK)', () => {
  it('counts volumes by cluster x tier x verdict', () => {
    const rows = [
      ...countVolumes([
        claim('prod', 'fast', 'protected'),
        claim('prod', 'fast', 'protected'),
        claim('prod', 'fast', 'failing'),
        claim('edge', 'nfs', 'protected'),
      ]).values(),
    ];
    expect(rows).toEqual([
      { cluster: 'prod', tier: 'fast', verdict: 'protected', count: 2 },
      { cluster: 'prod', tier: 'fast', verdict: 'failing', count: 1 },
      { cluster: 'edge', tier: 'nfs', verdict: 'protected', count: 1 },
    ]);
  });

  it('observes volume counts and cluster data age when collected', async () => {
    const now = Date.parse('2026-11-26T06:00:00Z');
    const { reader } = setup(
      () => ({
        allClaims: () => [
          claim('prod', 'fast', 'protected'),
          claim('prod', 'fast', 'stale'),
        ],
        clusters: () => [
          {
            name: 'prod',
            status: 'synced',
            lastConfirmedAt: '2026-11-26T05:59:30Z',
          },
          // Not every kind read yet: its age is unknown, so no value.
          { name: 'edge', status: 'syncing' },
        ],
      }),
      () => now,
    );
    const metrics = await collect(reader);
    const volumes = metrics.get('storage.volumes') as GaugeMetricData;
    expect(
      volumes.dataPoints.map(p => [p.attributes.verdict, p.value]).sort(),
    ).toEqual([
      ['protected', 1],
      ['stale', 1],
    ]);
    const age = metrics.get('storage.cluster.data_age') as GaugeMetricData;
    expect(age.descriptor.unit).toBe('s');
    expect(age.dataPoints.map(p => [p.attributes.cluster, p.value])).toEqual([
      ['prod', 30],
    ]);
  });

  it('counts notifications sent by kind', async () => {
    const { reader, metrics } = setup(() => undefined);
    metrics.notificationSent('failing');
    metrics.notificationSent('failing');
    metrics.notificationSent('resolved');
    const sent = (await collect(reader)).get(
      'storage.notifications.sent',
    ) as SumMetricData;
    expect(
      sent.dataPoints.map(p => [p.attributes.kind, p.value]).sort(),
    ).toEqual([
      ['failing', 2],
      ['resolved', 1],
    ]);
  });

  it('records event-to-verdict latency from a ClusterCache fed events', async () => {
    const { reader, metrics } = setup(() => undefined);
    const now = new Date('2026-11-26T06:00:00Z');
    const tiers: Tier[] = [
      {
        name: 'nfs',
        storageClasses: ['storage-nfs'],
        rpo: 'PT2H',
        rpoSeconds: 7200,
      },
    ];
    const source = new ManualSource(parse(paymentsSnapshot(now)).items);
    const cache = new ClusterCache({
      source,
      tiers,
      veleroNamespace: 'velero',
      now: () => now,
      onVerdicts: ({ eventToVerdictMs }) =>
        metrics.verdictsComputed('payments', eventToVerdictMs),
    });
    await cache.start();
    const pod = source.objects.find((o: any) => o.kind === 'Pod') as any;
    source.sink.upsert('Pod', { ...pod, status: { phase: 'Failed' } });
    await new Promise(r => setTimeout(r, 20));
    source.sink.upsert('Pod', { ...pod, status: { phase: 'Running' } });
    cache.flush();
    const latency = (await collect(reader)).get(
      'storage.event_to_verdict.duration',
    ) as HistogramMetricData;
    expect(latency.descriptor.unit).toBe('s');
    const [point] = latency.dataPoints;
    expect(point.attributes).toEqual({ cluster: 'payments' });
    // One batch of two events: timed from the first.
    expect(point.value.count).toBe(1);
    expect(point.value.sum).toBeGreaterThanOrEqual(0.015);
    expect(point.value.sum).toBeLessThan(5);
    await cache.stop();
  });
});
