import { parse } from 'yaml';
import { renderUnifiedDiff } from '../../changes/renderUnifiedDiff';
import { exampleInput, fixtureFiles } from '../../testUtils/fixtureRepo';
import {
  generate,
  generateChain,
  manifestProblems,
  runAndApply,
  tempFixture,
} from '../../testUtils/harness';
import { kustomize } from '../../testUtils/kustomizeBuild';
import { volumeRequestGenerator } from '.';

const input = exampleInput('volume-request') as Record<string, any>;
const waiverInput = exampleInput('volume-request-waiver') as Record<
  string,
  any
>;
const payments = 'apps/payments/payments-api/base';
const orders = 'apps/orders/orders-service/base';

describe('volume-request', () => {
  it('writes the claim, the backup opt-in patch and the kustomization entries (golden diff)', () => {
    const changeSet = generate(volumeRequestGenerator, input);
    expect(changeSet.changes.map(c => `${c.action} ${c.path}`)).toEqual([
      `update ${payments}/kustomization.yaml`,
      `create ${payments}/payments-api-backup-volumes.yaml`,
      `create ${payments}/payments-uploads-pvc.yaml`,
    ]);
    expect(renderUnifiedDiff(changeSet)).toMatchSnapshot();
  });

  it('writes a waiver with its reason and expiry instead of an opt-in (golden diff)', () => {
    const changeSet = generate(volumeRequestGenerator, waiverInput);
    expect(renderUnifiedDiff(changeSet)).toMatchSnapshot();
    const claim = parse(
      changeSet.changes.find(c => c.path.endsWith('-pvc.yaml'))!.content,
    );
    expect(claim.metadata.annotations).toEqual({
      'gitops-storage.dev/backup-waiver':
        'Scratch space for report rendering; rebuilt from the database on demand.',
      'gitops-storage.dev/backup-waiver-expires': '2027-06-30T00:00:00Z',
    });
    expect(claim.spec.storageClassName).toBe('storage-local');
  });

  it('keeps volumes the workload already opted in, and does not add a volume it already has', () => {
    const changeSet = generate(volumeRequestGenerator, {
      folder: orders,
      claimName: 'orders-db',
      tier: 'fast',
      size: '20Gi',
      backup: { workload: { name: 'orders-service' }, volumeName: 'db' },
    });
    // orders-db-pvc.yaml already holds this claim (same data), so only the patch is written.
    expect(changeSet.changes.map(c => c.path)).toEqual([
      `${orders}/kustomization.yaml`,
      `${orders}/orders-service-backup-volumes.yaml`,
    ]);
    const patch = parse(
      changeSet.changes.find(c =>
        c.path.endsWith('orders-service-backup-volumes.yaml'),
      )!.content,
    );
    expect(patch.spec.template.metadata.annotations).toEqual({
      'backup.velero.io/backup-volumes': 'db',
    });
    expect(patch.spec.template.spec).toBeUndefined();
  });

  it('adds a second claim to the same workload patch, keeping the first', () => {
    const { files } = generateChain([
      [volumeRequestGenerator, input],
      [
        volumeRequestGenerator,
        {
          ...input,
          claimName: 'payments-cache',
          tier: 'fast',
          accessMode: 'ReadWriteOnce',
          size: '5Gi',
          backup: { workload: { name: 'payments-api' } },
        },
      ],
    ]);
    const patch = parse(files[`${payments}/payments-api-backup-volumes.yaml`]);
    expect(
      patch.spec.template.metadata.annotations[
        'backup.velero.io/backup-volumes'
      ],
    ).toBe('payments-uploads,payments-cache');
    expect(
      patch.spec.template.spec.volumes.map((v: { name: string }) => v.name),
    ).toEqual(['payments-uploads', 'payments-cache']);
    expect(parse(files[`${payments}/kustomization.yaml`]).patches).toEqual([
      { path: 'payments-api-backup-volumes.yaml' },
    ]);
    expect(files[`${payments}/payments-api-backup-volumes.yaml`]).toContain(
      '# Velero file-system backup (opt-in)',
    );
  });

  it('maps a tier to its class and checks the access mode against the tier', () => {
    const claim = (extra: Record<string, unknown>) =>
      parse(
        generate(volumeRequestGenerator, {
          ...waiverInput,
          ...extra,
        }).changes.find(c => c.path.endsWith('-pvc.yaml'))!.content,
      );
    expect(claim({ tier: 'fast' }).spec.storageClassName).toBe('storage-fast');
    expect(
      claim({ tier: 'nfs', accessMode: 'ReadWriteMany' }).spec.accessModes,
    ).toEqual(['ReadWriteMany']);
    const custom = claim({
      tier: 'shared',
      accessMode: 'ReadWriteMany',
      tiers: [
        {
          name: 'shared',
          storageClasses: ['cephfs', 'cephfs-ssd'],
          rpo: { hours: 4 },
        },
      ],
      storageClass: 'cephfs-ssd',
    });
    expect(custom.spec.storageClassName).toBe('cephfs-ssd');
  });

  it('writes only YAML that validates against its kind', () => {
    expect(
      manifestProblems(fixtureFiles(), generate(volumeRequestGenerator, input)),
    ).toEqual([]);
    expect(
      manifestProblems(
        fixtureFiles(),
        generate(volumeRequestGenerator, waiverInput),
      ),
    ).toEqual([]);
  });

  it('builds with kubectl kustomize: the prod Deployment mounts the claim and opts it in', async () => {
    const { dir, cleanup } = tempFixture();
    try {
      await runAndApply(dir, volumeRequestGenerator, input);
      await runAndApply(dir, volumeRequestGenerator, waiverInput);
      const objects = kustomize(
        `${dir}/apps/payments/payments-api/overlays/prod`,
      );
      const deployment = objects.find(o => o.kind === 'Deployment')!;
      expect(deployment.spec.template.metadata.annotations).toEqual({
        'backup.velero.io/backup-volumes': 'payments-uploads',
      });
      expect(deployment.spec.template.spec.volumes).toEqual([
        {
          name: 'payments-uploads',
          persistentVolumeClaim: { claimName: 'payments-uploads' },
        },
      ]);
      expect(deployment.spec.template.spec.containers[0].volumeMounts).toEqual([
        { name: 'payments-uploads', mountPath: '/var/lib/payments/uploads' },
      ]);
      const claim = objects.find(o => o.kind === 'PersistentVolumeClaim')!;
      expect(claim.metadata).toMatchObject({
        name: 'payments-uploads',
        namespace: 'payments',
      });
      const ordersObjects = kustomize(
        `${dir}/apps/orders/orders-service/overlays/prod`,
      );
      expect(
        ordersObjects
          .filter(o => o.kind === 'PersistentVolumeClaim')
          .map(o => o.metadata.name)
          .sort(),
      ).toEqual(['orders-db', 'orders-scratch']);
    } finally {
      cleanup();
    }
  });
});
