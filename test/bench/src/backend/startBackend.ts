import type { JsonObject } from '@backstage/types';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import {
  parseEntityRef,
  stringifyEntityRef,
  type CompoundEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import {
  catalogServiceRef,
  type CatalogService,
} from '@backstage/plugin-catalog-node';
import storagePlugin from '@gitops-storage/plugin-storage-backend';
import { createFloorPlugin } from './floorPlugin';

/**
 * The test catalog with an index by ref: the stock in-memory client rebuilds
 * a map of every entity on each lookup, which at 2,000 entities would be
 * measured instead of the storage plugin. A real catalog answers from its
 * database; its cost is not part of either path compared here.
 */
export class IndexedCatalog extends InMemoryCatalogClient {
  #byRef: Map<string, Entity>;

  constructor(entities: Entity[]) {
    super({ entities });
    this.#byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  }

  override async getEntityByRef(
    ref: string | CompoundEntityRef,
  ): Promise<Entity | undefined> {
    return this.#byRef.get(
      stringifyEntityRef(typeof ref === 'string' ? parseEntityRef(ref) : ref),
    );
  }
}

export interface RunningBackend {
  baseUrl: string;
  /** The floor next to the storage plugin (see floorPlugin). */
  floor: { path: string; pagePath: string; setBody(body: Buffer): void };
  stop(): Promise<void>;
}

/**
 * The storage plugin (and the floor) in a Backstage backend (startTestBackend: the new
 * backend system with mock auth and permissions that allow), listening on a
 * real port, with the given app-config and catalog.
 */
export async function startStorageBackend(
  appConfig: JsonObject,
  entities: Entity[],
): Promise<RunningBackend> {
  const catalog = new IndexedCatalog(entities);
  const floor = createFloorPlugin();
  const backend = await startTestBackend({
    features: [
      storagePlugin,
      floor.plugin,
      // Backstage's own scheduler, as in production: the test backend's
      // mock one would run every task once inside startTestBackend.
      schedulerServiceFactory,
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        // What catalogServiceMock does: the in-memory client serves as the
        // service (it ignores the credentials option).
        factory: () => catalog as unknown as CatalogService,
      }),
      mockServices.rootConfig.factory({ data: appConfig }),
      // Warnings and errors (a cluster that fails to sync) show in the output.
      mockServices.rootLogger.factory({ level: 'warn' }),
    ],
  });
  return {
    baseUrl: `http://127.0.0.1:${backend.server.port()}`,
    floor: {
      path: floor.path,
      pagePath: floor.pagePath,
      setBody: floor.setBody,
    },
    stop: () => backend.stop(),
  };
}
