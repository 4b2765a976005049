import { isGeneratorError } from '../../errors/GeneratorError';
import { exampleInput } from '../../testUtils/fixtureRepo';
import { generate, generateChain } from '../../testUtils/harness';
import { veleroGenerator } from '../velero';
import { veleroSchedulesGenerator } from '../velero-schedules';
import { kroBackupPoliciesGenerator } from '.';

type Input = Record<string, any>;

const velero = [veleroGenerator, exampleInput('velero')] as const;
const staticInput = exampleInput('velero-schedules') as Input;
const kroInput = exampleInput('kro-backup-policies') as Input;

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(isGeneratorError(e)).toBe(true);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('one way at a time: a namespace has static Schedules or a BackupPolicy', () => {
  it('kro-backup-policies refuses a namespace that has a static Schedule, and says how to move it', () => {
    const files = generateChain([
      [...velero],
      [veleroSchedulesGenerator, staticInput],
    ]).files;
    const message = refusal(() =>
      generate(
        kroBackupPoliciesGenerator,
        {
          policies: [
            { namespace: 'billing', tiers: ['fast'] },
            { namespace: 'orders', tiers: ['fast'] },
          ],
        },
        files,
      ),
    );
    expect(message).toMatch(
      /^policies\.1\.namespace: namespace 'orders' already has a static Velero Schedule \('apps\/storage\/velero\/overlays\/prod\/schedules\/orders\.yaml', velero-schedules\)/,
    );
    expect(message).toMatch(/delete that file and its entry/);
  });

  it('velero-schedules refuses a namespace that has a BackupPolicy', () => {
    const files = generateChain([
      [...velero],
      [kroBackupPoliciesGenerator, kroInput],
    ]).files;
    const message = refusal(() =>
      generate(
        veleroSchedulesGenerator,
        { namespaces: [{ name: 'search', tiers: ['bulk'] }] },
        files,
      ),
    );
    expect(message).toMatch(
      /^namespaces\.0\.name: namespace 'search' is backed up by its BackupPolicy \('apps\/storage\/backup-policies\/base\/search\.yaml', kro-backup-policies\)/,
    );
  });

  it('both ways side by side for different namespaces, each re-run unchanged', () => {
    const { files } = generateChain([
      [...velero],
      [veleroSchedulesGenerator, staticInput],
      [kroBackupPoliciesGenerator, kroInput],
    ]);
    expect(
      generate(veleroSchedulesGenerator, staticInput, files).changes,
    ).toEqual([]);
    expect(
      generate(kroBackupPoliciesGenerator, kroInput, files).changes,
    ).toEqual([]);
  });

  it('a static Schedule found by its includedNamespaces, whatever the file is called', () => {
    const files = generateChain([[...velero]]).files;
    files['apps/storage/velero/overlays/prod/schedules/nightly.yaml'] = [
      'apiVersion: velero.io/v1',
      'kind: Schedule',
      'metadata: { name: nightly, namespace: velero }',
      'spec:',
      '  schedule: 0 2 * * *',
      '  template: { includedNamespaces: [media] }',
      '',
    ].join('\n');
    expect(
      refusal(() => generate(kroBackupPoliciesGenerator, kroInput, files)),
    ).toMatch(
      /namespace 'media' already has a static Velero Schedule \('[^']*nightly\.yaml'/,
    );
  });
});
