import type {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  storageCoverageReadPermission,
  storageEntityReadPermission,
  summarize,
  type ClustersResponse,
  type CoverageResponse,
  type Tier,
  type TiersResponse,
} from '@gitops-storage/plugin-storage-common';
import express from 'express';
import Router from 'express-promise-router';
import type { EntityOwnership } from '../entities/EntityOwnership';
import { entityTarget } from '../entities/entityTarget';
import type { HistoryService } from '../history/HistoryService';
import type { FleetStore } from '../store/FleetStore';
import { EntityAnswers } from './entityAnswers';
import { readableEntityRefs } from './callerEntities';
import { selectCoverage } from './coverageSelection';
import { streamCsv } from './streamCsv';
import { parseHistoryQuery } from './historyQuery';
import { publicText } from './publicText';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  store: FleetStore;
  ownership: EntityOwnership;
  tiers: readonly Tier[];
  logger: LoggerService;
  /** Coverage history; without it the history routes answer 404. */
  history?: HistoryService;
}

/** The REST API under `/api/storage` (see src/schema/openapi.yaml). */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, catalog, store, ownership, tiers } = options;
  const router = Router();
  const entityAnswers = new EntityAnswers(store);
  const selection = { catalog, permissions, ownership, store };
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/tiers', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const body: TiersResponse = { tiers: [...tiers] };
    res.json(body);
  });

  /** 403 unless the caller may read the fleet's coverage. */
  async function requireCoverageRead(req: express.Request) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: storageCoverageReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('You may not read the storage coverage report');
    }
    return credentials;
  }

  router.get('/clusters', async (req, res) => {
    await requireCoverageRead(req);
    const body: ClustersResponse = { clusters: store.clusters() };
    res.json(body);
  });

  /**
   * The entity of the route, 404 when the caller may not see it in the
   * catalog, 403 without `storage.entity.read` on it.
   */
  async function requireEntityRead(req: express.Request) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = stringifyEntityRef({
      kind: req.params.kind,
      namespace: req.params.namespace,
      name: req.params.name,
    });
    // The catalog applies its own permissions: an entity the user may not
    // see does not exist for them.
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) throw new NotFoundError(`No entity ${entityRef}`);
    const [decision] = await permissions.authorize(
      [{ permission: storageEntityReadPermission, resourceRef: entityRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`You may not read the storage of ${entityRef}`);
    }
    return { entity, entityRef };
  }

  router.get('/entities/:namespace/:kind/:name', async (req, res) => {
    const { entity, entityRef } = await requireEntityRead(req);
    // Serialized once per change (an EntityStorageResponse); a client
    // holding the current answer gets 304 (express compares the ETag).
    const answer = entityAnswers.answer(entityRef, entityTarget(entity));
    res.type('application/json').setHeader('ETag', answer.etag);
    res.send(answer.json);
  });

  router.get('/coverage', async (req, res) => {
    const credentials = await requireCoverageRead(req);
    const { query, selected, ownerOf } = await selectCoverage(
      selection,
      credentials,
      req.query,
    );
    const offset = query.offset ?? 0;
    const limit = query.limit ?? selected.length;
    const body: CoverageResponse = {
      generatedAt: new Date().toISOString(),
      summary: summarize(selected),
      totalRows: selected.length,
      offset,
      limit,
      rows: selected
        .slice(offset, offset + limit)
        .map(claim => ({ ...claim, ...ownerOf(claim) })),
      backupStorageLocations: store
        .backupStorageLocations()
        .filter(b => !query.cluster || query.cluster.includes(b.cluster))
        .map(b => ({ ...b, message: publicText(b.message) })),
      clusters: store.clusters(),
    };
    res.json(body);
  });

  // Every row of the report as CSV, the same rows /coverage pages through
  // (same filters and permissions), streamed: one request, bounded memory.
  router.get('/coverage/export.csv', async (req, res) => {
    const credentials = await requireCoverageRead(req);
    if (req.query.offset !== undefined || req.query.limit !== undefined) {
      throw new InputError(
        'The export holds every matching row: offset and limit do not apply',
      );
    }
    const { selected, ownerOf } = await selectCoverage(
      selection,
      credentials,
      req.query,
    );
    const date = new Date().toISOString().slice(0, 10);
    res.status(200);
    res.type('text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="storage-coverage-${date}.csv"`,
    );
    res.setHeader('X-Total-Rows', String(selected.length));
    await streamCsv(res, selected.length, i => ({
      ...selected[i],
      ...ownerOf(selected[i]),
    }));
    res.end();
  });

  router.get('/history', async (req, res) => {
    const history = requireHistory();
    const credentials = await requireCoverageRead(req);
    const query = parseHistoryQuery(req.query as Record<string, unknown>, {
      retentionDays: history.retentionDays,
      filters: true,
    });
    const readable = await readableEntityRefs({
      catalog,
      permissions,
      credentials,
    });
    res.json(await history.fleet({ ...query, readable }));
  });

  router.get('/entities/:namespace/:kind/:name/history', async (req, res) => {
    const history = requireHistory();
    const { entity, entityRef } = await requireEntityRead(req);
    const { days } = parseHistoryQuery(req.query as Record<string, unknown>, {
      retentionDays: history.retentionDays,
      filters: false,
    });
    const target = entityTarget(entity);
    const claims = target ? store.entityClaimIds(target) : [];
    res.json(await history.entity({ entityRef, claims, days }));
  });

  function requireHistory(): HistoryService {
    if (!options.history) {
      throw new NotFoundError(
        'Coverage history is disabled (storage.history.enabled: false)',
      );
    }
    return options.history;
  }

  return router;
}
