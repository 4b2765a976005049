import {
  createMockDirectory,
  mockCredentials,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import type { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { eventually } from '../__testUtils__/RecordingSink';
import {
  paymentsSnapshot,
  paymentsSnapshotWithFailedCopy,
} from '../__testUtils__/snapshotFixture';
import {
  paymentsApiEntity,
  startStorageTestBackend,
} from '../__testUtils__/startStorageTestBackend';

/**
 * The whole path with Backstage's real parts: the storage plugin reads a
 * snapshot, its global recording task (real scheduler) stores transitions,
 * the notifier sends through the real notification service to the real
 * notifications backend, which resolves the entity's owner group to its
 * members; we read the inbox as a member.
 */
jest.setTimeout(120_000);

const relation = (type: string, targetRef: string) => ({ type, targetRef });
const entities: Entity[] = [
  {
    ...paymentsApiEntity,
    relations: [relation('ownedBy', 'group:default/team-payments')],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-payments', namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: [relation('hasMember', 'user:default/alice')],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'alice', namespace: 'default' },
    spec: { memberOf: ['team-payments'] },
    relations: [relation('memberOf', 'group:default/team-payments')],
  },
];

/** The fixture plus a new claim of payments-api that no backup covers. */
function withNewVolume(now: Date): string {
  return `${paymentsSnapshot(now).trimEnd()}
- apiVersion: v1
  kind: PersistentVolume
  metadata: { name: pv-uploads, uid: pv-uploads }
  spec:
    capacity: { storage: 1Gi }
    accessModes: [ReadWriteMany]
    storageClassName: storage-nfs
    nfs: { server: nfs.lan, path: /mnt/storage-bulk/nfs/payments-uploads }
    claimRef: { namespace: payments, name: uploads, uid: pvc-uploads }
  status: { phase: Bound }
- apiVersion: v1
  kind: PersistentVolumeClaim
  metadata: { name: uploads, namespace: payments, uid: pvc-uploads }
  spec:
    accessModes: [ReadWriteMany]
    storageClassName: storage-nfs
    volumeName: pv-uploads
    resources: { requests: { storage: 1Gi } }
  status: { phase: Bound, capacity: { storage: 1Gi }, accessModes: [ReadWriteMany] }
- apiVersion: v1
  kind: Pod
  metadata:
    name: payments-uploader-0
    namespace: payments
    uid: pod-payments-uploader-0
    labels: { app: payments-uploader, backstage.io/kubernetes-id: payments-api }
  spec:
    nodeName: node-1
    containers:
    - name: app
      image: payments-uploader
      volumeMounts: [{ name: uploads, mountPath: /uploads }]
    volumes:
    - name: uploads
      persistentVolumeClaim: { claimName: uploads }
  status: { phase: Running }
`;
}

describe('owner notifications (each plugin on its own in-memory SQLite)', () => {
  const snapshotDir = createMockDirectory();

  it('tells the owners once when a volume fails, resolves it when it recovers, and tells them about a new unprotected volume', async () => {
    const { server } = await startStorageTestBackend({
      snapshotDir,
      snapshot: paymentsSnapshot(new Date()),
      entities,
      config: { app: { baseUrl: 'http://localhost:3000' } },
      storage: { history: { recordEvery: { seconds: 1 } } },
      features: [
        import('@backstage/plugin-notifications-backend'),
        schedulerServiceFactory,
      ],
      waitUntilSynced: false,
    });
    const inbox = async () => {
      const res = await request(server)
        .get('/api/notifications/notifications')
        .set(
          'Authorization',
          mockCredentials.user.header('user:default/alice'),
        );
      expect(res.status).toBe(200);
      return res.body.notifications as Array<{
        payload: {
          title: string;
          severity: string;
          link: string;
          scope: string;
        };
        read?: string | null;
      }>;
    };
    const stored = async () => {
      const res = await request(server).get(
        '/api/storage/entities/default/component/payments-api/history?days=1',
      );
      expect(res.status).toBe(200);
      return res.body.transitions.length as number;
    };

    // The first recording is the baseline: the ledger is first seen
    // (protected), nobody is told.
    await eventually(async () => expect(await stored()).toBe(1), 60_000);
    expect(await inbox()).toEqual([]);

    // addContent rewrites the file in place (setContent would replace the
    // watched directory).
    snapshotDir.addContent({
      'cluster.yaml': paymentsSnapshotWithFailedCopy(new Date()),
    });
    await eventually(async () => expect(await inbox()).toHaveLength(1), 60_000);
    const [alert] = await inbox();
    expect(alert.payload).toMatchObject({
      title: 'payments-api: volume ledger is failing its backups',
      severity: 'high',
      link: '/catalog/default/component/payments-api/storage',
    });

    // More recording periods: the same failure is not told again.
    await new Promise(resolve => setTimeout(resolve, 4_000));
    expect(await inbox()).toHaveLength(1);

    snapshotDir.addContent({ 'cluster.yaml': paymentsSnapshot(new Date()) });
    await eventually(async () => {
      const [resolved, ...rest] = await inbox();
      expect(rest).toEqual([]);
      expect(resolved.payload).toMatchObject({
        title: 'payments-api: volume ledger is protected again',
        severity: 'low',
        scope: alert.payload.scope,
      });
    }, 60_000);

    // A new volume that starts out unprotected is news (the cluster was
    // recorded before): its owners are told.
    snapshotDir.addContent({ 'cluster.yaml': withNewVolume(new Date()) });
    await eventually(async () => expect(await inbox()).toHaveLength(2), 60_000);
    const [newest] = await inbox();
    expect(newest.payload).toMatchObject({
      title: 'payments-api: volume uploads is unprotected',
      severity: 'high',
    });
  });
});
