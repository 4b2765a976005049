import { structuredPatch } from 'diff';
import { exampleInput } from '../testUtils/fixtureRepo';
import { generateChain } from '../testUtils/harness';
import type { GitopsGenerator } from '../types';
import { findGenerator } from './registry';

const STEPS: Array<[string, string]> = [
  ['nfs-provisioner', 'nfs-provisioner'],
  ['velero', 'velero'],
  ['kro-inventory', 'kro-inventory'],
  ['velero-schedules', 'velero-schedules'],
  ['volume-request', 'volume-request'],
  ['volume-request', 'volume-request-waiver'],
];

describe('edits of existing files keep every line they do not change', () => {
  it.each(STEPS.map((step, index) => [index, ...step] as const))(
    'step %i: %s (%s) only adds lines (comments, order and quoting kept)',
    (index, _id, _input) => {
      const steps = STEPS.slice(0, index + 1).map(
        ([id, input]) =>
          [
            findGenerator(id) as GitopsGenerator<unknown>,
            exampleInput(input),
          ] as [GitopsGenerator<unknown>, unknown],
      );
      const { changeSet } = generateChain(steps);
      const updates = changeSet.changes.filter(c => c.action === 'update');
      for (const update of updates) {
        const patch = structuredPatch(
          update.path,
          update.path,
          update.previous!,
          update.content,
        );
        const removed = patch.hunks
          .flatMap(h => h.lines)
          .filter(line => line.startsWith('-'));
        // An empty flow list (`resources: []`) is the one line that is rewritten.
        expect({
          path: update.path,
          removed: removed.filter(l => l !== '-resources: []'),
        }).toEqual({ path: update.path, removed: [] });
        const previousComments = update
          .previous!.split('\n')
          .filter(l => l.trim().startsWith('#'));
        for (const comment of previousComments)
          expect(update.content).toContain(comment);
      }
    },
  );
});
