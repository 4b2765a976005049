import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { ConfigReader } from '@backstage/config';
import { createMockDirectory } from '@backstage/backend-test-utils';
import {
  createDirectoryRepoReader,
  findGenerator,
  runGenerator,
} from '@gitops-storage/plugin-storage-gitops';
import { readGitopsScaffolderConfig } from '../config';
import { findRepoRoot } from '../repoRoot';
import { fileAt } from '../__testUtils__/gitTestRepos';
import { ensureLocalBareRepo } from './localBareRepo';
import { runGit } from './runGit';
import { runSeedGenerators } from './seedGenerators';

// Real git processes and generators: slow on a loaded two-core machine.
jest.setTimeout(60_000);

const ROOT = findRepoRoot(__dirname);
const readYaml = (file: string) =>
  yaml.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
/** The project's own app-config: the seed the demo really gets. */
const APP_CONFIG = readYaml('app-config.yaml');
const DEMO_LOCATIONS = readYaml(
  'test/fixtures/clusters/demo/velero/backupstoragelocations.yaml',
).items;

describe('the seeded demo GitOps repository', () => {
  const mockDir = createMockDirectory();
  beforeEach(() => mockDir.clear());

  /** Seeds `.data/gitops.git` as the backend does, into a temp folder, and checks it out. */
  async function seedAndClone(seedGenerators?: unknown[]) {
    const storage = structuredClone(APP_CONFIG.storage);
    if (seedGenerators)
      storage.gitops.localBareRepo.seedGenerators = seedGenerators;
    const bare = readGitopsScaffolderConfig(new ConfigReader({ storage }), ROOT)
      .localBareRepo!;
    const target = mockDir.resolve('data/gitops.git');
    await ensureLocalBareRepo({
      path: target,
      seedFrom: bare.seedFrom,
      branch: 'main',
      committer: { name: 'Test', email: 'test@example.com' },
      prepare: work => runSeedGenerators(work, bare.seedGenerators),
    });
    const checkout = mockDir.resolve('checkout');
    await runGit(['clone', '--quiet', target, checkout]);
    return { target, checkout };
  }

  const setUpBackups = (checkout: string) =>
    runGenerator(
      findGenerator('velero-schedules')!,
      createDirectoryRepoReader(checkout),
      {
        tiers: APP_CONFIG.storage.tiers,
        namespaces: [{ name: 'payments', tiers: ['fast'] }],
      },
    );

  it('holds the Velero app the demo cluster runs, so velero-schedules ("Set up backups") works', async () => {
    const { target, checkout } = await seedAndClone();
    const changeSet = setUpBackups(checkout);
    expect(changeSet.changes.map(c => c.path)).toContain(
      'apps/storage/velero/overlays/prod/schedules/payments.yaml',
    );
    const schedule = yaml.parse(
      changeSet.changes.find(c => c.path.endsWith('/payments.yaml'))!.content,
    );
    expect(schedule.metadata.namespace).toBe(
      APP_CONFIG.storage.veleroNamespace,
    );

    // The app is the demo cluster's: same namespace and backup locations.
    const values = yaml.parse(
      await fileAt(target, 'main', 'apps/storage/velero/base/values.yaml'),
    );
    const locations = values.configuration.backupStorageLocation;
    expect(locations.map((l: any) => l.name)).toEqual(
      DEMO_LOCATIONS.map((l: any) => l.metadata.name),
    );
    for (const demo of DEMO_LOCATIONS) {
      const ours = locations.find((l: any) => l.name === demo.metadata.name);
      expect([ours.bucket, ours.prefix, ours.config.s3Url]).toEqual([
        demo.spec.objectStorage.bucket,
        demo.spec.objectStorage.prefix,
        demo.spec.config.s3Url,
      ]);
    }
    expect(
      DEMO_LOCATIONS.every(
        (l: any) => l.metadata.namespace === APP_CONFIG.storage.veleroNamespace,
      ),
    ).toBe(true);
    // Written by the generator, one commit.
    expect(
      await fileAt(
        target,
        'main',
        'apps/cicd/argocd/overlays/main/applications/prod/storage/velero.yaml',
      ),
    ).toContain('Written by backstage-storage');
  });

  it('without the seed generators, velero-schedules refuses: the fixture alone has no Velero app', async () => {
    const { checkout } = await seedAndClone([]);
    expect(() => setUpBackups(checkout)).toThrow(
      /run the velero generator first/,
    );
  });

  it('a broken seed generator step leaves no repository and names the step', async () => {
    await expect(
      seedAndClone([{ generator: 'ceph', input: 'x.yaml' }]),
    ).rejects.toThrow(
      /seedGenerators\[0\] \(ceph\): unknown generator; known: nfs-provisioner/,
    );
    expect(fs.existsSync(mockDir.resolve('data/gitops.git'))).toBe(false);
  });
});
