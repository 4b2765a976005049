import request from 'supertest';
import { createMockDirectory } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import {
  branchesOf,
  commitField,
  createTestBareRepo,
  fileAt,
  filesChangedBy,
} from '../__testUtils__/gitTestRepos';
import { seedFor } from '../__testUtils__/prerequisites';
import { startFakeGitlabApi } from '../__testUtils__/fakeGitlabApi';
import { redirectGitUrls } from '../__testUtils__/redirectGitUrls';
import { startScaffolderTestBackend } from '../__testUtils__/scaffolderTestBackend';
import { formValues, loadTemplate } from '../__testUtils__/templates';
import { TEMPLATE_CASES, VOLUME_WAIVER_CASE } from './templateCases';

jest.setTimeout(60_000);

type Server = Awaited<ReturnType<typeof startScaffolderTestBackend>>;

interface TaskEvent {
  type: string;
  body: {
    message?: string;
    status?: string;
    output?: JsonObject;
    error?: { message: string };
  };
}

/** Polls the task's events until it completes or fails. */
async function waitForTask(
  server: Server,
  taskId: string,
): Promise<TaskEvent[]> {
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    const response = await request(server).get(
      `/api/scaffolder/v2/tasks/${taskId}/events`,
    );
    const events: TaskEvent[] = response.body;
    if (events.some(e => e.type === 'completion')) {
      return events;
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  throw new Error(`task ${taskId} did not finish in time`);
}

describe('a template run for real into a local bare repository', () => {
  const mockDir = createMockDirectory();
  // The dry-run tests cover the backed-up variant; this run takes the waiver path.
  const volume = VOLUME_WAIVER_CASE;

  beforeEach(() => mockDir.clear());

  async function run(typed: JsonObject) {
    const seed = await seedFor(mockDir.resolve('seed'), volume.generator);
    const bare = await createTestBareRepo(
      mockDir.resolve('remote/gitops.git'),
      seed,
    );
    const template = loadTemplate(volume.template);
    const server = await startScaffolderTestBackend({
      storageConfig: {
        gitops: {
          repoUrl: bare.path,
          allowedLocalRoots: [mockDir.resolve('remote')],
        },
      },
      entities: [template as unknown as Entity],
    });
    const created = await request(server)
      .post('/api/scaffolder/v2/tasks')
      .send({
        templateRef: `template:default/${template.metadata.name}`,
        values: formValues(template, typed),
      });
    expect(created.status).toBe(201);
    const events = await waitForTask(server, created.body.id);
    return { bare, events };
  }

  it('commits the volume request to a new branch of the repository', async () => {
    const { bare, events } = await run(volume.typed);

    const completion = events.find(e => e.type === 'completion')!;
    // On failure the log shows in the diff.
    expect({
      message: completion.body.message,
      log: events.map(e => e.body.message),
    }).toMatchObject({ message: 'Run completed with status: completed' });
    const output = completion.body.output!;
    const branches = await branchesOf(bare.path);
    expect(Object.keys(branches).sort()).toEqual([
      'main',
      'storage/volume-payments-cache',
    ]);
    expect(output.branch).toBe('storage/volume-payments-cache');
    expect(output.commit).toBe(branches['storage/volume-payments-cache']);

    const committed = await filesChangedBy(
      bare.path,
      'storage/volume-payments-cache',
    );
    expect(committed).toEqual(String(output.changedFiles).split(', ').sort());
    expect(committed).toEqual(expect.arrayContaining(volume.expectFiles));
    const kustomization = await fileAt(
      bare.path,
      'storage/volume-payments-cache',
      'apps/payments/payments-api/base/kustomization.yaml',
    );
    expect(kustomization).toContain('# payments-api: the payment service');
    expect(kustomization).toContain('payments-cache-pvc.yaml');
    const claim = await fileAt(
      bare.path,
      'storage/volume-payments-cache',
      'apps/payments/payments-api/base/payments-cache-pvc.yaml',
    );
    expect(claim).toContain('storageClassName: storage-nfs');
    expect(claim).toContain('Cache only: rebuilt from the database on start.');
    expect(
      await commitField(bare.path, 'storage/volume-payments-cache', '%s'),
    ).toBe(output.summary);
    expect(
      await commitField(bare.path, 'storage/volume-payments-cache', '%B'),
    ).toContain('Requested-by: user:default/mock');
  });

  it('fails with the reason and pushes nothing when the input is wrong', async () => {
    const { bare, events } = await run({ ...volume.typed, tier: 'gold' });

    const log = events.map(e => e.body.message ?? '').join('\n');
    expect(log).toMatch(/unknown tier 'gold'/);
    const completion = events.find(e => e.type === 'completion')!;
    expect(completion.body.message).toBe('Run completed with status: failed');
    expect(Object.keys(await branchesOf(bare.path))).toEqual(['main']);
  });
});

describe('a template run for real against GitLab', () => {
  const mockDir = createMockDirectory();
  beforeEach(() => mockDir.clear());

  it('pushes the branch over git, then opens the merge request with publish:gitlab:merge-request', async () => {
    const schedules = TEMPLATE_CASES.find(
      c => c.template === 'velero-schedules',
    )!;
    const seed = await seedFor(mockDir.resolve('seed'), schedules.generator);
    const bare = await createTestBareRepo(
      mockDir.resolve('remote/gitops.git'),
      seed,
    );
    // git reaches the project in the test repository; the API is a fake
    // that answers from that same repository's branches.
    const restore = redirectGitUrls(mockDir.resolve('gitconfig'), {
      'https://gitlab.example.com/platform/infra/gitops': `file://${bare.path}`,
    });
    const gitlab = await startFakeGitlabApi({
      project: 'platform/infra/gitops',
      bareRepo: bare.path,
    });
    try {
      const template = loadTemplate('velero-schedules');
      const server = await startScaffolderTestBackend({
        // git reports the redirected origin as this local path.
        storageConfig: {
          gitops: { allowedLocalRoots: [mockDir.resolve('remote')] },
        },
        entities: [template as unknown as Entity],
        gitlabBaseUrl: gitlab.baseUrl,
      });
      const created = await request(server)
        .post('/api/scaffolder/v2/tasks')
        .send({
          templateRef: `template:default/${template.metadata.name}`,
          values: formValues(template, {
            ...schedules.typed,
            repoUrl: 'https://gitlab.example.com/platform/infra/gitops',
          }),
        });
      expect(created.status).toBe(201);
      const events = await waitForTask(server, created.body.id);
      const completion = events.find(e => e.type === 'completion')!;
      expect({
        message: completion.body.message,
        log: events.map(e => e.body.message),
      }).toMatchObject({ message: 'Run completed with status: completed' });

      // The branch holds the whole change set, pushed by storage:git:publish.
      const branch = 'storage/velero-schedules';
      expect(Object.keys(await branchesOf(bare.path)).sort()).toEqual([
        'main',
        branch,
      ]);
      const output = completion.body.output!;
      expect(await filesChangedBy(bare.path, branch)).toEqual(
        String(output.changedFiles).split(', ').sort(),
      );
      // The merge request: that branch into main, with the summary, and the
      // integration's token; no commit through the API (commitAction skip).
      const mr = gitlab.calls.find(
        c => c.method === 'POST' && c.path.endsWith('/merge_requests'),
      )!;
      expect(mr.token).toBe('glpat-testtokentesttoken');
      expect(mr.body).toMatchObject({
        source_branch: branch,
        target_branch: 'main',
        title: output.summary,
        remove_source_branch: true,
      });
      expect(gitlab.calls.some(c => c.path.endsWith('/commits'))).toBe(false);
      expect(
        (output.text as Array<{ title: string }>).map(t => t.title),
      ).toEqual(['Published', 'Changes']);
      expect(output.links).toEqual([
        {
          title: 'Merge request',
          icon: 'gitlab',
          url: 'https://gitlab.example.com/platform/infra/gitops/-/merge_requests/7',
        },
      ]);
    } finally {
      restore();
      await gitlab.close();
    }
  });
});
