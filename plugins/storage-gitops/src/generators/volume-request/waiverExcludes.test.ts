import nodePath from 'node:path';
import { exampleInput } from '../../testUtils/fixtureRepo';
import { runAndApply, tempFixture } from '../../testUtils/harness';
import { kustomize } from '../../testUtils/kustomizeBuild';
import { volumeRequestGenerator } from '.';

const waiver = exampleInput('volume-request-waiver') as Record<string, any>;

describe('volume-request: a waiver excludes the volume from the opt-out schedules', () => {
  it("writes Velero's backup-volumes-excludes annotation on the workload that mounts it", async () => {
    const { dir, cleanup } = tempFixture();
    try {
      await runAndApply(dir, volumeRequestGenerator, {
        ...waiver,
        waiver: {
          ...waiver.waiver,
          workload: { kind: 'Deployment', name: 'orders-service' },
          mountPath: '/scratch',
        },
      });
      const objects = kustomize(nodePath.join(dir, waiver.folder));
      const deployment = objects.find(o => o.kind === 'Deployment')!;
      const pod = deployment.spec.template;
      expect(pod.metadata.annotations).toMatchObject({
        'backup.velero.io/backup-volumes-excludes': 'orders-scratch',
      });
      expect(
        pod.metadata.annotations['backup.velero.io/backup-volumes'] ?? '',
      ).not.toMatch(/orders-scratch/);
      expect(pod.spec.volumes).toContainEqual({
        name: 'orders-scratch',
        persistentVolumeClaim: { claimName: 'orders-scratch' },
      });
      const claim = objects.find(
        o =>
          o.kind === 'PersistentVolumeClaim' &&
          o.metadata.name === 'orders-scratch',
      )!;
      expect(
        claim.metadata.annotations['gitops-storage.dev/backup-waiver'],
      ).toMatch(/Scratch/);
    } finally {
      cleanup();
    }
  });
});
