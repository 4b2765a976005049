import { parse } from 'yaml';
import { isOwnedFile } from '../../changes/ChangeSetBuilder';
import { renderUnifiedDiff } from '../../changes/renderUnifiedDiff';
import { exampleInput } from '../../testUtils/fixtureRepo';
import {
  generate,
  generateChain,
  kustomizeWithoutHelm,
  manifestProblems,
  runAndApply,
  tempFixture,
  withChanges,
} from '../../testUtils/harness';
import { kroInventoryGenerator } from '../kro-inventory';
import { veleroGenerator } from '../velero';
import { kroBackupPoliciesGenerator } from '.';

const input = exampleInput('kro-backup-policies') as Record<string, any>;
const base = 'apps/storage/backup-policies/base';
const graphFile = 'apps/storage/overlays/prod/backup-policy-graph.yaml';
const apps = 'apps/cicd/argocd/overlays/main/applications/prod/storage';

function withVelero(): Record<string, string> {
  return generateChain([[veleroGenerator, exampleInput('velero')]]).files;
}

describe('kro-backup-policies', () => {
  it('writes the graph, one BackupPolicy per namespace, their Application and kro (golden diff)', () => {
    const changeSet = generate(kroBackupPoliciesGenerator, input, withVelero());
    expect(changeSet.changes.map(c => `${c.action} ${c.path}`)).toEqual([
      'update apps/cicd/argocd/base/argocd-cm.yaml',
      `create ${apps}/backup-policies.yaml`,
      `create ${apps}/kro.yaml`,
      `update ${apps}/kustomization.yaml`,
      `create ${base}/billing.yaml`,
      `create ${base}/kustomization.yaml`,
      `create ${base}/media.yaml`,
      `create ${base}/search.yaml`,
      'create apps/storage/backup-policies/overlays/prod/kustomization.yaml',
      'create apps/storage/kro/base/kustomization.yaml',
      'create apps/storage/kro/base/values.yaml',
      'create apps/storage/kro/overlays/prod/kustomization.yaml',
      'create apps/storage/overlays/prod/backup-policy-graph.yaml',
      'create apps/storage/overlays/prod/backup-policy-rbac.yaml',
      'update apps/storage/overlays/prod/kustomization.yaml',
    ]);
    expect(changeSet.summary).toBe(
      'Add kro BackupPolicies for billing, search, media',
    );
    expect(renderUnifiedDiff(changeSet)).toMatchSnapshot();
  });

  it('writes a namespaced v0.9 graph whose one resource is the Schedule in the Velero namespace', () => {
    const files = withChanges(
      withVelero(),
      generate(kroBackupPoliciesGenerator, input, withVelero()),
    );
    const graph = parse(files[graphFile]);
    expect(graph.spec.schema).toMatchObject({
      apiVersion: 'v1alpha1',
      kind: 'BackupPolicy',
      scope: 'Namespaced',
    });
    expect(graph.spec.resources).toHaveLength(1);
    const [schedule] = graph.spec.resources;
    expect(schedule.id).toBe('schedule');
    expect(schedule.template.metadata).toMatchObject({
      name: 'ns-${schema.metadata.namespace}',
      namespace: 'velero',
    });
    expect(schedule.readyWhen).toEqual([
      '${schedule.?status.?phase.orValue("") == "Enabled"}',
    ]);
  });

  it('derives cron and TTL like velero-schedules and keeps the RPO and tiers in the policy', () => {
    const files = withChanges(
      withVelero(),
      generate(kroBackupPoliciesGenerator, input, withVelero()),
    );
    const billing = parse(files[`${base}/billing.yaml`]);
    expect(billing.metadata).toMatchObject({
      name: 'backup',
      namespace: 'billing',
    });
    // fast (6h) is stricter than nfs (12h): every 3h, kept 30 × 6h = 180h.
    expect(billing.spec).toMatchObject({
      tiers: ['fast', 'nfs'],
      rpo: '6h',
      ttl: '180h',
      paused: false,
    });
    expect(billing.spec.schedule).toMatch(/^\d+ \*\/3 \* \* \*$/);
    const media = parse(files[`${base}/media.yaml`]);
    expect(media.spec).toMatchObject({
      rpo: '2h',
      ttl: '72h',
      storageLocation: 'default',
    });
    expect(media.spec.tiers).toBeUndefined();
  });

  it('syncs the policies after the services and the graph before them, with kro health checks', () => {
    const files = withChanges(
      withVelero(),
      generate(kroBackupPoliciesGenerator, input, withVelero()),
    );
    const app = parse(files[`${apps}/backup-policies.yaml`]);
    expect(app.metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('1');
    expect(app.spec.source.path).toBe(
      'apps/storage/backup-policies/overlays/prod',
    );
    // The graph is synced by storage-cluster (wave -1); its health waits for kro to accept it.
    expect(
      parse(files['apps/storage/overlays/prod/kustomization.yaml']).resources,
    ).toEqual(['backup-policy-graph.yaml', 'backup-policy-rbac.yaml']);
    const cm = parse(files['apps/cicd/argocd/base/argocd-cm.yaml']).data;
    expect(
      cm['resource.customizations.health.kro.run_ResourceGraphDefinition'],
    ).toMatch(/obj.status.state == "Active"/);
    expect(cm['resource.customizations.health.kro.run_BackupPolicy']).toMatch(
      /state == "ACTIVE"/,
    );
  });

  it('shares kro, its app and the health checks with kro-inventory (either order)', () => {
    const after = generateChain([
      [veleroGenerator, exampleInput('velero')],
      [kroInventoryGenerator, exampleInput('kro-inventory')],
    ]).files;
    const changeSet = generate(kroBackupPoliciesGenerator, input, after);
    const paths = changeSet.changes.map(c => c.path);
    expect(paths.filter(p => p.startsWith('apps/storage/kro/'))).toEqual([]);
    expect(paths).not.toContain(`${apps}/kro.yaml`);
    const cm = parse(
      withChanges(after, changeSet)['apps/cicd/argocd/base/argocd-cm.yaml'],
    ).data;
    expect(Object.keys(cm).filter(k => k.includes('kro.run'))).toEqual([
      'resource.customizations.health.kro.run_ResourceGraphDefinition',
      'resource.customizations.health.kro.run_DriveInventory',
      'resource.customizations.health.kro.run_BackupPolicy',
    ]);
  });

  it('says in every file it creates that backstage-storage wrote it', () => {
    const created = generate(
      kroBackupPoliciesGenerator,
      input,
      withVelero(),
    ).changes.filter(c => c.action === 'create');
    expect(created.length).toBeGreaterThan(0);
    for (const change of created)
      expect([change.path, isOwnedFile(change.content)]).toEqual([
        change.path,
        true,
      ]);
  });

  it('leaves kro out when it is a prerequisite (kro.install: false)', () => {
    const changeSet = generate(
      kroBackupPoliciesGenerator,
      { ...input, kro: { install: false } },
      withVelero(),
    );
    expect(
      changeSet.changes
        .map(c => c.path)
        .filter(p => /\/kro(\.yaml|\/)/.test(p)),
    ).toEqual([]);
  });

  it('writes only YAML that validates against its kind (the RGD against kro’s CRD, the policies against the CRD kro generates, the rendered Schedules against Velero’s)', () => {
    const files = withVelero();
    expect(
      manifestProblems(
        files,
        generate(kroBackupPoliciesGenerator, input, files),
      ),
    ).toEqual([]);
  });

  it('the validation can fail: a graph or a policy that breaks the upstream schemas is reported', () => {
    const files = withVelero();
    const changeSet = generate(kroBackupPoliciesGenerator, input, files);
    const edits: Record<string, [string, string]> = {
      [graphFile]: ['scope: Namespaced', 'scope: Global'],
      [`${base}/media.yaml`]: ['paused: false', 'paused: "no"'],
    };
    const broken = {
      ...changeSet,
      changes: changeSet.changes.map(c =>
        edits[c.path]
          ? { ...c, content: c.content.replace(...edits[c.path]) }
          : c,
      ),
    };
    const problems = manifestProblems(files, broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /backup-policy-graph\.yaml \(ResourceGraphDefinition\): spec\.schema\.scope/,
        ),
        expect.stringMatching(/media\.yaml \(BackupPolicy\): spec\.paused/),
      ]),
    );
  });

  it('builds with kubectl kustomize: the graph in the cluster overlay, the policies in their own app', async () => {
    const { dir, cleanup } = tempFixture();
    try {
      await runAndApply(dir, veleroGenerator, exampleInput('velero'));
      await runAndApply(dir, kroBackupPoliciesGenerator, input);
      const cluster = kustomizeWithoutHelm(dir, 'apps/storage/overlays/prod');
      expect(cluster.map(o => o.kind).sort()).toEqual([
        'ClusterRole',
        'ResourceGraphDefinition',
      ]);
      const policies = kustomizeWithoutHelm(
        dir,
        'apps/storage/backup-policies/overlays/prod',
      );
      expect(
        policies.map(
          o => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`,
        ),
      ).toEqual([
        'BackupPolicy billing/backup',
        'BackupPolicy media/backup',
        'BackupPolicy search/backup',
      ]);
    } finally {
      cleanup();
    }
  });
});
