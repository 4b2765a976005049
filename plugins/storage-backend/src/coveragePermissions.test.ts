import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  isResourcePermission,
  type AuthorizePermissionRequest,
} from '@backstage/plugin-permission-common';
import {
  toCsv,
  type CoverageResponse,
} from '@gitops-storage/plugin-storage-common';
import request from 'supertest';
import { storagePlugin } from './plugin';
import { eventually } from './__testUtils__/RecordingSink';
import { paymentsSnapshot } from './__testUtils__/snapshotFixture';

const entity = (name: string, annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
});

// Both use the `ledger` claim; `scratch` belongs to no entity.
const entities = [
  entity('payments-api', { 'backstage.io/kubernetes-id': 'payments-api' }),
  entity('hidden-selector', {
    'backstage.io/kubernetes-label-selector': 'app=payments-api',
    'backstage.io/kubernetes-namespace': 'payments',
  }),
];

const ALICE = 'user:default/alice'; // sees everything
const BOB = 'user:default/bob'; // the catalog hides hidden-selector
const MALLORY = 'user:default/mallory'; // also denied storage.entity.read on payments-api
const EVE = 'user:default/eve'; // no storage.coverage.read

function userOf(credentials?: BackstageCredentials): string | undefined {
  const principal = credentials?.principal as BackstageUserPrincipal;
  return principal?.type === 'user' ? principal.userEntityRef : undefined;
}

function credentialsOf(options: unknown): BackstageCredentials | undefined {
  return (options as { credentials?: BackstageCredentials } | undefined)
    ?.credentials;
}

/** The catalog applies its own permissions: users other than alice do not see hidden-selector. */
function catalogFor(credentials?: BackstageCredentials) {
  const user = userOf(credentials);
  return entities.filter(
    e => !user || user === ALICE || e.metadata.name !== 'hidden-selector',
  );
}

describe('/coverage shows only rows whose entities the caller may read', () => {
  const dir = createMockDirectory();

  async function startBackend() {
    dir.setContent({ 'cluster.yaml': paymentsSnapshot(new Date()) });
    const base = catalogServiceMock({ entities });
    const catalog = catalogServiceMock.mock({
      getEntities: async (req, options) => {
        const all = await base.getEntities(req, options);
        const visible = new Set(catalogFor(credentialsOf(options)));
        return {
          items: all.items.filter(e =>
            [...visible].some(v => v.metadata.name === e.metadata.name),
          ),
        };
      },
      getEntityByRef: async (ref, options) => {
        const found = await base.getEntityByRef(ref, options);
        return found && catalogFor(credentialsOf(options)).includes(found)
          ? found
          : undefined;
      },
    });
    const permissions = mockServices.permissions.mock({
      authorize: async (requests, options) => {
        const user = userOf(options?.credentials);
        return requests.map(r => {
          const req = r as AuthorizePermissionRequest;
          if (!isResourcePermission(req.permission)) {
            return {
              result:
                user === EVE ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
            };
          }
          const denied =
            user === MALLORY &&
            req.resourceRef === 'component:default/payments-api';
          return {
            result: denied ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
          };
        });
      },
    });
    const { server } = await startTestBackend({
      features: [
        storagePlugin,
        catalog.factory,
        permissions.factory,
        mockServices.rootConfig.factory({
          data: {
            storage: {
              tiers: [
                { name: 'nfs', storageClasses: ['storage-nfs'], rpo: 'PT24H' },
              ],
              clusters: [{ name: 'demo', type: 'snapshot', path: dir.path }],
            },
          },
        }),
      ],
    });
    await eventually(async () => {
      const res = await request(server)
        .get('/api/storage/clusters')
        .set('Authorization', mockCredentials.user.header(ALICE));
      expect(res.body.clusters[0].status).toBe('synced');
    });
    return server;
  }

  async function coverage(
    server: Awaited<ReturnType<typeof startBackend>>,
    user: string,
    query = '',
  ) {
    const res = await request(server)
      .get(`/api/storage/coverage${query}`)
      .set('Authorization', mockCredentials.user.header(user));
    return res;
  }

  it('narrows rows, owners, filters and the summary to the caller', async () => {
    const server = await startBackend();

    const alice = (await coverage(server, ALICE)).body as CoverageResponse;
    const ledger = alice.rows.find(r => r.name === 'ledger');
    expect(ledger?.entityRefs.sort()).toEqual([
      'component:default/hidden-selector',
      'component:default/payments-api',
    ]);

    // bob: the catalog hides one of the two entities; its ref is not shown.
    const bob = (await coverage(server, BOB)).body as CoverageResponse;
    expect(bob.rows.find(r => r.name === 'ledger')?.entityRefs).toEqual([
      'component:default/payments-api',
    ]);
    expect(JSON.stringify(bob)).not.toContain('hidden-selector');

    // mallory may read neither entity: only the ownerless volume is left.
    const res = await coverage(server, MALLORY);
    expect(res.status).toBe(200);
    const mallory = res.body as CoverageResponse;
    expect(mallory.rows.map(r => [r.name, r.entityRefs])).toEqual([
      ['scratch', []],
    ]);
    expect(mallory.summary.total).toBe(1);
    expect(mallory.totalRows).toBe(1);
    const text = JSON.stringify(mallory);
    for (const secret of ['payments-api', 'hidden-selector', 'team-payments'])
      expect(text).not.toContain(secret);

    // owner= and search= are no existence oracle.
    for (const query of [
      '?owner=group:default/team-payments',
      '?search=payments-api',
      '?search=team-payments',
      '?search=ledger',
    ]) {
      const filtered = (await coverage(server, MALLORY, query))
        .body as CoverageResponse;
      expect({ query, rows: filtered.totalRows }).toEqual({ query, rows: 0 });
    }
    // ...while they work for someone who may see the entity.
    const owned = (
      await coverage(server, BOB, '?owner=group:default/team-payments')
    ).body as CoverageResponse;
    expect(owned.rows.map(r => r.name)).toEqual(['ledger']);
  });

  it('never shows a new volume of a hidden entity as ownerless', async () => {
    const server = await startBackend();
    const first = (await coverage(server, MALLORY)).body as CoverageResponse;
    expect(first.rows.map(r => r.name)).toEqual(['scratch']);
    // A claim that only hidden-selector's selector matches appears.
    dir.addContent({
      'late.yaml': `
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: late, namespace: payments, uid: pvc-late, labels: { app: payments-api } }
spec: { accessModes: [ReadWriteOnce], storageClassName: storage-nfs, resources: { requests: { storage: 1Gi } } }
status: { phase: Pending }
`,
    });
    // Polled as mallory while the snapshot reloads: 'late' is never hers.
    const seenByMallory = new Set<string>();
    await eventually(async () => {
      const mallory = (await coverage(server, MALLORY))
        .body as CoverageResponse;
      mallory.rows.forEach(r => seenByMallory.add(r.name));
      const alice = (await coverage(server, ALICE)).body as CoverageResponse;
      expect(alice.rows.find(r => r.name === 'late')?.entityRefs).toContain(
        'component:default/hidden-selector',
      );
    }, 10_000);
    const mallory = (await coverage(server, MALLORY)).body as CoverageResponse;
    mallory.rows.forEach(r => seenByMallory.add(r.name));
    expect([...seenByMallory]).toEqual(['scratch']);
  }, 20_000);

  it('exports the same rows as CSV, streamed, under the same permissions', async () => {
    const server = await startBackend();
    const csv = (user: string, query = '') =>
      request(server)
        .get(`/api/storage/coverage/export.csv${query}`)
        .set('Authorization', mockCredentials.user.header(user));

    const aliceRows = (await coverage(server, ALICE)).body as CoverageResponse;
    const alice = await csv(ALICE);
    expect(alice.status).toBe(200);
    expect(alice.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(alice.headers['content-disposition']).toMatch(
      /^attachment; filename="storage-coverage-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(alice.headers['x-total-rows']).toBe(String(aliceRows.totalRows));
    expect(alice.text).toBe(toCsv(aliceRows.rows));

    const mallory = await csv(MALLORY);
    expect(mallory.text.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(mallory.text).toContain('scratch');
    for (const secret of ['payments-api', 'hidden-selector', 'team-payments'])
      expect(mallory.text).not.toContain(secret);

    const filtered = await csv(ALICE, '?search=scratch');
    expect(filtered.text).toBe(
      toCsv(aliceRows.rows.filter(r => r.name === 'scratch')),
    );
    const paged = await csv(ALICE, '?limit=10');
    expect(paged.status).toBe(400);
    expect(paged.body.error.message).toMatch(/offset and limit do not apply/);
    expect((await csv(EVE)).status).toBe(403);
  });

  it('denies the report and cluster status without storage.coverage.read', async () => {
    const server = await startBackend();
    expect((await coverage(server, EVE)).status).toBe(403);
    const clusters = await request(server)
      .get('/api/storage/clusters')
      .set('Authorization', mockCredentials.user.header(EVE));
    expect(clusters.status).toBe(403);
  });
});
