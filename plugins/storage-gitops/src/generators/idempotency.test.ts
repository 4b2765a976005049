import fs from 'node:fs';
import { createDirectoryRepoReader } from '../repo/directoryRepoReader';
import { runGenerator } from '../input/parseGeneratorInput';
import { exampleInput, hashTree } from '../testUtils/fixtureRepo';
import { runAndApply, tempFixture } from '../testUtils/harness';
import type { GitopsGenerator } from '../types';
import { findGenerator, gitopsGenerators } from './registry';

/** Example inputs, applied in this order on one copy of the fixture. */
const RUNS: Array<[string, string]> = [
  ['nfs-provisioner', 'nfs-provisioner'],
  ['velero', 'velero'],
  ['kro-inventory', 'kro-inventory'],
  ['velero-schedules', 'velero-schedules'],
  ['kro-backup-policies', 'kro-backup-policies'],
  ['volume-request', 'volume-request'],
  ['volume-request', 'volume-request-waiver'],
];

describe('every generator is idempotent on disk', () => {
  const { dir, cleanup } = tempFixture();
  afterAll(cleanup);

  it('knows all six generators', () => {
    expect(gitopsGenerators.map(g => g.id)).toEqual([
      'nfs-provisioner',
      'velero',
      'kro-inventory',
      'velero-schedules',
      'kro-backup-policies',
      'volume-request',
    ]);
  });

  it.each(RUNS)(
    '%s (%s): applying, then re-running gives an empty change set and writes nothing',
    async (id, inputName) => {
      const generator = findGenerator(id) as GitopsGenerator<unknown>;
      const input = exampleInput(inputName);
      const first = await runAndApply(dir, generator, input);
      expect(first.changes.length).toBeGreaterThan(0);
      for (const change of first.changes) {
        expect(fs.readFileSync(`${dir}/${change.path}`, 'utf8')).toBe(
          change.content,
        );
      }
      const before = hashTree(dir);
      const second = runGenerator(
        generator,
        createDirectoryRepoReader(dir),
        input,
      );
      expect(second.changes).toEqual([]);
      expect(hashTree(dir)).toBe(before);
    },
  );

  it('re-running every generator after all of them still changes nothing', () => {
    for (const [id, inputName] of RUNS) {
      const generator = findGenerator(id) as GitopsGenerator<unknown>;
      expect(
        runGenerator(
          generator,
          createDirectoryRepoReader(dir),
          exampleInput(inputName),
        ).changes,
      ).toEqual([]);
    }
  });
});
