import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  applyChangeSet,
  createDirectoryRepoReader,
  findGenerator,
  runGenerator,
} from '@gitops-storage/plugin-storage-gitops';
import { workingTreeChanges } from '../git/workspaceRepo';
import { testActionDeps } from '../__testUtils__/actionDeps';
import {
  branchesOf,
  commitField,
  createTestBareRepo,
  fileAt,
  filesChangedBy,
} from '../__testUtils__/gitTestRepos';
import { seedFor } from '../__testUtils__/prerequisites';
import { createGitCloneAction } from './gitClone';
import { createGitopsGeneratorAction } from './gitopsGenerator';
import { generatorExamples } from './gitopsGenerator.examples';
import { createGitPublishAction } from './gitPublish';

// Real git processes: slow on a loaded two-core machine.
jest.setTimeout(30_000);

/** One input per generator that must be refused, and the reason. */
const BAD_INPUTS: Array<[string, Record<string, unknown>, RegExp]> = [
  [
    'nfs-provisioner',
    { nfs: { server: 'bad host!' } },
    /nfs\.server: must be a host name/,
  ],
  [
    'velero',
    {
      credentials: { existingSecret: 'velero-credentials' },
      backupStorageLocations: [
        {
          bucket: 'velero-backups',
          secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        },
      ],
    },
    /backupStorageLocations\.0\.secretAccessKey: looks like a field for secret material/,
  ],
  ['kro-inventory', { drives: [] }, /drives: give at least one drive/],
  [
    'velero-schedules',
    { namespaces: [{ name: 'payments', tiers: ['gold'] }] },
    /unknown tier 'gold'/,
  ],
  [
    'volume-request',
    {
      folder: '../outside',
      claimName: 'data',
      tier: 'fast',
      size: '1Gi',
      waiver: { reason: 'scratch space only, safe to lose' },
    },
    /folder: path contains '\.\.'/,
  ],
];

describe('storage:gitops:<generator> on a real checkout', () => {
  const mockDir = createMockDirectory();
  const workspacePath = mockDir.resolve('workspace');
  const checkout = path.join(workspacePath, 'gitops');
  let bare: string;
  let deps: ReturnType<typeof testActionDeps>;

  beforeEach(() => mockDir.clear());

  /** Pushes the seed folder to the remote and clones it into the workspace. */
  async function cloneSeed(seed: string) {
    bare = (
      await createTestBareRepo(mockDir.resolve('remote/gitops.git'), seed)
    ).path;
    deps = testActionDeps({
      repoUrl: bare,
      allowedLocalRoots: [mockDir.resolve('remote')],
    });
    await createGitCloneAction(deps).handler(
      createMockActionContext({ input: {}, workspacePath }),
    );
  }

  async function cloneFor(generatorId: string) {
    await cloneSeed(await seedFor(mockDir.resolve('seed'), generatorId));
  }

  function firstExample(generatorId: string) {
    return yaml.parse(generatorExamples[generatorId][0].example).steps[0].input;
  }

  it.each(BAD_INPUTS.map(([id]) => id))(
    '%s: writes exactly its change set, which publish then commits',
    async generatorId => {
      await cloneFor(generatorId);
      const action = createGitopsGeneratorAction(findGenerator(generatorId)!);

      const dry = {
        ...createMockActionContext({
          input: firstExample(generatorId),
          workspacePath,
        }),
        isDryRun: true,
      };
      await action.handler(dry);
      expect(await workingTreeChanges(checkout)).toEqual([]);

      const ctx = createMockActionContext({
        input: firstExample(generatorId),
        workspacePath,
      });
      await action.handler(ctx);
      const changedFiles: string[] = (ctx.output as jest.Mock).mock.calls.find(
        ([name]) => name === 'changedFiles',
      )[1];
      expect(dry.output).toHaveBeenCalledWith('changedFiles', changedFiles);
      expect(
        (await workingTreeChanges(checkout)).map(c => c.path).sort(),
      ).toEqual([...changedFiles].sort());

      await createGitPublishAction(deps).handler(
        createMockActionContext({
          input: { branchName: `storage/${generatorId}` },
          workspacePath,
        }),
      );
      expect(await filesChangedBy(bare, `storage/${generatorId}`)).toEqual(
        [...changedFiles].sort(),
      );
    },
  );

  it.each(BAD_INPUTS)(
    '%s: refuses bad input, naming the field, and changes nothing',
    async (generatorId, input, message) => {
      await cloneFor(generatorId);
      const action = createGitopsGeneratorAction(findGenerator(generatorId)!);

      const error = await action
        .handler(
          createMockActionContext({ input: input as any, workspacePath }),
        )
        .catch(e => e);

      expect(error.name).toBe('InputError');
      expect(error.message).toMatch(message);
      expect(await workingTreeChanges(checkout)).toEqual([]);
      // And so a publish step after it has nothing to push.
      await expect(
        createGitPublishAction(deps).handler(
          createMockActionContext({
            input: { branchName: 'storage/bad' },
            workspacePath,
          }),
        ),
      ).rejects.toThrow(/Nothing to publish/);
      expect(Object.keys(await branchesOf(bare))).toEqual(['main']);
    },
  );

  it('velero-schedules with prune: the removal of a Schedule is committed by publish (file deleted, kustomization entry gone)', async () => {
    const seed = await seedFor(mockDir.resolve('seed'), 'velero-schedules');
    const schedules = findGenerator('velero-schedules')!;
    const both = {
      namespaces: [
        { name: 'payments', tiers: ['fast'] },
        { name: 'orders', tiers: ['bulk'] },
      ],
    };
    await applyChangeSet(
      seed,
      runGenerator(schedules, createDirectoryRepoReader(seed), both),
    );
    await cloneSeed(seed);
    const dir = 'apps/storage/velero/overlays/prod/schedules';

    const ctx = createMockActionContext({
      input: { namespaces: [both.namespaces[0]], prune: true },
      workspacePath,
    });
    await createGitopsGeneratorAction(schedules).handler(ctx);
    const outputs = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
    expect(outputs.changedFiles).toEqual([
      `${dir}/kustomization.yaml`,
      `${dir}/orders.yaml`,
    ]);
    expect(outputs.diff).toContain(`+++ /dev/null`);
    expect(outputs.summary).toMatch(/remove those of orders/);

    await createGitPublishAction(deps).handler(
      createMockActionContext({
        input: { branchName: 'storage/prune', commitMessage: outputs.summary },
        workspacePath,
      }),
    );
    expect(await filesChangedBy(bare, 'storage/prune')).toEqual([
      `${dir}/kustomization.yaml`,
      `${dir}/orders.yaml`,
    ]);
    await expect(
      fileAt(bare, 'storage/prune', `${dir}/orders.yaml`),
    ).rejects.toThrow();
    expect(
      await fileAt(bare, 'storage/prune', `${dir}/kustomization.yaml`),
    ).not.toContain('orders.yaml');
    expect(await commitField(bare, 'storage/prune', '%s')).toMatch(
      /remove those of orders/,
    );
  });

  it('volume-request withdraw: publish commits the claim and its backup patch deleted, the kustomization as before the request', async () => {
    const seed = await seedFor(mockDir.resolve('seed'), 'volume-request');
    const folder = 'apps/payments/payments-api/base';
    const original = fs.readFileSync(
      path.join(seed, folder, 'kustomization.yaml'),
      'utf8',
    );
    const volumeRequest = findGenerator('volume-request')!;
    await applyChangeSet(
      seed,
      runGenerator(volumeRequest, createDirectoryRepoReader(seed), {
        folder,
        claimName: 'payments-uploads',
        tier: 'nfs',
        size: '50Gi',
        accessMode: 'ReadWriteMany',
        backup: {
          workload: { kind: 'Deployment', name: 'payments-api' },
          mountPath: '/var/lib/payments/uploads',
        },
      }),
    );
    await cloneSeed(seed);

    const ctx = createMockActionContext({
      input: { folder, claimName: 'payments-uploads', withdraw: true },
      workspacePath,
    });
    await createGitopsGeneratorAction(volumeRequest).handler(ctx);
    const outputs = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
    expect(outputs.deletedFiles).toEqual([
      `${folder}/payments-api-backup-volumes.yaml`,
      `${folder}/payments-uploads-pvc.yaml`,
    ]);

    await createGitPublishAction(deps).handler(
      createMockActionContext({
        input: { branchName: 'storage/withdraw' },
        workspacePath,
      }),
    );
    expect(await filesChangedBy(bare, 'storage/withdraw')).toEqual([
      `${folder}/kustomization.yaml`,
      `${folder}/payments-api-backup-volumes.yaml`,
      `${folder}/payments-uploads-pvc.yaml`,
    ]);
    expect(
      await fileAt(bare, 'storage/withdraw', `${folder}/kustomization.yaml`),
    ).toBe(original);
  });
});
