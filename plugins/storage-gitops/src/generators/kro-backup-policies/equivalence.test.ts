// Test-only: the oracle is a dev dependency.
// eslint-disable-next-line @backstage/no-undeclared-imports
import { validateKubernetesObject } from '@gitops-storage/upstream-oracle';
import { parse } from 'yaml';
import { exampleInput, fixtureFiles } from '../../testUtils/fixtureRepo';
import { generateChain } from '../../testUtils/harness';
import { renderGraph } from '../../testUtils/kroTemplate';
import { DEFAULT_TIERS } from '../../tiers/defaultTiers';
import { planSchedule } from '../shared/schedulePlan';
import { veleroGenerator } from '../velero';
import { veleroSchedulesGenerator } from '../velero-schedules';
import { scheduleObject } from '../velero-schedules/schedule';
import { kroBackupPoliciesGenerator } from '.';

type Input = Record<string, any>;

const graphFile = 'apps/storage/overlays/prod/backup-policy-graph.yaml';
const policies = 'apps/storage/backup-policies/base';
const schedules = 'apps/storage/velero/overlays/prod/schedules';

/** The same namespaces as policies (kro) and as static Schedules, each in its own copy of the repository. */
function bothPaths(staticInput: Input) {
  const kroInput = {
    ...(staticInput.tiers ? { tiers: staticInput.tiers } : {}),
    ...(staticInput.storageLocation
      ? { storageLocation: staticInput.storageLocation }
      : {}),
    policies: staticInput.namespaces.map(({ name, ...rest }: Input) => ({
      namespace: name,
      ...rest,
    })),
  };
  const velero = [veleroGenerator, exampleInput('velero')] as const;
  const kro = generateChain([
    [...velero],
    [kroBackupPoliciesGenerator, kroInput],
  ]).files;
  const fixed = generateChain([
    [...velero],
    [veleroSchedulesGenerator, staticInput],
  ]).files;
  return { kro, fixed };
}

/** What kro applies for the BackupPolicy of a namespace. */
function kroSchedule(files: Record<string, string>, namespace: string) {
  const graph = parse(files[graphFile]);
  const policy = parse(files[`${policies}/${namespace}.yaml`]);
  const [schedule] = renderGraph(graph, policy);
  return schedule;
}

describe('the kro path and the static path give the same Schedules', () => {
  const cases: Array<[string, Input]> = [
    ['the velero-schedules example', exampleInput('velero-schedules') as Input],
    [
      'overrides, a paused namespace, a label selector, a storage location and the default tiers',
      {
        storageLocation: 'default',
        namespaces: [
          {
            name: 'media',
            tiers: ['nfs'],
            schedule: '30 1 * * *',
            ttl: '336h',
            paused: true,
          },
          {
            name: 'search',
            tiers: ['bulk', 'fast'],
            labelSelector: { matchLabels: { backup: 'true', tier: 'hot' } },
          },
          { name: 'ledger', tiers: ['local'] },
        ],
      },
    ],
  ];

  it.each(cases)(
    '%s: the rendered templates equal the static files',
    (_name, staticInput) => {
      const { kro, fixed } = bothPaths(staticInput);
      for (const { name } of staticInput.namespaces) {
        const rendered = kroSchedule(kro, name);
        expect(rendered).toEqual(parse(fixed[`${schedules}/${name}.yaml`]));
        expect(validateKubernetesObject(rendered)).toEqual([]);
      }
    },
  );

  it('a policy given an RPO renders the Schedule the shared derivation gives for that RPO', () => {
    const files = generateChain([
      [veleroGenerator, exampleInput('velero')],
      [kroBackupPoliciesGenerator, exampleInput('kro-backup-policies')],
    ]).files;
    const plan = planSchedule(
      { namespace: 'media', rpo: { hours: 2 }, paused: false },
      'policies.2',
      DEFAULT_TIERS,
      'namespace',
    );
    const rendered = kroSchedule(files, 'media');
    expect(rendered).toEqual(scheduleObject(plan, 'velero', 'default'));
    expect(rendered.metadata.labels).toEqual({
      'gitops-storage.dev/backup-namespace': 'media',
    });
    expect(validateKubernetesObject(rendered)).toEqual([]);
  });

  it('the comparison can fail: a changed policy renders a different Schedule', () => {
    const staticInput = exampleInput('velero-schedules') as Input;
    const { kro, fixed } = bothPaths(staticInput);
    const edited = {
      ...kro,
      [`${policies}/orders.yaml`]: kro[`${policies}/orders.yaml`].replace(
        /ttl: \S+/,
        'ttl: 1h',
      ),
    };
    expect(kroSchedule(edited, 'orders')).not.toEqual(
      parse(fixed[`${schedules}/orders.yaml`]),
    );
    expect(fixtureFiles()[graphFile]).toBeUndefined();
  });
});
