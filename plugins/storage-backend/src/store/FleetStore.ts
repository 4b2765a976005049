import {
  VERDICT_SEVERITY,
  type BackupStorageLocationStatus,
  type ClaimCoverage,
  type ClusterStatus,
} from '@gitops-storage/plugin-storage-common';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { resolveClaims } from '../entities/resolveClaims';
import type { EntityTarget } from '../entities/entityTarget';
import type { ClusterCache } from './ClusterCache';

/** Worst verdict first, then by cluster, namespace and name. */
export function compareWorstFirst(a: ClaimCoverage, b: ClaimCoverage): number {
  return (
    VERDICT_SEVERITY[b.verdict] - VERDICT_SEVERITY[a.verdict] ||
    a.cluster.localeCompare(b.cluster) ||
    a.namespace.localeCompare(b.namespace) ||
    a.name.localeCompare(b.name)
  );
}

/** Every configured cluster's cache, and the fleet-wide reads the API serves. */
export class FleetStore {
  #sorted?: { key: string; claims: ClaimCoverage[] };

  constructor(
    private readonly caches: readonly ClusterCache[],
    private readonly logger: LoggerService,
  ) {}

  /** Starts every cluster; resolves when each has synced once (or failed). */
  async start(): Promise<void> {
    await Promise.all(
      this.caches.map(cache =>
        cache
          .start()
          .catch(error =>
            this.logger.error(
              `cluster ${cache.name} failed to start: ${error}`,
            ),
          ),
      ),
    );
  }

  async stop(): Promise<void> {
    await Promise.all(this.caches.map(c => c.stop()));
  }

  /**
   * Changes whenever which claims an entity has may have changed: a claim or
   * a pod (its labels, its mounts) came, changed or went.
   */
  ownershipKey(): string {
    return this.caches
      .map(c => `${c.name}:${c.pods.revision}:${c.claims.revision}`)
      .join('|');
  }

  clusterNames(): string[] {
    return this.caches.map(c => c.name);
  }

  clusters(): ClusterStatus[] {
    return this.caches.map(c => c.clusterStatus());
  }

  /**
   * Changes whenever an entity's answer from `entityClaims` may have changed,
   * other than by the clock (see `validUntilMs`) or cluster status: a verdict
   * was recomputed, or a pod or claim came, changed or went, in a cluster the
   * entity targets.
   */
  entityGeneration(target: EntityTarget): string {
    let generation = '';
    for (const c of this.#targetCaches(target)) {
      generation += `${c.revision}.${c.pods.revision}.${c.claims.revision};`;
    }
    return generation;
  }

  /**
   * An entity's claims in the clusters it targets, the names of the clusters
   * that hold them, and until when (ms) the clock leaves their verdicts as
   * they are (undefined: until something else changes).
   */
  entityClaims(target: EntityTarget): {
    claims: ClaimCoverage[];
    holding: string[];
    validUntilMs?: number;
  } {
    const claims: ClaimCoverage[] = [];
    const holding: string[] = [];
    let validUntilMs: number | undefined;
    for (const cache of this.#targetCaches(target)) {
      const keys = [...resolveClaims(cache, target)];
      let held = false;
      for (const key of keys) {
        const coverage = cache.coverage(key);
        if (!coverage) continue;
        claims.push(coverage);
        held = true;
      }
      if (held) holding.push(cache.name);
      const due = cache.changeDueAt(keys);
      if (
        due !== undefined &&
        (validUntilMs === undefined || due < validUntilMs)
      )
        validUntilMs = due;
    }
    return { claims: claims.sort(compareWorstFirst), holding, validUntilMs };
  }

  /**
   * The status of the clusters an entity's answer depends on: those holding
   * its claims, and those that could hold claims it cannot see (see
   * ClusterCache.mayHideVolumes). Healthy clusters without its claims are
   * left out.
   */
  entityClusters(
    target: EntityTarget,
    holding: readonly string[],
    nowMs: number,
  ): ClusterStatus[] {
    const statuses: ClusterStatus[] = [];
    for (const cache of this.#targetCaches(target)) {
      if (holding.includes(cache.name) || cache.mayHideVolumes(nowMs))
        statuses.push(cache.clusterStatus());
    }
    return statuses;
  }

  #targetCaches(target: EntityTarget): readonly ClusterCache[] {
    return target.cluster
      ? this.caches.filter(c => c.name === target.cluster)
      : this.caches;
  }

  /** The claims an entity targets, by cluster, namespace and name. */
  entityClaimIds(
    target: EntityTarget,
  ): Array<{ cluster: string; namespace: string; name: string }> {
    const ids: Array<{ cluster: string; namespace: string; name: string }> = [];
    for (const cache of this.caches) {
      if (target.cluster && cache.name !== target.cluster) continue;
      for (const key of resolveClaims(cache, target)) {
        const claim = cache.state.claim(key);
        if (claim)
          ids.push({
            cluster: cache.name,
            namespace: claim.namespace,
            name: claim.name,
          });
      }
    }
    return ids;
  }

  /** Every claim in the fleet, worst first (cached until a verdict changes). */
  allClaims(): ClaimCoverage[] {
    const perCluster = this.caches.map(c => c.allCoverage());
    const key = this.caches.map(c => `${c.name}:${c.revision}`).join('|');
    if (this.#sorted?.key !== key) {
      this.#sorted = { key, claims: perCluster.flat().sort(compareWorstFirst) };
    }
    return this.#sorted.claims;
  }

  backupStorageLocations(): BackupStorageLocationStatus[] {
    return this.caches.flatMap(cache =>
      [...cache.state.backupStorageLocations()].map(bsl => ({
        cluster: cache.name,
        name: bsl.name,
        phase:
          bsl.phase === 'Available' || bsl.phase === 'Unavailable'
            ? bsl.phase
            : ('Unknown' as const),
        default: bsl.default,
        provider: bsl.provider,
        lastValidationTime: bsl.lastValidationTime,
        message: bsl.message,
      })),
    );
  }
}
