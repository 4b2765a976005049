import type {
  EntityHistoryResponse,
  HistoryResponse,
} from '@gitops-storage/plugin-storage-common';
import type { ClaimName, HistoryStore } from './HistoryStore';
import { entitySeries, firstDay, fleetSeries } from './historySeries';

/** The history answers of the REST API, over a HistoryStore. */
export class HistoryService {
  constructor(
    private readonly deps: {
      store: HistoryStore;
      retentionDays: number;
      now?: () => Date;
    },
  ) {}

  get retentionDays(): number {
    return this.deps.retentionDays;
  }

  async fleet(query: {
    days: number;
    cluster?: string[];
    tier?: string[];
    owner?: string[];
    readable: ReadonlySet<string>;
  }): Promise<HistoryResponse> {
    const now = this.deps.now?.() ?? new Date();
    const counts = await this.deps.store.dailyCounts({
      fromDay: firstDay(now, query.days),
      cluster: query.cluster,
      tier: query.tier,
    });
    const { series, demo } = fleetSeries(counts, query.readable, query.owner);
    return { series, demo, retentionDays: this.deps.retentionDays };
  }

  async entity(query: {
    entityRef: string;
    claims: readonly ClaimName[];
    days: number;
  }): Promise<EntityHistoryResponse> {
    const now = this.deps.now?.() ?? new Date();
    const since = new Date(`${firstDay(now, query.days)}T00:00:00.000Z`);
    const [states, transitions] = await Promise.all([
      this.deps.store.volumeStates(query.claims),
      this.deps.store.transitionsOf(query.claims, since),
    ]);
    return {
      entityRef: query.entityRef,
      series: entitySeries(states, transitions, now, query.days),
      demo: transitions.some(t => t.demo),
      retentionDays: this.deps.retentionDays,
      transitions: transitions.map(t => ({
        volume: t.volume,
        at: t.at,
        from: t.from,
        to: t.to,
        reasons: t.reasons,
        ...(t.demo ? { demo: true } : {}),
      })),
      volumes: states.map(s => ({
        cluster: s.cluster,
        namespace: s.namespace,
        name: s.name,
        uid: s.uid,
        verdict: s.verdict,
        since: s.since,
      })),
    };
  }
}
