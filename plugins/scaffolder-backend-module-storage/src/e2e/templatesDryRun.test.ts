import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createMockDirectory } from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import {
  applyChangeSet,
  createDirectoryRepoReader,
  findGenerator,
  runGenerator,
} from '@gitops-storage/plugin-storage-gitops';
import { branchesOf, createTestBareRepo } from '../__testUtils__/gitTestRepos';
import { seedFor } from '../__testUtils__/prerequisites';
import { redirectGitUrls } from '../__testUtils__/redirectGitUrls';
import { startScaffolderTestBackend } from '../__testUtils__/scaffolderTestBackend';
import { formValues, loadTemplate } from '../__testUtils__/templates';
import { TEMPLATE_CASES, VOLUME_WAIVER_CASE } from './templateCases';

jest.setTimeout(60_000);

interface DryRunFile {
  path: string;
  base64Content: string;
}

function filesOf(body: { directoryContents: DryRunFile[] }) {
  return new Map(
    body.directoryContents.map(f => [
      f.path,
      Buffer.from(f.base64Content, 'base64').toString('utf8'),
    ]),
  );
}

/** The dry run's log messages, one a line. */
function logOf(body: { log: Array<{ body: { message: string } }> }): string {
  return body.log.map(l => l.body.message).join('\n');
}

describe('templates through the scaffolder dry-run API', () => {
  const mockDir = createMockDirectory();

  beforeEach(() => mockDir.clear());

  async function setUp(generator: string, extraStorageConfig: JsonObject = {}) {
    const seed = await seedFor(mockDir.resolve('seed'), generator);
    const bare = await createTestBareRepo(
      mockDir.resolve('remote/gitops.git'),
      seed,
    );
    const server = await startScaffolderTestBackend({
      storageConfig: {
        gitops: {
          repoUrl: bare.path,
          allowedLocalRoots: [mockDir.resolve('remote')],
        },
        ...extraStorageConfig,
      },
    });
    return { seed, bare, server };
  }

  async function dryRun(
    server: Awaited<ReturnType<typeof startScaffolderTestBackend>>,
    templateName: string,
    typed: JsonObject,
  ) {
    const template = loadTemplate(templateName);
    return request(server)
      .post('/api/scaffolder/v2/dry-run')
      .send({
        template,
        values: formValues(template, typed),
        directoryContents: [],
      });
  }

  it.each(
    [...TEMPLATE_CASES, VOLUME_WAIVER_CASE].map(
      c => [`${c.template} (${c.typed.protection ?? 'defaults'})`, c] as const,
    ),
  )(
    '%s: shows the real change set and diff, and writes and pushes nothing',
    async (_name, testCase) => {
      const { seed, bare, server } = await setUp(testCase.generator);

      const response = await dryRun(server, testCase.template, testCase.typed);

      expect(response.status).toBe(200);
      const { output } = response.body;
      const changedFiles = String(output.changedFiles).split(', ');
      expect(changedFiles).toEqual(
        expect.arrayContaining(testCase.expectFiles),
      );
      expect(output.summary).toEqual(expect.any(String));
      expect(output.summary.length).toBeGreaterThan(0);
      expect(output.branch).toEqual(expect.stringMatching(/^storage\//));
      expect(output.commit).toBeUndefined();
      const changes = output.text.find(
        (t: { title: string }) => t.title === 'Changes',
      );
      for (const text of testCase.expectDiff) {
        expect(changes.content).toContain(text);
      }

      const files = filesOf(response.body);
      for (const file of changedFiles) {
        // The preview holds the new file; the checkout still has the old one.
        expect(files.get(`changes/${file}`)).toEqual(expect.any(String));
        const original = path.join(seed, file);
        expect(files.get(`gitops/${file}`)).toBe(
          fs.existsSync(original)
            ? fs.readFileSync(original, 'utf8')
            : undefined,
        );
      }

      const log = logOf(response.body);
      expect(log).toContain('Dry run: nothing was written to gitops');
      expect(log).toContain('nothing was committed or pushed');
      expect(log).not.toContain(
        'Skipping because publish:github:pull-request does not support dry-run',
      );
      expect(Object.keys(await branchesOf(bare.path))).toEqual(['main']);
    },
  );

  it('takes the pull-request path for a GitHub repository', async () => {
    const { bare, server } = await setUp('nfs-provisioner');
    // No network here: serve github.com/acme/gitops from the test repository.
    const restore = redirectGitUrls(mockDir.resolve('gitconfig'), {
      'https://github.com/acme/gitops': `file://${bare.path}`,
    });
    try {
      const nfs = TEMPLATE_CASES.find(c => c.template === 'nfs-provisioner')!;
      const response = await dryRun(server, 'nfs-provisioner', {
        ...nfs.typed,
        repoUrl: 'https://github.com/acme/gitops',
      });

      expect(response.status).toBe(200);
      const log = logOf(response.body);
      expect(log).toContain('Performing dry run of creating pull request');
      expect(log).not.toContain('a real run commits the changes');
      expect(response.body.output.links).toEqual([
        expect.objectContaining({
          title: 'Pull request',
          url: 'github.com?owner=acme&repo=gitops',
        }),
      ]);
      expect(response.body.output.branch).toBe('storage/nfs-provisioner');
      // What the pull request would upload: the changed files, and only those.
      const files = [...filesOf(response.body).keys()];
      expect(files.filter(f => f.startsWith('changes/')).sort()).toEqual(
        String(response.body.output.changedFiles)
          .split(', ')
          .map(f => `changes/${f}`)
          .sort(),
      );
    } finally {
      restore();
    }
  });

  it('takes the merge-request path for a GitLab repository', async () => {
    const { bare, server } = await setUp('velero-schedules');
    // No network here: serve the GitLab project from the test repository.
    const restore = redirectGitUrls(mockDir.resolve('gitconfig'), {
      'https://gitlab.example.com/platform/infra/gitops': `file://${bare.path}`,
    });
    try {
      const schedules = TEMPLATE_CASES.find(
        c => c.template === 'velero-schedules',
      )!;
      const response = await dryRun(server, 'velero-schedules', {
        ...schedules.typed,
        repoUrl: 'https://gitlab.example.com/platform/infra/gitops',
      });

      expect(response.status).toBe(200);
      const log = logOf(response.body);
      // The branch is pushed by storage:git:publish (a dry run: nothing)...
      expect(log).toContain('nothing was committed or pushed');
      // ...and the merge request step is reached, with the GitLab project.
      expect(log).toContain(
        'Running publish:gitlab:merge-request in dry-run mode',
      );
      expect(log).toContain(
        '"repoUrl": "gitlab.example.com?owner=platform/infra&repo=gitops"',
      );
      expect(log).toContain('"commitAction": "skip"');
      expect(log).toContain(
        'Skipping because publish:gitlab:merge-request does not support dry-run',
      );
      // Not the GitHub path.
      expect(log).not.toContain('Running publish:github:pull-request');
      // The merge request link (a dry run has the action's example output).
      expect(response.body.output.links).toEqual([
        { title: 'Merge request', icon: 'gitlab', url: '<example>' },
      ]);
      expect(
        response.body.output.text.map((t: { title: string }) => t.title),
      ).toEqual(['Changes']);
      expect(Object.keys(await branchesOf(bare.path))).toEqual(['main']);
    } finally {
      restore();
    }
  });

  it('a removal reaches the pull request: prune lists the deleted Schedule in filesToDelete', async () => {
    const seed = await seedFor(mockDir.resolve('seed'), 'velero-schedules');
    await applyChangeSet(
      seed,
      runGenerator(
        findGenerator('velero-schedules')!,
        createDirectoryRepoReader(seed),
        {
          namespaces: [
            { name: 'payments', tiers: ['fast'] },
            { name: 'orders', tiers: ['bulk'] },
          ],
        },
      ),
    );
    const bare = await createTestBareRepo(
      mockDir.resolve('remote/gitops.git'),
      seed,
    );
    const server = await startScaffolderTestBackend({
      storageConfig: {
        gitops: {
          repoUrl: bare.path,
          allowedLocalRoots: [mockDir.resolve('remote')],
        },
      },
    });
    const restore = redirectGitUrls(mockDir.resolve('gitconfig'), {
      'https://github.com/acme/gitops': `file://${bare.path}`,
    });
    try {
      const response = await dryRun(server, 'velero-schedules', {
        namespaces: [{ name: 'payments', tiers: ['fast'], paused: false }],
        prune: true,
        repoUrl: 'https://github.com/acme/gitops',
      });
      expect(response.status).toBe(200);
      const log = logOf(response.body);
      expect(log).toMatch(
        /"filesToDelete": \[\s*"apps\/storage\/velero\/overlays\/prod\/schedules\/orders\.yaml"\s*\]/,
      );
      expect(response.body.output.summary).toMatch(/remove those of orders/);
      // The pull request uploads the changed kustomization, not the deleted file.
      const uploads = [...filesOf(response.body).keys()].filter(f =>
        f.startsWith('changes/'),
      );
      expect(uploads).toEqual([
        'changes/apps/storage/velero/overlays/prod/schedules/kustomization.yaml',
      ]);
    } finally {
      restore();
    }
  });

  it('refuses a GitLab host that has no integration and is not an allowed host, and pushes nothing', async () => {
    const { bare, server } = await setUp('velero-schedules');
    const schedules = TEMPLATE_CASES.find(
      c => c.template === 'velero-schedules',
    )!;
    const response = await dryRun(server, 'velero-schedules', {
      ...schedules.typed,
      repoUrl: 'https://gitlab.other.example/platform/gitops',
    });
    const log = JSON.stringify(response.body);
    expect(log).toContain(
      "Host 'gitlab.other.example' is not a configured git host: add a Backstage integration for it or list it in storage.gitops.allowedHosts",
    );
    expect(log).not.toContain('publish:gitlab:merge-request in dry-run mode');
    expect(Object.keys(await branchesOf(bare.path))).toEqual(['main']);
  });

  it("uses the app's tiers (storage.tiers) instead of the generators' defaults", async () => {
    const { server } = await setUp('velero-schedules', {
      tiers: [
        { name: 'gold', storageClasses: ['storage-gold'], rpo: { hours: 1 } },
      ],
    });
    const template = loadTemplate('velero-schedules');
    // The form offers the default tier names; the API caller can name any tier.
    const response = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .send({
        template: {
          ...template,
          spec: { ...template.spec, parameters: [] },
        },
        values: {
          ...formValues(template, {}),
          namespaces: [{ name: 'payments', tiers: ['gold'], paused: false }],
        },
        directoryContents: [],
      });

    expect(response.status).toBe(200);
    const files = filesOf(response.body);
    const schedule = files.get(
      'changes/apps/storage/velero/overlays/prod/schedules/payments.yaml',
    )!;
    // RPO 1h (the app's tier), not the default tiers' 24h.
    expect(schedule).toContain('(tiers: gold; RPO 1h)');
    expect(schedule).toMatch(/schedule: \S+\/30 \* \* \* \*/);
  });

  it.each([
    [
      'volume-request',
      'an unknown tier',
      'volume-request',
      { tier: 'gold' },
      /"volume-request: tier: unknown tier 'gold' \(known tiers: fast, bulk, local, nfs\)"/,
    ],
    [
      'volume-request',
      'RWX on a tier that only serves RWO',
      'volume-request',
      { accessMode: 'ReadWriteMany' },
      /"volume-request: accessMode: tier 'fast' does not serve ReadWriteMany/,
    ],
    [
      'volume-request',
      'a folder that leaves the repository (form validation)',
      'volume-request',
      { folder: 'apps/../../etc' },
      /instance.folder does not match pattern/,
    ],
    [
      'velero-schedules',
      'schedules before Velero is installed (missing parent kustomization)',
      'nfs-provisioner',
      {},
      /missing parent kustomization: 'apps\/storage\/velero\/overlays\/prod\/kustomization.yaml' does not exist/,
    ],
  ])(
    '%s: refuses %s and pushes nothing',
    async (name, _what, seedGenerator, change, message) => {
      const testCase = TEMPLATE_CASES.find(c => c.template === name)!;
      const { bare, server } = await setUp(seedGenerator);

      const response = await dryRun(server, name, {
        ...testCase.typed,
        ...change,
      });

      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toMatch(message);
      expect(Object.keys(await branchesOf(bare.path))).toEqual(['main']);
    },
  );
});
