import { parse } from 'yaml';
import { renderUnifiedDiff } from '../../changes/renderUnifiedDiff';
import { isGeneratorError } from '../../errors/GeneratorError';
import { exampleInput, fixtureFiles } from '../../testUtils/fixtureRepo';
import {
  generate,
  generateChain,
  manifestProblems,
  runAndApply,
  tempFixture,
  withChanges,
} from '../../testUtils/harness';
import { kustomizeWithoutHelm } from '../../testUtils/harness';
import { veleroGenerator } from '../velero';
import { veleroSchedulesGenerator } from '.';
import { cronFor, intervalMinutes, ttlFor } from './cadence';

const input = exampleInput('velero-schedules') as Record<string, any>;
const veleroInput = exampleInput('velero');
const dir = 'apps/storage/velero/overlays/prod/schedules';

/** The fixture with the Velero app added. */
function withVelero(): Record<string, string> {
  return generateChain([[veleroGenerator, veleroInput]]).files;
}

describe('velero-schedules', () => {
  it('writes one Schedule per namespace and wires them into the Velero overlay (golden diff)', () => {
    const changeSet = generate(veleroSchedulesGenerator, input, withVelero());
    expect(changeSet.changes.map(c => `${c.action} ${c.path}`)).toEqual([
      'update apps/storage/velero/overlays/prod/kustomization.yaml',
      `create ${dir}/analytics.yaml`,
      `create ${dir}/kustomization.yaml`,
      `create ${dir}/orders.yaml`,
      `create ${dir}/payments.yaml`,
    ]);
    expect(renderUnifiedDiff(changeSet)).toMatchSnapshot();
  });

  it('derives cron and TTL from the strictest RPO of the namespace tiers, with FSB on', () => {
    const files = withChanges(
      withVelero(),
      generate(veleroSchedulesGenerator, input, withVelero()),
    );
    const payments = parse(files[`${dir}/payments.yaml`]);
    // fast (6h) is stricter than nfs (12h): every 3h, kept 30 × 6h = 180h.
    expect(payments.spec.schedule).toMatch(/^\d+ \*\/3 \* \* \*$/);
    expect(payments.spec.template).toEqual({
      includedNamespaces: ['payments'],
      defaultVolumesToFsBackup: true,
      snapshotVolumes: false,
      ttl: '180h',
    });
    expect(payments.metadata).toMatchObject({
      name: 'ns-payments',
      namespace: 'velero',
    });
    const analytics = parse(files[`${dir}/analytics.yaml`]);
    expect(analytics.spec.schedule).toMatch(/^\d+ \*\/12 \* \* \*$/);
    expect(analytics.spec.template.ttl).toBe('2160h');
  });

  it('takes overrides and the default tiers', () => {
    const changeSet = generate(
      veleroSchedulesGenerator,
      {
        namespaces: [
          {
            name: 'media',
            tiers: ['nfs'],
            schedule: '30 1 * * *',
            ttl: '336h',
            paused: true,
          },
        ],
        storageLocation: 'default',
      },
      withVelero(),
    );
    const schedule = parse(
      changeSet.changes.find(c => c.path.endsWith('media.yaml'))!.content,
    );
    expect(schedule.spec).toMatchObject({
      schedule: '30 1 * * *',
      paused: true,
    });
    expect(schedule.spec.template).toMatchObject({
      ttl: '336h',
      storageLocation: 'default',
    });
  });

  it('adds namespaces to an existing schedules kustomization', () => {
    const first = generateChain([
      [veleroGenerator, veleroInput],
      [veleroSchedulesGenerator, input],
    ]).files;
    const changeSet = generate(
      veleroSchedulesGenerator,
      { namespaces: [{ name: 'media', tiers: ['nfs'] }] },
      first,
    );
    expect(changeSet.changes.map(c => `${c.action} ${c.path}`)).toEqual(
      [`create ${dir}/media.yaml`, `update ${dir}/kustomization.yaml`].sort(
        (a, b) => a.split(' ')[1].localeCompare(b.split(' ')[1]),
      ),
    );
    expect(
      parse(withChanges(first, changeSet)[`${dir}/kustomization.yaml`])
        .resources,
    ).toEqual(['payments.yaml', 'orders.yaml', 'analytics.yaml', 'media.yaml']);
  });

  it.each([
    [10 * 60, 5],
    [30 * 60, 15],
    [60 * 60, 30],
    [6 * 3600, 180],
    [24 * 3600, 720],
    [48 * 3600, 1440],
    [7 * 86400, 1440],
  ])('an RPO of %ss gives an interval of %s minutes', (rpo, interval) => {
    expect(intervalMinutes(rpo)).toBe(interval);
  });

  it('writes valid cron expressions and bounded TTLs', () => {
    expect(intervalMinutes(5 * 60)).toBeUndefined();
    expect(cronFor(15, 'x')).toMatch(/^\d{1,2}-59\/15 \* \* \* \*$/);
    expect(cronFor(180, 'x')).toMatch(/^\d{1,2} \*\/3 \* \* \*$/);
    expect(cronFor(1440, 'x')).toMatch(/^\d{1,2} [1-4] \* \* \*$/);
    expect(cronFor(60, 'orders')).toBe(cronFor(60, 'orders'));
    expect([ttlFor(3600), ttlFor(86400), ttlFor(30 * 86400)]).toEqual([
      '72h',
      '720h',
      '2160h',
    ]);
  });

  it('refuses an RPO under ten minutes without an explicit schedule', () => {
    let error: unknown;
    try {
      generate(
        veleroSchedulesGenerator,
        {
          tiers: [{ name: 'hot', storageClasses: ['hot'], rpo: 'PT5M' }],
          namespaces: [{ name: 'a', tiers: ['hot'] }],
        },
        withVelero(),
      );
    } catch (e) {
      error = e;
    }
    expect(isGeneratorError(error) && error.message).toMatch(
      /namespaces\.0: tier 'hot' has an RPO under ten minutes/,
    );
  });

  it('writes only YAML that validates against its kind', () => {
    const files = withVelero();
    expect(
      manifestProblems(files, generate(veleroSchedulesGenerator, input, files)),
    ).toEqual([]);
    expect(fixtureFiles()[`${dir}/kustomization.yaml`]).toBeUndefined();
  });

  it('builds with kubectl kustomize inside the Velero overlay', async () => {
    const { dir: repo, cleanup } = tempFixture();
    try {
      await runAndApply(repo, veleroGenerator, veleroInput);
      await runAndApply(repo, veleroSchedulesGenerator, input);
      const objects = kustomizeWithoutHelm(
        repo,
        'apps/storage/velero/overlays/prod',
      );
      expect(
        objects
          .filter(o => o.kind === 'Schedule')
          .map(o => o.metadata.name)
          .sort(),
      ).toEqual(['ns-analytics', 'ns-orders', 'ns-payments']);
    } finally {
      cleanup();
    }
  });
});
