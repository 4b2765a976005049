import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { ClaimName, HistoryStore } from '../history/HistoryStore';
import type { RecordedTransition, TransitionListener } from '../history/types';
import { lastKnownVerdicts } from './lastKnownVerdicts';
import {
  NOTIFICATIONS_ANNOTATION,
  type NotificationConfig,
  type NotificationKind,
} from './notificationConfig';
import { planNotifications } from './planNotifications';

/**
 * Sends owner notifications for the transitions the history recorder
 * stored. The recorder calls it once per stored batch on the replica whose
 * run stored it, so each transition is told once (not per replica, not per
 * poll). Entities are read from the catalog for their opt-out annotation.
 */
export class StorageNotifier implements TransitionListener {
  constructor(
    private readonly deps: {
      config: NotificationConfig;
      notifications: NotificationService;
      catalog: Pick<CatalogService, 'getEntitiesByRefs'>;
      auth: Pick<AuthService, 'getOwnServiceCredentials'>;
      logger: LoggerService;
      /** Where a volume's verdict before `unknown` is looked up. */
      history?: Pick<HistoryStore, 'transitionsOf'>;
      /** The current claims (to tell a new volume from a cluster's baseline). */
      fleet?: { allClaims(): ReadonlyArray<ClaimName> };
      /** Counts each notification sent (metrics). */
      onSent?: (kind: NotificationKind, count: number) => void;
    },
  ) {}

  async onTransitions(batch: readonly RecordedTransition[]): Promise<void> {
    if (!this.deps.config.enabled) return;
    const entityRefs = [...new Set(batch.flatMap(t => t.entityRefs))];
    if (entityRefs.length === 0) return;
    const optedOut = await this.optedOut(entityRefs);
    const planned = planNotifications(batch, {
      config: this.deps.config,
      optedOut: ref => optedOut.has(ref),
      lastKnown: await this.lastKnown(batch),
      knownClusters: await this.knownClusters(batch),
    });
    for (const notification of planned) {
      try {
        await this.deps.notifications.send({
          recipients: { type: 'entity', entityRef: notification.entityRef },
          payload: notification.payload,
        });
        this.deps.onSent?.(notification.kind, 1);
      } catch (error) {
        // One failed send (notifications plugin missing, network) must not
        // stop the others; the transitions stay stored either way.
        this.deps.logger.warn(
          `storage notifications: could not notify the owners of ${notification.entityRef}: ${error}`,
        );
      }
    }
  }

  /** Verdicts before `unknown` of the volumes coming out of it. */
  private async lastKnown(batch: readonly RecordedTransition[]) {
    const out = batch.filter(t => t.from === 'unknown');
    if (out.length === 0 || !this.deps.history) return undefined;
    // Any retention: an unreadable stretch longer than that is a baseline.
    const history = await this.deps.history.transitionsOf(
      out.map(t => t.volume),
      new Date(0),
    );
    return lastKnownVerdicts(out, history);
  }

  /**
   * Clusters of the batch's first-seen volumes that were recorded before:
   * some other current claim of the cluster, outside this batch's first
   * sightings, already has stored history. When every claim of a cluster is
   * first seen, this batch is the cluster's baseline.
   */
  private async knownClusters(
    batch: readonly RecordedTransition[],
  ): Promise<Set<string>> {
    const known = new Set<string>();
    const { history, fleet } = this.deps;
    const firstSeen = batch.filter(t => t.from === null && t.to !== null);
    if (firstSeen.length === 0 || !history || !fleet) return known;
    const seenNow = new Set(
      firstSeen.map(
        t => `${t.volume.cluster}/${t.volume.namespace}/${t.volume.name}`,
      ),
    );
    const claims = fleet.allClaims();
    for (const cluster of new Set(firstSeen.map(t => t.volume.cluster))) {
      const others = claims
        .filter(
          c =>
            c.cluster === cluster &&
            !seenNow.has(`${c.cluster}/${c.namespace}/${c.name}`),
        )
        // A few suffice: one with history proves the cluster was recorded.
        .slice(0, 20)
        .map(c => ({
          cluster: c.cluster,
          namespace: c.namespace,
          name: c.name,
        }));
      if (others.length === 0) continue;
      const stored = await history.transitionsOf(others, new Date(0));
      if (stored.length > 0) known.add(cluster);
    }
    return known;
  }

  /** Entities whose annotation turns storage notifications off. */
  private async optedOut(entityRefs: string[]): Promise<Set<string>> {
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      {
        entityRefs,
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
        ],
      },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    const out = new Set<string>();
    for (const entity of items) {
      const value = entity?.metadata.annotations?.[NOTIFICATIONS_ANNOTATION];
      if (entity && value?.trim().toLocaleLowerCase('en-US') === 'disabled') {
        out.add(stringifyEntityRef(entity));
      }
    }
    return out;
  }
}
