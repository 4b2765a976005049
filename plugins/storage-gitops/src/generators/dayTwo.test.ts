import { renderUnifiedDiff } from '../changes/renderUnifiedDiff';
import { exampleInput } from '../testUtils/fixtureRepo';
import { generate, runAndApply, tempFixture } from '../testUtils/harness';
import { isOwnedFile } from '../changes/ChangeSetBuilder';
import { findGenerator } from './registry';

type Input = Record<string, any>;

/** Day 2: the same generator re-run with a changed input reconciles the files it owns. */
const CHANGES: Array<{
  generator: string;
  before: () => Promise<void> | void;
  change: (input: Input) => Input;
  /** Lines the diff must add and remove (removed: one that always matches when nothing need go). */
  added: RegExp;
  removed: RegExp;
}> = [
  {
    generator: 'nfs-provisioner',
    before: () => undefined,
    change: i => ({
      ...i,
      nfs: { ...i.nfs, server: 'nas-2.storage.internal' },
    }),
    added: /^\+.*nas-2\.storage\.internal/m,
    removed: /^-.*server/m,
  },
  {
    generator: 'velero',
    before: () => undefined,
    change: i => ({
      ...i,
      backupStorageLocations: [
        { ...i.backupStorageLocations[0], bucket: 'velero-backups-2' },
      ],
    }),
    added: /^\+\s+bucket: velero-backups-2$/m,
    removed: /^-\s+bucket: velero-backups$/m,
  },
  {
    generator: 'kro-inventory',
    before: () => undefined,
    change: i => ({
      ...i,
      drives: [
        ...i.drives,
        {
          id: 'nvme9',
          node: 'node-9',
          path: '/mnt/nvme9',
          capacity: '900Gi',
          tier: 'storage-fast',
        },
      ],
    }),
    added: /^\+\s+- id: nvme9$/m,
    removed: /^/,
  },
];

describe('ownership', () => {
  it.each([
    'nfs-provisioner',
    'velero',
    'kro-inventory',
    'volume-request',
    'volume-request-waiver',
  ])('every file %s creates says it was written by backstage-storage', id => {
    const generator = findGenerator(id.replace(/-waiver$/, ''))!;
    const changeSet = generate(generator, exampleInput(id));
    const created = changeSet.changes.filter(
      c => c.action === 'create' && !/\/charts\//.test(c.path),
    );
    expect(created.length).toBeGreaterThan(0);
    for (const change of created)
      expect([change.path, isOwnedFile(change.content)]).toEqual([
        change.path,
        true,
      ]);
  });
});

describe('day 2: re-running a generator with a changed input', () => {
  it.each(CHANGES.map(c => [c.generator, c] as const))(
    '%s: succeeds with a minimal, readable diff of the files it owns',
    async (id, { change, added, removed }) => {
      const { dir, cleanup } = tempFixture();
      try {
        const generator = findGenerator(id)!;
        const input = exampleInput(id) as Input;
        await runAndApply(dir, generator, input);
        const changeSet = await runAndApply(dir, generator, change(input));
        const diff = renderUnifiedDiff(changeSet);
        expect(changeSet.changes.every(c => c.action === 'update')).toBe(true);
        expect(diff).toMatch(added);
        expect(diff).toMatch(removed);
        // Minimal: only a few lines change.
        const changedLines = diff
          .split('\n')
          .filter(l => /^[+-][^+-]/.test(l)).length;
        expect(changedLines).toBeLessThan(20);
        // And a second run with the changed input changes nothing.
        expect(
          (await runAndApply(dir, generator, change(input))).changes,
        ).toEqual([]);
      } finally {
        cleanup();
      }
    },
  );

  it('velero-schedules: other tiers for a namespace change its Schedule', async () => {
    const { dir, cleanup } = tempFixture();
    try {
      await runAndApply(dir, findGenerator('velero')!, exampleInput('velero'));
      const schedules = findGenerator('velero-schedules')!;
      const input = exampleInput('velero-schedules') as Input;
      await runAndApply(dir, schedules, input);
      const changed = {
        ...input,
        namespaces: input.namespaces.map((ns: Input) =>
          ns.name === 'orders' ? { ...ns, tiers: ['bulk'] } : ns,
        ),
      };
      const changeSet = await runAndApply(dir, schedules, changed);
      expect(changeSet.changes.map(c => `${c.action} ${c.path}`)).toEqual([
        'update apps/storage/velero/overlays/prod/schedules/orders.yaml',
      ]);
      expect(renderUnifiedDiff(changeSet)).toMatch(
        /^\+.*gitops-storage.dev\/tier: bulk$/m,
      );
    } finally {
      cleanup();
    }
  });
  it('kro-backup-policies: another RPO for a namespace changes only its BackupPolicy', async () => {
    const { dir, cleanup } = tempFixture();
    try {
      await runAndApply(dir, findGenerator('velero')!, exampleInput('velero'));
      const policies = findGenerator('kro-backup-policies')!;
      const input = exampleInput('kro-backup-policies') as Input;
      await runAndApply(dir, policies, input);
      const changed = {
        ...input,
        policies: input.policies.map((p: Input) =>
          p.namespace === 'media' ? { ...p, rpo: { hours: 24 } } : p,
        ),
      };
      const changeSet = await runAndApply(dir, policies, changed);
      expect(changeSet.changes.map(c => `${c.action} ${c.path}`)).toEqual([
        'update apps/storage/backup-policies/base/media.yaml',
      ]);
      const diff = renderUnifiedDiff(changeSet);
      expect(diff).toMatch(/^\+\s+rpo: 24h$/m);
      expect(diff).toMatch(/^\+\s+ttl: 720h$/m);
      expect(
        diff.split('\n').filter(l => /^[+-][^+-]/.test(l)).length,
      ).toBeLessThan(10);
      expect((await runAndApply(dir, policies, changed)).changes).toEqual([]);
    } finally {
      cleanup();
    }
  });
});
