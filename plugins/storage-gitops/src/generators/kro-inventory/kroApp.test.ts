import nodePath from 'node:path';
import { parse } from 'yaml';
import {
  exampleInput,
  fixtureFiles,
  readTree,
} from '../../testUtils/fixtureRepo';
import {
  generate,
  kustomizeWithoutHelm,
  runAndApply,
  tempFixture,
  withChanges,
} from '../../testUtils/harness';
import { kustomize } from '../../testUtils/kustomizeBuild';
import { kroInventoryGenerator } from '.';
import { INSTANCE_HEALTH, RGD_HEALTH } from './kroHealth';

const input = exampleInput('kro-inventory') as Record<string, unknown>;
const APPS = 'apps/cicd/argocd/overlays/main/applications/prod';

describe('kro-inventory installs kro and tells Argo CD when kro objects are healthy', () => {
  it('writes the kro chart app, synced before the storage objects that use kro', async () => {
    const { dir, cleanup } = tempFixture();
    try {
      await runAndApply(dir, kroInventoryGenerator, input);
      const apps = kustomize(nodePath.join(dir, APPS)).filter(
        o => o.kind === 'Application',
      );
      const wave = (name: string) =>
        Number(
          apps.find(a => a.metadata.name === name)?.metadata.annotations?.[
            'argocd.argoproj.io/sync-wave'
          ],
        );
      expect(wave('kro')).toBeLessThan(wave('storage-cluster'));
      const kroApp = apps.find(a => a.metadata.name === 'kro')!;
      expect(kroApp.spec.source.path).toBe('apps/storage/kro/overlays/prod');
      const base = parse(
        readTree(dir)['apps/storage/kro/base/kustomization.yaml'],
      );
      expect(base.helmCharts).toEqual([
        expect.objectContaining({
          name: 'kro',
          repo: 'oci://registry.k8s.io/kro/charts',
          version: '0.9.3',
          includeCRDs: true,
          namespace: 'kro-system',
        }),
      ]);
      expect(
        kustomizeWithoutHelm(dir, 'apps/storage/kro/overlays/prod').map(
          o => o.kind,
        ),
      ).toContain('Deployment');
    } finally {
      cleanup();
    }
  });

  it('adds Argo CD health checks for the graph and its instances to argocd-cm, keeping existing ones', () => {
    const files = withChanges(
      fixtureFiles(),
      generate(kroInventoryGenerator, input),
    );
    const cm = parse(files['apps/cicd/argocd/base/argocd-cm.yaml']);
    expect(
      cm.data['resource.customizations.health.kro.run_ResourceGraphDefinition'],
    ).toBe(RGD_HEALTH);
    expect(
      cm.data['resource.customizations.health.kro.run_DriveInventory'],
    ).toBe(INSTANCE_HEALTH);
    // The Application health check of the seed is still there.
    expect(
      cm.data['resource.customizations.health.argoproj.io_Application'],
    ).toMatch(/hs.status/);
  });

  it('leaves kro out when it is installed otherwise', () => {
    const changes = generate(kroInventoryGenerator, {
      ...input,
      kro: { install: false },
    }).changes.map(c => c.path);
    expect(changes.filter(p => p.includes('/kro'))).toEqual([]);
  });
});
