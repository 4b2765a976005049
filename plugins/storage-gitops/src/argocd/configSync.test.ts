import nodePath from 'node:path';
import { exampleInput, fixtureFiles } from '../testUtils/fixtureRepo';
import { generate, runAndApply, tempFixture } from '../testUtils/harness';
import { kustomize } from '../testUtils/kustomizeBuild';
import { kustomizeWithoutHelm } from '../testUtils/harness';
import { veleroGenerator } from '../generators/velero';
import { nfsProvisionerGenerator } from '../generators/nfs-provisioner';
import { kroInventoryGenerator } from '../generators/kro-inventory';

const ROOT_APP_PATH = 'apps/cicd/argocd/overlays/main/applications/prod';

type Obj = Record<string, any>;

/**
 * What Argo CD would apply, starting from the root Application (apps-prod,
 * bootstrap-applied): its path's render, then every child Application's.
 */
function appliedByArgo(dir: string): Array<{ app: string; objects: Obj[] }> {
  const applied: Array<{ app: string; objects: Obj[] }> = [];
  const queue: Obj[] = kustomize(nodePath.join(dir, ROOT_APP_PATH)).filter(
    o => o.kind === 'Application',
  );
  const seen = new Set<string>();
  while (queue.length > 0) {
    const app = queue.shift()!;
    if (seen.has(app.metadata.name)) continue;
    seen.add(app.metadata.name);
    const objects = kustomizeWithoutHelm(dir, app.spec.source.path);
    applied.push({ app: app.metadata.name, objects });
    queue.push(...objects.filter(o => o.kind === 'Application'));
  }
  return applied;
}

describe.each([
  ['velero', veleroGenerator],
  ['nfs-provisioner', nfsProvisionerGenerator],
  ['kro-inventory', kroInventoryGenerator],
])('%s: the argocd-cm change reaches the cluster', (id, generator) => {
  it('some Application of the app-of-apps syncs argocd-cm with --enable-helm', async () => {
    const { dir, cleanup } = tempFixture();
    try {
      await runAndApply(dir, generator, exampleInput(id));
      const syncing = appliedByArgo(dir).filter(({ objects }) =>
        objects.some(
          o =>
            o.kind === 'ConfigMap' &&
            o.metadata.name === 'argocd-cm' &&
            /--enable-helm/.test(o.data?.['kustomize.buildOptions'] ?? ''),
        ),
      );
      expect(syncing.map(s => s.app)).toEqual(['argocd-settings']);
    } finally {
      cleanup();
    }
  });
});

describe('Applications the generators write', () => {
  it('retry with backoff and sync in waves: settings, storage, then the services', async () => {
    const { dir, cleanup } = tempFixture();
    try {
      await runAndApply(dir, veleroGenerator, exampleInput('velero'));
      const apps = kustomize(nodePath.join(dir, ROOT_APP_PATH)).filter(
        o => o.kind === 'Application',
      );
      const wave = (name: string) =>
        Number(
          apps.find(a => a.metadata.name === name)?.metadata.annotations?.[
            'argocd.argoproj.io/sync-wave'
          ] ?? 0,
        );
      expect(wave('argocd-settings')).toBeLessThan(wave('velero'));
      expect(wave('velero')).toBeLessThan(wave('payments-api'));
      const velero = apps.find(a => a.metadata.name === 'velero')!;
      expect(velero.spec.syncPolicy.retry).toEqual({
        limit: 5,
        backoff: { duration: '10s', factor: 2, maxDuration: '3m' },
      });
    } finally {
      cleanup();
    }
  });
});

describe('argocd-cm that no Application can sync', () => {
  it('is refused with what to do, and nothing is written', () => {
    const files = fixtureFiles();
    delete files['apps/cicd/argocd/base/kustomization.yaml'];
    delete files['apps/cicd/argocd/overlays/main/kustomization.yaml'];
    expect(() =>
      generate(veleroGenerator, exampleInput('velero'), files),
    ).toThrow(
      /No Argo CD Application syncs 'apps\/cicd\/argocd\/base\/argocd-cm.yaml'.*create 'apps\/cicd\/argocd\/base\/kustomization.yaml' listing it/s,
    );
  });
});
