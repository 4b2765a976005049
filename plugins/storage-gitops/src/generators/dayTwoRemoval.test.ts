import fs from 'node:fs';
import nodePath from 'node:path';
import { renderUnifiedDiff } from '../changes/renderUnifiedDiff';
import { exampleInput, hashTree } from '../testUtils/fixtureRepo';
import { runAndApply, tempFixture } from '../testUtils/harness';
import { findGenerator } from './registry';

type Input = Record<string, any>;

const SCHEDULES = 'apps/storage/velero/overlays/prod/schedules';
const CLUSTER = 'apps/storage/overlays/prod';

/** A fixture repository with the velero app and the example schedules. */
async function withSchedules(
  test: (dir: string, input: Input) => Promise<void>,
): Promise<void> {
  const { dir, cleanup } = tempFixture();
  try {
    await runAndApply(dir, findGenerator('velero')!, exampleInput('velero'));
    const input = exampleInput('velero-schedules') as Input;
    await runAndApply(dir, findGenerator('velero-schedules')!, input);
    await test(dir, input);
  } finally {
    cleanup();
  }
}

const withoutOrders = (input: Input): Input => ({
  ...input,
  prune: true,
  namespaces: input.namespaces.filter((ns: Input) => ns.name !== 'orders'),
});

const read = (dir: string, path: string) =>
  fs.readFileSync(nodePath.join(dir, path), 'utf8');

describe('day 2: removing what the input no longer asks for', () => {
  it('velero-schedules with prune deletes the Schedule of a namespace no longer listed, and its kustomization entry', () =>
    withSchedules(async (dir, input) => {
      const schedules = findGenerator('velero-schedules')!;
      const changeSet = await runAndApply(dir, schedules, withoutOrders(input));
      expect(changeSet.changes.map(c => `${c.action} ${c.path}`)).toEqual([
        `update ${SCHEDULES}/kustomization.yaml`,
        `delete ${SCHEDULES}/orders.yaml`,
      ]);
      expect(changeSet.summary).toMatch(/; remove those of orders$/);
      const diff = renderUnifiedDiff(changeSet);
      expect(diff).toContain(
        `diff --git a/${SCHEDULES}/orders.yaml b/${SCHEDULES}/orders.yaml\ndeleted file mode 100644\n`,
      );
      // Minimal: the kustomization loses exactly one line.
      const kustomizationHunk = diff.split('diff --git')[1];
      expect(
        kustomizationHunk.split('\n').filter(l => /^[+-][^+-]/.test(l)),
      ).toEqual(['-  - orders.yaml']);
      expect(fs.existsSync(nodePath.join(dir, SCHEDULES, 'orders.yaml'))).toBe(
        false,
      );
      expect(read(dir, `${SCHEDULES}/payments.yaml`)).toContain('ns-payments');
      // Idempotent.
      expect(
        (await runAndApply(dir, schedules, withoutOrders(input))).changes,
      ).toEqual([]);
    }));

  it('velero-schedules without prune keeps the Schedules of unlisted namespaces (adding one never removes another)', () =>
    withSchedules(async (dir, input) => {
      const { prune: _prune, ...additive } = withoutOrders(input);
      const changeSet = await runAndApply(
        dir,
        findGenerator('velero-schedules')!,
        additive,
      );
      expect(changeSet.changes).toEqual([]);
      expect(fs.existsSync(nodePath.join(dir, SCHEDULES, 'orders.yaml'))).toBe(
        true,
      );
    }));

  it('velero-schedules with prune also removes a Schedule it wrote with a label selector and explicit cron', async () => {
    const { dir, cleanup } = tempFixture();
    try {
      await runAndApply(dir, findGenerator('velero')!, exampleInput('velero'));
      const schedules = findGenerator('velero-schedules')!;
      const input = exampleInput('velero-schedules') as Input;
      await runAndApply(dir, schedules, {
        ...input,
        namespaces: input.namespaces.map((ns: Input) =>
          ns.name === 'orders'
            ? {
                ...ns,
                schedule: '15 2 * * *',
                labelSelector: { matchLabels: { backup: 'yes' } },
              }
            : ns,
        ),
      });
      expect(read(dir, `${SCHEDULES}/orders.yaml`)).toContain('backup: "yes"');
      const changeSet = await runAndApply(dir, schedules, withoutOrders(input));
      expect(changeSet.changes.map(c => `${c.action} ${c.path}`)).toContain(
        `delete ${SCHEDULES}/orders.yaml`,
      );
    } finally {
      cleanup();
    }
  });

  it.each([
    [
      'a changed value it does not set',
      (text: string) =>
        text.replace('snapshotVolumes: false', 'snapshotVolumes: true'),
      /edited after the generator wrote it \(its fields, comments or layout differ/,
    ],
    [
      'an added comment',
      (text: string) => `${text}# keep until the audit\n`,
      /edited after the generator wrote it/,
    ],
    [
      'a cron no longer derived from its RPO',
      // Same quoting as the generator's, so only the value differs.
      (text: string) =>
        text.replace(/(schedule: (['"]?))[^'"\n]+/, '$10 3 * * *'),
      /its cron or TTL is no longer the one derived from its RPO/,
    ],
    [
      'the marker removed (a human took the file over)',
      (text: string) => text.replace('Written by backstage-storage.', ''),
      /was not written by a generator/,
    ],
  ])(
    'refuses to delete a Schedule with %s, explains, and writes nothing',
    (_name, edit, message) =>
      withSchedules(async (dir, input) => {
        const file = nodePath.join(dir, SCHEDULES, 'orders.yaml');
        fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
        const before = hashTree(dir);
        await expect(
          runAndApply(
            dir,
            findGenerator('velero-schedules')!,
            withoutOrders(input),
          ),
        ).rejects.toThrow(message);
        await expect(
          runAndApply(
            dir,
            findGenerator('velero-schedules')!,
            withoutOrders(input),
          ),
        ).rejects.toThrow(/Delete it yourself/);
        expect(hashTree(dir)).toBe(before);
      }),
  );

  it('kro-inventory: one drive fewer removes it from the instance, nothing else', async () => {
    const { dir, cleanup } = tempFixture();
    try {
      const generator = findGenerator('kro-inventory')!;
      const input = exampleInput('kro-inventory') as Input;
      await runAndApply(dir, generator, input);
      const fewer = { ...input, drives: input.drives.slice(0, 2) };
      const changeSet = await runAndApply(dir, generator, fewer);
      expect(changeSet.changes.map(c => `${c.action} ${c.path}`)).toEqual([
        `update ${CLUSTER}/drive-inventory-cluster-drives.yaml`,
      ]);
      const changed = renderUnifiedDiff(changeSet)
        .split('\n')
        .filter(l => /^[+-][^+-]/.test(l));
      expect(changed).toEqual([
        expect.stringMatching(/^-\s+- id: hdd0$/),
        expect.stringMatching(/^-\s+node: worker-2$/),
        expect.stringMatching(/^-\s+path: \/mnt\/disks\/hdd0$/),
        expect.stringMatching(/^-\s+capacity: 8Ti$/),
        expect.stringMatching(/^-\s+tier: storage-bulk$/),
      ]);
      expect((await runAndApply(dir, generator, fewer)).changes).toEqual([]);
    } finally {
      cleanup();
    }
  });

  it('kro-inventory: enforcement switched off deletes the class policy it wrote and unlists it', async () => {
    const { dir, cleanup } = tempFixture();
    try {
      const generator = findGenerator('kro-inventory')!;
      const input = exampleInput('kro-inventory') as Input;
      await runAndApply(dir, generator, input);
      const off = { ...input, enforceClassesPerNamespace: false };
      const changeSet = await runAndApply(dir, generator, off);
      expect(changeSet.changes.map(c => `${c.action} ${c.path}`)).toEqual([
        `update ${CLUSTER}/kustomization.yaml`,
        `delete ${CLUSTER}/storage-class-policy.yaml`,
      ]);
      expect(read(dir, `${CLUSTER}/kustomization.yaml`)).not.toContain(
        'storage-class-policy.yaml',
      );
      expect((await runAndApply(dir, generator, off)).changes).toEqual([]);
      // Switched on again: created again.
      expect(
        (await runAndApply(dir, generator, input)).changes.map(c => c.action),
      ).toEqual(['update', 'create']);
    } finally {
      cleanup();
    }
  });

  it('kro-inventory: a class policy a human edited is kept, with an explanation', async () => {
    const { dir, cleanup } = tempFixture();
    try {
      const generator = findGenerator('kro-inventory')!;
      const input = exampleInput('kro-inventory') as Input;
      await runAndApply(dir, generator, input);
      const policy = nodePath.join(dir, CLUSTER, 'storage-class-policy.yaml');
      fs.appendFileSync(policy, '# reviewed by the platform team\n');
      const before = hashTree(dir);
      await expect(
        runAndApply(dir, generator, {
          ...input,
          enforceClassesPerNamespace: false,
        }),
      ).rejects.toThrow(
        /storage-class-policy\.yaml' is no longer asked for by the input, but it was edited after the generator wrote it \(it differs from the policy kro-inventory writes for these tiers\)/,
      );
      expect(hashTree(dir)).toBe(before);
    } finally {
      cleanup();
    }
  });

  describe('volume-request withdrawn', () => {
    const FOLDER = 'apps/payments/payments-api/base';
    const withdraw = {
      folder: FOLDER,
      claimName: 'payments-uploads',
      withdraw: true,
    };

    it('takes back exactly what the request wrote: the repository is as before, and a re-run changes nothing', async () => {
      const { dir, cleanup } = tempFixture();
      try {
        const generator = findGenerator('volume-request')!;
        const before = hashTree(dir);
        await runAndApply(dir, generator, exampleInput('volume-request'));
        expect(hashTree(dir)).not.toBe(before);
        const changeSet = await runAndApply(dir, generator, withdraw);
        expect(changeSet.changes.map(c => `${c.action} ${c.path}`)).toEqual([
          `update ${FOLDER}/kustomization.yaml`,
          `delete ${FOLDER}/payments-api-backup-volumes.yaml`,
          `delete ${FOLDER}/payments-uploads-pvc.yaml`,
        ]);
        expect(hashTree(dir)).toBe(before);
        expect((await runAndApply(dir, generator, withdraw)).changes).toEqual(
          [],
        );
      } finally {
        cleanup();
      }
    });

    it('a waived scratch volume: withdrawing it takes back its claim, nothing else', async () => {
      const { dir, cleanup } = tempFixture();
      try {
        const generator = findGenerator('volume-request')!;
        const before = hashTree(dir);
        const waiver = exampleInput('volume-request-waiver') as Input;
        await runAndApply(dir, generator, waiver);
        await runAndApply(dir, generator, {
          folder: waiver.folder,
          claimName: waiver.claimName,
          withdraw: true,
        });
        expect(hashTree(dir)).toBe(before);
      } finally {
        cleanup();
      }
    });

    it('keeps the backup patch of another volume and only takes this one out of it', async () => {
      const { dir, cleanup } = tempFixture();
      try {
        const generator = findGenerator('volume-request')!;
        const first = exampleInput('volume-request') as Input;
        await runAndApply(dir, generator, first);
        const afterFirst = read(
          dir,
          `${FOLDER}/payments-api-backup-volumes.yaml`,
        );
        await runAndApply(dir, generator, {
          ...first,
          claimName: 'payments-exports',
          backup: { ...first.backup, mountPath: '/var/lib/payments/exports' },
        });
        const changeSet = await runAndApply(dir, generator, {
          ...withdraw,
          claimName: 'payments-exports',
        });
        expect(changeSet.changes.map(c => `${c.action} ${c.path}`)).toEqual([
          `update ${FOLDER}/kustomization.yaml`,
          `update ${FOLDER}/payments-api-backup-volumes.yaml`,
          `delete ${FOLDER}/payments-exports-pvc.yaml`,
        ]);
        expect(read(dir, `${FOLDER}/payments-api-backup-volumes.yaml`)).toBe(
          afterFirst,
        );
      } finally {
        cleanup();
      }
    });

    it.each([
      [
        'an edited claim',
        (dir: string) =>
          fs.writeFileSync(
            nodePath.join(dir, FOLDER, 'payments-uploads-pvc.yaml'),
            read(dir, `${FOLDER}/payments-uploads-pvc.yaml`).replace(
              'storage: 50Gi',
              'storage: 80Gi',
            ),
          ),
        /payments-uploads-pvc\.yaml' is no longer asked for by the input, but it was edited after the generator wrote it/,
      ],
      [
        'a claim the workload itself mounts',
        (dir: string) =>
          fs.writeFileSync(
            nodePath.join(dir, FOLDER, 'deployment.yaml'),
            read(dir, `${FOLDER}/deployment.yaml`).replace(
              /(\n\s+)containers:/,
              '$1volumes:$1  - name: up$1    persistentVolumeClaim:$1      claimName: payments-uploads$1containers:',
            ),
          ),
        /Deployment payments-api \(apps\/payments\/payments-api\/base\/deployment\.yaml\) mounts claim 'payments-uploads' in its own manifest/,
      ],
    ])(
      'refuses to withdraw %s, explains, and writes nothing',
      async (_name, edit, message) => {
        const { dir, cleanup } = tempFixture();
        try {
          const generator = findGenerator('volume-request')!;
          await runAndApply(dir, generator, exampleInput('volume-request'));
          edit(dir);
          const before = hashTree(dir);
          await expect(runAndApply(dir, generator, withdraw)).rejects.toThrow(
            message,
          );
          expect(hashTree(dir)).toBe(before);
        } finally {
          cleanup();
        }
      },
    );

    it('a withdrawal names only folder and claimName', async () => {
      const { dir, cleanup } = tempFixture();
      try {
        await expect(
          runAndApply(dir, findGenerator('volume-request')!, {
            ...withdraw,
            tier: 'fast',
          }),
        ).rejects.toThrow(/tier: a withdrawal names only folder and claimName/);
      } finally {
        cleanup();
      }
    });
  });
});
