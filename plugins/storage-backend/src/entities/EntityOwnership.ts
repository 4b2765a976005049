import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { FleetStore } from '../store/FleetStore';
import {
  entityTarget,
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
} from './entityTarget';

export interface ClaimOwnership {
  entityRefs: string[];
  owners: string[];
}

const NONE: ClaimOwnership = { entityRefs: [], owners: [] };

/** `cluster/namespace/name` of a claim. */
export function claimRef(c: {
  cluster: string;
  namespace: string;
  name: string;
}): string {
  return `${c.cluster}/${c.namespace}/${c.name}`;
}

/**
 * Which catalog entities (and owners) use each claim, for the fleet report's
 * owner column and filter. Built from every entity with Kubernetes annotations
 * and kept for a while: ownership changes with the catalog, not with backups.
 */
export class EntityOwnership {
  #byClaim = new Map<string, ClaimOwnership>();
  #builtAt = 0;
  #building?: Promise<void>;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      store: FleetStore;
      logger: LoggerService;
      maxAgeMs?: number;
    },
  ) {}

  /** Ownership of every claim, refreshed when older than maxAgeMs. */
  async current(): Promise<
    (claim: {
      cluster: string;
      namespace: string;
      name: string;
    }) => ClaimOwnership
  > {
    if (Date.now() - this.#builtAt > (this.deps.maxAgeMs ?? 60_000)) {
      this.#building ??= this.build().finally(() => {
        this.#building = undefined;
      });
      await this.#building;
    }
    const byClaim = this.#byClaim;
    return claim => byClaim.get(claimRef(claim)) ?? NONE;
  }

  private async build(): Promise<void> {
    const { catalog, auth, store } = this.deps;
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntities(
      {
        filter: [
          {
            [`metadata.annotations.${KUBERNETES_ID_ANNOTATION}`]:
              CATALOG_FILTER_EXISTS,
          },
          {
            [`metadata.annotations.${KUBERNETES_LABEL_SELECTOR_ANNOTATION}`]:
              CATALOG_FILTER_EXISTS,
          },
        ],
        fields: ['kind', 'metadata', 'spec.owner'],
      },
      { credentials },
    );
    const byClaim = new Map<string, ClaimOwnership>();
    for (const entity of items) {
      let target;
      try {
        target = entityTarget(entity);
      } catch (error) {
        this.deps.logger.warn(`${stringifyEntityRef(entity)}: ${error}`);
        continue;
      }
      if (!target) continue;
      const ref = stringifyEntityRef(entity);
      const owner = ownerRef(entity);
      for (const claim of store.entityClaims(target).claims) {
        const key = claimRef(claim);
        const entry = byClaim.get(key) ?? { entityRefs: [], owners: [] };
        if (!entry.entityRefs.includes(ref)) entry.entityRefs.push(ref);
        if (owner && !entry.owners.includes(owner)) entry.owners.push(owner);
        byClaim.set(key, entry);
      }
    }
    this.#byClaim = byClaim;
    this.#builtAt = Date.now();
  }
}

function ownerRef(entity: Entity): string | undefined {
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string' || !owner) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}
