import fs from 'node:fs';
import nodePath from 'node:path';
import { renderUnifiedDiff } from '../../changes/renderUnifiedDiff';
import { exampleInput, hashTree } from '../../testUtils/fixtureRepo';
import { runAndApply, tempFixture } from '../../testUtils/harness';
import { veleroGenerator } from '../velero';
import { kroBackupPoliciesGenerator } from '.';

type Input = Record<string, any>;

const POLICIES = 'apps/storage/backup-policies/base';

async function withPolicies(
  test: (dir: string, input: Input) => Promise<void>,
): Promise<void> {
  const { dir, cleanup } = tempFixture();
  try {
    await runAndApply(dir, veleroGenerator, exampleInput('velero'));
    const input = exampleInput('kro-backup-policies') as Input;
    await runAndApply(dir, kroBackupPoliciesGenerator, input);
    await test(dir, input);
  } finally {
    cleanup();
  }
}

const withoutSearch = (input: Input): Input => ({
  ...input,
  prune: true,
  policies: input.policies.filter((p: Input) => p.namespace !== 'search'),
});

describe('kro-backup-policies day 2: removing a namespace', () => {
  it('with prune deletes its BackupPolicy (kro then deletes the Schedule) and its kustomization entry, once', () =>
    withPolicies(async (dir, input) => {
      const changeSet = await runAndApply(
        dir,
        kroBackupPoliciesGenerator,
        withoutSearch(input),
      );
      expect(changeSet.changes.map(c => `${c.action} ${c.path}`)).toEqual([
        `update ${POLICIES}/kustomization.yaml`,
        `delete ${POLICIES}/search.yaml`,
      ]);
      expect(changeSet.summary).toMatch(/; remove those of search$/);
      const kustomizationHunk =
        renderUnifiedDiff(changeSet).split('diff --git')[1];
      expect(
        kustomizationHunk.split('\n').filter(l => /^[+-][^+-]/.test(l)),
      ).toEqual(['-  - search.yaml']);
      expect(fs.existsSync(nodePath.join(dir, POLICIES, 'search.yaml'))).toBe(
        false,
      );
      expect(
        (
          await runAndApply(
            dir,
            kroBackupPoliciesGenerator,
            withoutSearch(input),
          )
        ).changes,
      ).toEqual([]);
    }));

  it('without prune keeps the policies of unlisted namespaces', () =>
    withPolicies(async (dir, input) => {
      const { prune: _prune, ...additive } = withoutSearch(input);
      expect(
        (await runAndApply(dir, kroBackupPoliciesGenerator, additive)).changes,
      ).toEqual([]);
    }));

  const withoutMedia = (input: Input): Input => ({
    ...input,
    prune: true,
    policies: input.policies.filter((p: Input) => p.namespace !== 'media'),
  });

  it.each([
    [
      'a field the generator does not write',
      (text: string) =>
        text.replace('  paused: false', '  paused: false\n  note: x'),
      /its fields, comments or layout differ/,
    ],
    [
      'an added comment',
      (text: string) => `${text}# keep until the audit\n`,
      /its fields, comments or layout differ/,
    ],
    [
      'a TTL no longer derived from its RPO',
      (text: string) => text.replace('ttl: 72h', 'ttl: 100h'),
      /its cron or TTL is no longer the one derived from its RPO/,
    ],
    [
      'the marker removed',
      (text: string) => text.replace('Written by backstage-storage.', ''),
      /was not written by a generator/,
    ],
  ])(
    'refuses to delete a policy with %s and writes nothing',
    (_name, edit, message) =>
      withPolicies(async (dir, input) => {
        const file = nodePath.join(dir, POLICIES, 'media.yaml');
        const text = fs.readFileSync(file, 'utf8');
        expect(edit(text)).not.toBe(text);
        fs.writeFileSync(file, edit(text));
        const before = hashTree(dir);
        await expect(
          runAndApply(dir, kroBackupPoliciesGenerator, withoutMedia(input)),
        ).rejects.toThrow(message);
        expect(hashTree(dir)).toBe(before);
      }),
  );

  it('an unedited derived policy rebuilds to its own text (nothing to report)', () =>
    withPolicies(async dir => {
      const { policyEdits } = await import('./policyEdits');
      for (const ns of ['billing', 'media', 'search'])
        expect(
          policyEdits(
            fs.readFileSync(nodePath.join(dir, POLICIES, `${ns}.yaml`), 'utf8'),
            `${ns}.yaml`,
            ns,
          ),
        ).toBeUndefined();
    }));
});
