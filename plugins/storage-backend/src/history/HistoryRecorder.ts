import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  ClaimCoverage,
  Verdict,
} from '@gitops-storage/plugin-storage-common';
import type { OwnershipIndex } from '../entities/EntityOwnership';
import type { FleetStore } from '../store/FleetStore';
import { dailyRollup, utcDay } from './dailyRollup';
import { volumeKey, type CurrentVolume } from './diffVolumes';
import type { HistoryStore, RecordInput } from './HistoryStore';
import type { RecordedTransition, TransitionListener } from './types';

/** What one recording run did. */
export interface RecordingResult {
  /** The clusters recorded (a cluster is recorded once its claims were listed). */
  clusters: string[];
  volumes: number;
  /** Transitions this run stored. */
  transitions: number;
}

/**
 * Compares the backend's current verdicts with the last stored verdict of
 * each volume and stores what changed (see HistoryStore.record). The
 * recording task (a global scheduler task) calls `record`; notifications
 * subscribe with `addListener`.
 */
export class HistoryRecorder {
  readonly #listeners: TransitionListener[] = [];
  /** Clusters whose claims were listed at least once by this process. */
  readonly #listed = new Set<string>();

  constructor(
    private readonly deps: {
      store: HistoryStore;
      fleet: Pick<FleetStore, 'allClaims' | 'clusters'>;
      ownership: { current(): Promise<OwnershipIndex> };
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  /** Adds a listener for the transitions each run stores (see TransitionListener). */
  addListener(listener: TransitionListener): void {
    this.#listeners.push(listener);
  }

  async record(): Promise<RecordingResult> {
    const { store, logger } = this.deps;
    const at = this.deps.now?.() ?? new Date();
    const input = await this.input(at);
    if (input.clusters.length === 0) {
      return { clusters: [], volumes: 0, transitions: 0 };
    }
    const stored = await store.record(input);
    if (stored.length > 0 && this.#listeners.length > 0) {
      const byKey = new Map(input.claims.map(c => [volumeKey(c), c]));
      const batch: RecordedTransition[] = stored.map(t => {
        const claim =
          t.to === null ? undefined : byKey.get(volumeKey(t.volume));
        return {
          ...t,
          ...(claim ? input.ownership(claim) : { entityRefs: [], owners: [] }),
          ...(claim ? { claim } : {}),
        };
      });
      for (const listener of this.#listeners) {
        try {
          await listener.onTransitions(batch);
        } catch (error) {
          logger.error(`history: a transition listener failed: ${error}`);
        }
      }
    }
    return {
      clusters: [...input.clusters],
      volumes: input.volumes.length,
      transitions: stored.length,
    };
  }

  /**
   * What a recording at `at` stores: the recordable clusters' volumes with
   * their verdicts (or, for the demo's seeded past, `verdictOf`'s verdict;
   * a volume it gives none for is left out) and the day's rollup.
   */
  async input(
    at: Date,
    verdictOf?: (claim: ClaimCoverage) => Verdict | undefined,
  ): Promise<
    RecordInput & {
      claims: ClaimCoverage[];
      ownership: (claim: ClaimCoverage) => {
        entityRefs: string[];
        owners: string[];
      };
    }
  > {
    const clusters = this.#recordableClusters();
    const wanted = new Set(clusters);
    const index = await this.deps.ownership.current();
    const entitiesOf = (claim: ClaimCoverage) =>
      index
        .entityRefsOf(claim)
        .map(ref => ({ ref, owner: index.ownerOf(ref) }));
    const ownership = (claim: ClaimCoverage) => {
      const entities = entitiesOf(claim);
      const owners = entities.flatMap(e => (e.owner ? [e.owner] : []));
      return {
        entityRefs: entities.map(e => e.ref),
        owners: [...new Set(owners)],
      };
    };
    const claims: ClaimCoverage[] = [];
    for (const claim of this.deps.fleet.allClaims()) {
      if (!wanted.has(claim.cluster)) continue;
      if (!verdictOf) {
        claims.push(claim);
        continue;
      }
      const verdict = verdictOf(claim);
      if (verdict) claims.push({ ...claim, verdict, backupStatus: undefined });
    }
    const rollup = dailyRollup(
      utcDay(at),
      claims.map(c => ({
        cluster: c.cluster,
        tier: c.tier,
        verdict: c.verdict,
        entities: entitiesOf(c),
      })),
    );
    return {
      at,
      clusters,
      volumes: claims.map(currentVolume),
      rollup,
      claims,
      ownership,
    };
  }

  /**
   * A cluster whose claims were never listed (still starting, or
   * unreachable since the backend started) is not recorded: its volumes
   * would look deleted. Once listed it is always recorded; an unreachable
   * cluster's verdicts are then `unknown`, which is what history should say.
   */
  #recordableClusters(): string[] {
    for (const cluster of this.deps.fleet.clusters()) {
      const claims = cluster.resources?.find(
        r => r.resource === 'PersistentVolumeClaim',
      );
      if (claims?.lastEventAt) this.#listed.add(cluster.name);
    }
    return [...this.#listed].sort();
  }
}

function currentVolume(c: ClaimCoverage): CurrentVolume {
  return {
    cluster: c.cluster,
    namespace: c.namespace,
    name: c.name,
    uid: c.uid,
    verdict: c.verdict,
    backupStatus: c.backupStatus,
    reasons: c.reasons,
  };
}
