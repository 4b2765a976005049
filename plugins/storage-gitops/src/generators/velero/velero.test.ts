import { parse, parseAllDocuments } from 'yaml';
import { renderUnifiedDiff } from '../../changes/renderUnifiedDiff';
import { isGeneratorError } from '../../errors/GeneratorError';
import { exampleInput, fixtureFiles } from '../../testUtils/fixtureRepo';
import {
  generate,
  kustomizeWithoutHelm,
  manifestProblems,
  runAndApply,
  tempFixture,
  withChanges,
} from '../../testUtils/harness';
import { veleroGenerator } from '.';
import { CHART_VELERO_VERSIONS } from './versions';
// eslint-disable-next-line @backstage/no-undeclared-imports
import { findUpstreamChart } from '@gitops-storage/upstream-oracle';
import { snapshotsEnabled } from './snapshots';
import { kustomize } from '../../testUtils/kustomizeBuild';

const input = exampleInput('velero') as Record<string, unknown>;
const valuesPath = 'apps/storage/velero/base/values.yaml';

function values(extra: Record<string, unknown> = {}) {
  return parse(
    withChanges(
      fixtureFiles(),
      generate(veleroGenerator, { ...input, ...extra }),
    )[valuesPath],
  );
}

describe('velero', () => {
  it('writes the app with values, overlay, metrics ingress and Application (golden diff)', () => {
    const changeSet = generate(veleroGenerator, input);
    expect(changeSet.changes.map(c => `${c.action} ${c.path}`)).toEqual([
      'update apps/cicd/argocd/base/argocd-cm.yaml',
      'create apps/cicd/argocd/overlays/main/applications/prod/argocd-settings.yaml',
      'update apps/cicd/argocd/overlays/main/applications/prod/kustomization.yaml',
      'update apps/cicd/argocd/overlays/main/applications/prod/storage/kustomization.yaml',
      'create apps/cicd/argocd/overlays/main/applications/prod/storage/velero.yaml',
      'update apps/storage/local-path-provisioner/overlays/prod/kustomization.yaml',
      'create apps/storage/local-path-provisioner/overlays/prod/storage-local-volume-type.yaml',
      'create apps/storage/velero/base/kustomization.yaml',
      'create apps/storage/velero/base/values.yaml',
      'create apps/storage/velero/overlays/prod/kustomization.yaml',
      'create apps/storage/velero/overlays/prod/metrics-ingress.yaml',
    ]);
    expect(renderUnifiedDiff(changeSet)).toMatchSnapshot();
  });

  it('pins chart 12.1.0 with its CRDs (domain.md §3, §6.1)', () => {
    const files = withChanges(fixtureFiles(), generate(veleroGenerator, input));
    expect(
      parse(files['apps/storage/velero/base/kustomization.yaml']).helmCharts,
    ).toEqual([
      {
        name: 'velero',
        repo: 'https://vmware-tanzu.github.io/helm-charts',
        version: '12.1.0',
        releaseName: 'velero',
        namespace: 'velero',
        includeCRDs: true,
        valuesFile: 'values.yaml',
      },
    ]);
    const app = parse(
      files[
        'apps/cicd/argocd/overlays/main/applications/prod/storage/velero.yaml'
      ],
    );
    expect(app.spec.syncPolicy.syncOptions).toEqual([
      'CreateNamespace=true',
      'ServerSideApply=true',
    ]);
    expect(app.spec.source).toEqual({
      repoURL: 'https://git.example.com/platform/gitops.git',
      targetRevision: 'main',
      path: 'apps/storage/velero/overlays/prod',
    });
    expect(
      parse(files['apps/cicd/argocd/base/argocd-cm.yaml']).data[
        'kustomize.buildOptions'
      ],
    ).toBe('--enable-helm');
  });

  it('uses kopia, FSB node agent, the AWS plugin and a credentials reference only', () => {
    const v = values();
    expect(v.configuration.uploaderType).toBe('kopia');
    expect(v.deployNodeAgent).toBe(true);
    expect(v.initContainers[0]).toEqual({
      name: 'velero-plugin-for-aws',
      image: 'velero/velero-plugin-for-aws:v1.14.1',
      imagePullPolicy: 'IfNotPresent',
      volumeMounts: [{ mountPath: '/target', name: 'plugins' }],
    });
    expect(v.credentials).toEqual({
      useSecret: true,
      existingSecret: 'velero-s3',
    });
    expect(JSON.stringify(v)).not.toMatch(
      /secretContents|aws_secret_access_key/,
    );
    expect(v.configuration.backupStorageLocation).toEqual([
      {
        name: 'default',
        provider: 'aws',
        bucket: 'velero-backups',
        default: true,
        config: {
          region: 'minio',
          s3ForcePathStyle: 'true',
          s3Url: 'http://minio.minio.svc:9000',
        },
      },
    ]);
  });

  it('turns snapshots off when every tier is file-system-only, on when a tier has a CSI class', () => {
    expect(values().snapshotsEnabled).toBe(false);
    expect(values().schedules.daily.template.snapshotVolumes).toBe(false);
    const csi = values({
      tiers: [
        { name: 'fast', storageClasses: ['storage-fast'], rpo: 'PT24H' },
        { name: 'ceph', storageClasses: ['ceph-rbd'], rpo: 'PT24H' },
      ],
    });
    expect(csi.snapshotsEnabled).toBe(true);
    expect(csi.configuration.volumeSnapshotLocation).toEqual([
      { name: 'default', provider: 'aws', config: { region: 'minio' } },
    ]);
    expect(snapshotsEnabled('disabled')).toBe(false);
    expect(snapshotsEnabled('enabled')).toBe(true);
  });

  it('has a default daily schedule and takes explicit ones', () => {
    expect(values().schedules).toEqual({
      daily: {
        disabled: false,
        schedule: '0 2 * * *',
        useOwnerReferencesInBackup: false,
        template: {
          ttl: '720h',
          storageLocation: 'default',
          includedNamespaces: ['*'],
          defaultVolumesToFsBackup: true,
          snapshotVolumes: false,
        },
      },
    });
    const custom = values({
      schedules: [
        {
          name: 'hourly',
          schedule: '0 * * * *',
          ttl: '72h',
          includedNamespaces: ['payments'],
        },
      ],
    });
    expect(Object.keys(custom.schedules)).toEqual(['hourly']);
    expect(values({ schedules: [] }).schedules).toEqual({});
  });

  it('puts authentik forward auth on the metrics ingress that a default ingress-nginx accepts (no snippet)', () => {
    const files = withChanges(fixtureFiles(), generate(veleroGenerator, input));
    const docs = parseAllDocuments(
      files['apps/storage/velero/overlays/prod/metrics-ingress.yaml'],
    ).map(d => d.toJS());
    const host = 'velero.platform.example.com';
    const [ingress, headers, service, outpost] = docs;
    expect(ingress.metadata.annotations).toEqual({
      'nginx.ingress.kubernetes.io/auth-url':
        'http://ak-outpost-authentik-embedded-outpost.authentik.svc.cluster.local:9000/outpost.goauthentik.io/auth/nginx',
      'nginx.ingress.kubernetes.io/auth-signin': `https://${host}/outpost.goauthentik.io/start?rd=$scheme://${host}$escaped_request_uri`,
      'nginx.ingress.kubernetes.io/auth-response-headers':
        'Set-Cookie,X-authentik-username,X-authentik-groups,X-authentik-entitlements,X-authentik-email,X-authentik-name,X-authentik-uid',
      'nginx.ingress.kubernetes.io/auth-proxy-set-headers':
        'velero/velero-metrics-auth-headers',
    });
    // Snippet annotations are refused by a default ingress-nginx.
    for (const doc of docs)
      expect(
        Object.keys(doc.metadata.annotations ?? {}).filter(k =>
          /snippet/.test(k),
        ),
      ).toEqual([]);
    // The headers ConfigMap lives in the Ingress's namespace (cross-namespace is refused).
    expect(headers).toMatchObject({
      kind: 'ConfigMap',
      metadata: { name: 'velero-metrics-auth-headers', namespace: 'velero' },
      data: { 'X-Forwarded-Host': host },
    });
    // /outpost.goauthentik.io on the same host reaches the outpost (sign-in flow).
    expect(service).toMatchObject({
      kind: 'Service',
      spec: {
        type: 'ExternalName',
        externalName:
          'ak-outpost-authentik-embedded-outpost.authentik.svc.cluster.local',
      },
    });
    expect(outpost.spec.rules).toEqual([
      {
        host,
        http: {
          paths: [
            {
              path: '/outpost.goauthentik.io',
              pathType: 'Prefix',
              backend: {
                service: {
                  name: service.metadata.name,
                  port: { number: 9000 },
                },
              },
            },
          ],
        },
      },
    ]);
    expect(outpost.metadata.annotations).toBeUndefined();
  });

  it('uses auth-snippet only when the input opts in', () => {
    const files = withChanges(
      fixtureFiles(),
      generate(veleroGenerator, {
        ...input,
        metricsIngress: {
          ...(input.metricsIngress as Record<string, unknown>),
          authSnippet: true,
        },
      }),
    );
    const docs = parseAllDocuments(
      files['apps/storage/velero/overlays/prod/metrics-ingress.yaml'],
    ).map(d => d.toJS());
    expect(docs[0].metadata.annotations).toMatchObject({
      'nginx.ingress.kubernetes.io/auth-snippet':
        'proxy_set_header X-Forwarded-Host velero.platform.example.com;',
    });
    expect(docs.map(d => d.kind)).toEqual(['Ingress', 'Service', 'Ingress']);
  });

  it('leaves the metrics ingress out without metricsIngress', () => {
    const noIngress = generate(veleroGenerator, {
      ...input,
      metricsIngress: undefined,
    });
    expect(noIngress.changes.map(c => c.path)).not.toContain(
      'apps/storage/velero/overlays/prod/metrics-ingress.yaml',
    );
  });

  const failure = (override: Record<string, unknown>): string => {
    try {
      generate(veleroGenerator, { ...input, ...override });
    } catch (e) {
      expect(isGeneratorError(e)).toBe(true);
      return (e as Error).message;
    }
    throw new Error('expected the generator to refuse');
  };

  it('refuses restic whenever the chart deploys a Velero that refuses it, whatever veleroVersion says', () => {
    expect(failure({ uploaderType: 'restic' })).toMatch(
      /restic cannot be used with Velero 1\.18\.1.*backups through restic are disabled.*kopia/s,
    );
    // Chart 12.1.0 deploys 1.18.1 whatever the input claims.
    expect(
      failure({ uploaderType: 'restic', veleroVersion: '1.16.2' }),
    ).toMatch(/chart 12\.1\.0 deploys Velero 1\.18\.1/);
    // A chart whose Velero still runs restic backups: allowed, with a matching plugin.
    expect(
      values({
        uploaderType: 'restic',
        veleroVersion: '1.16.2',
        chart: { version: '10.0.0' },
        awsPluginImage: 'velero/velero-plugin-for-aws:v1.12.2',
      }).configuration.uploaderType,
    ).toBe('restic');
  });

  it('pairs the AWS plugin with the deployed Velero (the plugin compatibility table)', () => {
    expect(values({}).initContainers[0].image).toBe(
      'velero/velero-plugin-for-aws:v1.14.1',
    );
    expect(
      failure({ awsPluginImage: 'velero/velero-plugin-for-aws:v1.13.1' }),
    ).toMatch(
      /v1\.13\.1 does not fit Velero 1\.18\.1: velero-plugin-for-aws v1\.14\.x/,
    );
    expect(
      failure({ chart: { version: '11.0.0' }, veleroVersion: '1.17.1' }),
    ).toMatch(
      /awsPluginImage: required for Velero 1\.17\.1: give velero\/velero-plugin-for-aws:v1\.13\.<patch>/,
    );
    expect(failure({ chart: { version: '11.0.0' } })).toMatch(
      /veleroVersion: required for chart 11\.0\.0/,
    );
  });

  it('makes the local tier backup-capable: storage-local provisions local PVs, not hostPath', async () => {
    const { dir, cleanup } = tempFixture();
    try {
      await runAndApply(dir, veleroGenerator, input);
      const classes = kustomize(
        `${dir}/apps/storage/local-path-provisioner/overlays/prod`,
      ).filter(o => o.kind === 'StorageClass');
      expect(classes).toEqual([
        expect.objectContaining({
          metadata: expect.objectContaining({
            name: 'storage-local',
            annotations: { defaultVolumeType: 'local' },
          }),
        }),
      ]);
    } finally {
      cleanup();
    }
  });

  it('knows the Velero version of each chart from the upstream Chart.yaml', () => {
    for (const [chart, app] of Object.entries(CHART_VELERO_VERSIONS))
      expect(
        findUpstreamChart({ name: 'velero', version: chart }).appVersion,
      ).toBe(app);
  });

  it('writes only YAML that validates against its kind', () => {
    expect(
      manifestProblems(fixtureFiles(), generate(veleroGenerator, input)),
    ).toEqual([]);
  });

  it('builds the overlay with kubectl kustomize', async () => {
    const { dir, cleanup } = tempFixture();
    try {
      await runAndApply(dir, veleroGenerator, input);
      const objects = kustomizeWithoutHelm(
        dir,
        'apps/storage/velero/overlays/prod',
      );
      expect(
        objects.map(
          o => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`,
        ),
      ).toEqual(
        expect.arrayContaining([
          'Ingress/velero/velero-metrics',
          'Deployment/velero/velero',
        ]),
      );
    } finally {
      cleanup();
    }
  });
});
