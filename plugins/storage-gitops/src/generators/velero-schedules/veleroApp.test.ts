import { parse } from 'yaml';
import { isGeneratorError } from '../../errors/GeneratorError';
import { exampleInput } from '../../testUtils/fixtureRepo';
import { generate, generateChain, withChanges } from '../../testUtils/harness';
import { veleroGenerator } from '../velero';
import { veleroSchedulesGenerator } from '.';

const input = exampleInput('velero-schedules') as Record<string, any>;
const veleroInput = exampleInput('velero') as Record<string, any>;
const dir = 'apps/storage/velero/overlays/prod/schedules';

function refusal(
  files: Record<string, string>,
  override: Record<string, unknown>,
): string {
  try {
    generate(veleroSchedulesGenerator, { ...input, ...override }, files);
  } catch (e) {
    expect(isGeneratorError(e)).toBe(true);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('velero-schedules follows the Velero app of the repository', () => {
  const inBackup = () =>
    generateChain([[veleroGenerator, { ...veleroInput, namespace: 'backup' }]])
      .files;

  it("writes Schedules into the Velero app's namespace", () => {
    const files = inBackup();
    const out = withChanges(
      files,
      generate(veleroSchedulesGenerator, input, files),
    );
    expect(parse(out[`${dir}/payments.yaml`]).metadata.namespace).toBe(
      'backup',
    );
  });

  it('refuses a veleroNamespace other than the app’s', () => {
    expect(refusal(inBackup(), { veleroNamespace: 'velero' })).toMatch(
      /Velero app runs in 'backup', not 'velero'/,
    );
  });

  it('accepts only storage locations the app creates', () => {
    const files = inBackup();
    expect(refusal(files, { storageLocation: 'offsite' })).toMatch(
      /'offsite' is not a backup storage location of the Velero app \(it has: default\)/,
    );
    const out = withChanges(
      files,
      generate(
        veleroSchedulesGenerator,
        { ...input, storageLocation: 'default' },
        files,
      ),
    );
    expect(parse(out[`${dir}/orders.yaml`]).spec.template.storageLocation).toBe(
      'default',
    );
  });

  it('refuses a tier whose local-path class still provisions hostPath volumes', () => {
    // A Velero app written for tiers without `local` leaves storage-local as hostPath.
    const files = generateChain([
      [
        veleroGenerator,
        {
          ...veleroInput,
          tiers: [
            { name: 'fast', storageClasses: ['storage-fast'], rpo: 'PT24H' },
          ],
        },
      ],
    ]).files;
    const local = { namespaces: [{ name: 'media', tiers: ['local'] }] };
    expect(refusal(files, local)).toMatch(
      /tier 'local' uses storage-local, which local-path-provisioner provisions as hostPath volumes/,
    );
    // With the default tiers the velero generator makes storage-local provision `local` PVs.
    const capable = generateChain([[veleroGenerator, veleroInput]]).files;
    expect(() =>
      generate(veleroSchedulesGenerator, { ...input, ...local }, capable),
    ).not.toThrow();
  });

  it('refuses to run without the Velero app', () => {
    const files = generateChain([]).files;
    expect(() => generate(veleroSchedulesGenerator, input, files)).toThrow(
      /run the velero generator first/,
    );
  });
});
