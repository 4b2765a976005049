import {
  validateKubernetesManifests,
  validateKubernetesObject,
} from './validateKubernetesObject';

const pvc = () => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'data', labels: { 'backstage.io/kubernetes-id': 'api' } },
  spec: {
    storageClassName: 'storage-fast',
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '10Gi' } },
  },
});

const schedule = () => ({
  apiVersion: 'velero.io/v1',
  kind: 'Schedule',
  metadata: { name: 'ns-payments', namespace: 'velero' },
  spec: {
    schedule: '0 2 * * *',
    template: {
      includedNamespaces: ['payments'],
      defaultVolumesToFsBackup: true,
      snapshotVolumes: false,
      ttl: '720h0m0s',
      storageLocation: 'default',
    },
  },
});

describe('validateKubernetesObject: core kinds', () => {
  it('accepts a valid PersistentVolumeClaim', () => {
    expect(validateKubernetesObject(pvc())).toEqual([]);
  });

  it('reports unknown fields, bad enums and bad metadata', () => {
    const object: any = pvc();
    object.spec.accessModes = ['ReadWriteAlways'];
    object.spec.resources.request = { storage: '1Gi' };
    object.metadata.labels.tier = 'not a label value';
    object.metadata.namspace = 'typo';
    expect(validateKubernetesObject(object)).toEqual([
      'spec.accessModes.0: Unsupported value: supported values: ReadOnlyMany, ReadWriteMany, ReadWriteOnce, ReadWriteOncePod',
      'metadata.namspace: unknown field "namspace"',
      'spec.resources.request: unknown field "request"',
      'metadata.labels.tier: Invalid value: "not a label value": not a valid label value',
    ]);
  });

  it('reports missing required fields and a namespace on a cluster-scoped kind', () => {
    expect(
      validateKubernetesObject({
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: { name: 'storage-nfs', namespace: 'default' },
        mountOptions: ['hard'],
      }),
    ).toEqual([
      'provisioner: Required value',
      'metadata.namespace: not allowed on a cluster-scoped object',
    ]);
  });

  it('checks nested core types (a Deployment container)', () => {
    const problems = validateKubernetesObject({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api' },
      spec: {
        selector: { matchLabels: { app: 'api' } },
        template: {
          metadata: { labels: { app: 'api' } },
          spec: {
            containers: [{ name: 'api', volumeMount: [] }],
            volumes: [{ name: 'data', persistentVolumeClaim: { claim: 'x' } }],
          },
        },
      },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'spec.template.spec.containers[0].volumeMount: unknown field "volumeMount"',
        'spec.template.spec.volumes[0].persistentVolumeClaim.claim: unknown field "claim"',
      ]),
    );
  });

  it('says when a kind has no upstream definition', () => {
    expect(
      validateKubernetesObject({
        apiVersion: 'example.com/v1',
        kind: 'Thing',
        metadata: { name: 'a' },
      }),
    ).toEqual(['<root>: no upstream definition of example.com/v1 Thing']);
  });
});

describe('validateKubernetesObject: upstream CRDs', () => {
  it('accepts a valid Velero Schedule', () => {
    expect(validateKubernetesObject(schedule())).toEqual([]);
  });

  it('rejects unknown and mistyped Velero fields (strict field validation)', () => {
    const object: any = schedule();
    object.spec.template.defaultVolumesToFSBackup = true;
    object.spec.template.snapshotVolumes = 'false';
    object.spec.useOwnerReferencesInBackup = true;
    expect(validateKubernetesObject(object)).toEqual([
      'spec.template.snapshotVolumes: Invalid value: "string": must be of type boolean',
      'spec.template.defaultVolumesToFSBackup: unknown field "defaultVolumesToFSBackup"',
    ]);
  });

  it('refuses a version that the CRD does not serve', () => {
    expect(
      validateKubernetesObject({
        ...schedule(),
        apiVersion: 'velero.io/v2',
      })[0],
    ).toMatch(
      /velero\.io\/v2 Schedule is not served by the upstream CRDs of velero\.io/,
    );
  });

  it('validates Argo CD Applications, with preserved fields left free', () => {
    const app = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'velero', namespace: 'argocd' },
      spec: {
        project: 'default',
        destination: {
          server: 'https://kubernetes.default.svc',
          namespace: 'velero',
        },
        source: {
          repoURL: 'https://git.example.com/gitops.git',
          path: 'apps/storage/velero/overlays/prod',
          targetRevision: 'main',
          helm: { valuesObject: { anything: { goes: true } } },
        },
        syncPolicy: {
          automated: { prune: true, selfHeal: true },
          retry: {
            limit: 5,
            backoff: { duration: '5s', factor: 2, maxDuration: '3m' },
          },
        },
      },
    };
    expect(validateKubernetesObject(app)).toEqual([]);
    const bad: any = structuredClone(app);
    bad.spec.syncPolicy.retry.backoff.factor = '2';
    bad.spec.syncPolicy.automated.allowEmpty = 'yes';
    bad.spec.syncWave = 1;
    expect(validateKubernetesObject(bad).sort()).toEqual([
      'spec.syncPolicy.automated.allowEmpty: Invalid value: "string": must be of type boolean',
      'spec.syncPolicy.retry.backoff.factor: Invalid value: "string": must be of type integer',
      'spec.syncWave: unknown field "syncWave"',
    ]);
  });

  it('validates kro ResourceGraphDefinitions', () => {
    const rgd: any = {
      apiVersion: 'kro.run/v1alpha1',
      kind: 'ResourceGraphDefinition',
      metadata: { name: 'drive-inventory' },
      spec: {
        schema: {
          apiVersion: 'v1alpha1',
          kind: 'DriveInventory',
          spec: { drives: '[]object' },
        },
        resources: [
          {
            id: 'pv',
            template: { apiVersion: 'v1', kind: 'PersistentVolume' },
          },
        ],
      },
    };
    const problems = validateKubernetesObject(rgd);
    rgd.spec.resources[0].forEachh = [];
    expect(validateKubernetesObject(rgd)).toEqual([
      ...problems,
      'spec.resources[0].forEachh: unknown field "forEachh"',
    ]);
  });

  it('uses extra CRDs for kinds that are generated (kro instances)', () => {
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      spec: {
        group: 'kro.run',
        scope: 'Cluster',
        names: { kind: 'DriveInventory' },
        versions: [
          {
            name: 'v1alpha1',
            served: true,
            schema: {
              openAPIV3Schema: {
                type: 'object',
                properties: {
                  apiVersion: { type: 'string' },
                  kind: { type: 'string' },
                  metadata: { type: 'object' },
                  spec: {
                    type: 'object',
                    properties: { drives: { type: 'array' } },
                  },
                },
              },
            },
          },
        ],
      },
    };
    const instance = {
      apiVersion: 'kro.run/v1alpha1',
      kind: 'DriveInventory',
      metadata: { name: 'cluster-drives' },
      spec: { drives: [], disks: [] },
    };
    expect(validateKubernetesObject(instance, { extraCrds: [crd] })).toEqual([
      'spec.disks: unknown field "disks"',
    ]);
    expect(validateKubernetesObject(instance)[0]).toMatch(
      /not served by the upstream CRDs of kro\.run/,
    );
  });
});

describe('validateKubernetesManifests', () => {
  it('validates every document and names the object', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {k: v}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndatum: {}\n`;
    expect(validateKubernetesManifests(text)).toEqual([
      'ConfigMap/b: datum: unknown field "datum"',
    ]);
  });
});
