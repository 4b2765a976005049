import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { FleetStore } from '../store/FleetStore';
import { KUBERNETES_ENTITY_FILTER } from './catalogFilter';
import { entityTarget } from './entityTarget';

export interface ClaimOwnership {
  entityRefs: string[];
  owners: string[];
}

/** `cluster/namespace/name` of a claim. */
export function claimRef(c: {
  cluster: string;
  namespace: string;
  name: string;
}): string {
  return `${c.cluster}/${c.namespace}/${c.name}`;
}

/**
 * Which catalog entities use each claim, and who owns each entity: built
 * with the plugin's own credentials, so it knows every entity. It is never
 * shown as is: the router narrows it to the entities the caller may read.
 */
export interface OwnershipIndex {
  entityRefsOf(claim: {
    cluster: string;
    namespace: string;
    name: string;
  }): readonly string[];
  ownerOf(entityRef: string): string | undefined;
  /** Whether the index knows the entity (else the catalog changed since). */
  knows(entityRef: string): boolean;
}

const NO_REFS: readonly string[] = [];

/**
 * The ownership index, rebuilt when older than maxAgeMs, or sooner (at most
 * every minRebuildMs) when the catalog shows an entity the index does not
 * know. An empty catalog answer is never kept: it is asked again next time.
 */
export class EntityOwnership {
  #byClaim = new Map<string, string[]>();
  #owners = new Map<string, string | undefined>();
  #builtAt = 0;
  /** The fleet's revision the index was built from. */
  #builtFrom = '';
  #building?: Promise<void>;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      store: FleetStore;
      logger: LoggerService;
      maxAgeMs?: number;
      minRebuildMs?: number;
    },
  ) {}

  async current(): Promise<OwnershipIndex> {
    // A new claim (a new pod of a hidden entity) must never pass as
    // ownerless: the index is rebuilt whenever claims or pods changed.
    const fleetChanged = this.deps.store.ownershipKey() !== this.#builtFrom;
    if (
      Date.now() - this.#builtAt > (this.deps.maxAgeMs ?? 60_000) ||
      fleetChanged
    ) {
      await this.rebuild();
    }
    const byClaim = this.#byClaim;
    const owners = this.#owners;
    return {
      entityRefsOf: claim => byClaim.get(claimRef(claim)) ?? NO_REFS,
      ownerOf: ref => owners.get(ref),
      knows: ref => owners.has(ref),
    };
  }

  /** The catalog changed (an entity the index does not know): rebuild soon. */
  async refreshIfOlderThan(ms = this.deps.minRebuildMs ?? 5_000) {
    if (Date.now() - this.#builtAt > ms) await this.rebuild();
  }

  private rebuild(): Promise<void> {
    this.#building ??= this.build().finally(() => {
      this.#building = undefined;
    });
    return this.#building;
  }

  private async build(): Promise<void> {
    const { catalog, auth, store } = this.deps;
    const builtFrom = store.ownershipKey();
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntities(
      {
        filter: KUBERNETES_ENTITY_FILTER,
        fields: ['kind', 'metadata', 'spec.owner'],
      },
      { credentials },
    );
    const byClaim = new Map<string, string[]>();
    const owners = new Map<string, string | undefined>();
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
      owners.set(ref, ownerRef(entity));
      // The claims themselves, not their verdicts: a claim whose verdict is
      // not computed yet still belongs to the entity.
      for (const claim of store.entityClaimIds(target)) {
        const key = claimRef(claim);
        const refs = byClaim.get(key) ?? [];
        if (!refs.includes(ref)) refs.push(ref);
        byClaim.set(key, refs);
      }
    }
    this.#byClaim = byClaim;
    this.#owners = owners;
    this.#builtFrom = builtFrom;
    // An empty answer (catalog still starting, or failing) is not kept.
    this.#builtAt = items.length > 0 ? Date.now() : 0;
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
