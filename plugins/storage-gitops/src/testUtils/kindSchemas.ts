import { z } from 'zod';

/** Small schemas of every kind the generators write, for tests. */

const dnsSubdomain = z
  .string()
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/);
const dnsLabel = z
  .string()
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
const labelKey = z
  .string()
  .regex(
    /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/,
  );
const labelValue = z
  .string()
  .max(63)
  .regex(/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/);
const quantity = z
  .string()
  .regex(/^\d+(\.\d+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/);
const accessMode = z.enum([
  'ReadWriteOnce',
  'ReadOnlyMany',
  'ReadWriteMany',
  'ReadWriteOncePod',
]);
const cron = z
  .string()
  .refine(v => v.trim().split(/\s+/).length === 5, 'five-field cron');
const duration = z.string().regex(/^(\d+h)?(\d+m)?(\d+s)?$/);

const metadata = (namespaced: 'required' | 'optional' | 'forbidden') =>
  z
    .object({
      name: dnsSubdomain,
      namespace: {
        required: dnsLabel,
        optional: dnsLabel.optional(),
        forbidden: z.undefined(),
      }[namespaced],
      labels: z.record(labelKey, labelValue).optional(),
      annotations: z.record(labelKey, z.string()).optional(),
      finalizers: z.array(z.string()).optional(),
    })
    .strict();

const pvc = z
  .object({
    apiVersion: z.literal('v1'),
    kind: z.literal('PersistentVolumeClaim'),
    metadata: metadata('optional'),
    spec: z
      .object({
        storageClassName: dnsSubdomain,
        accessModes: z.array(accessMode).min(1),
        resources: z
          .object({ requests: z.object({ storage: quantity }).strict() })
          .strict(),
      })
      .strict(),
  })
  .strict();

const storageClass = z
  .object({
    apiVersion: z.literal('storage.k8s.io/v1'),
    kind: z.literal('StorageClass'),
    metadata: metadata('forbidden'),
    provisioner: z.string().min(1),
    parameters: z.record(z.string()).optional(),
    reclaimPolicy: z.enum(['Delete', 'Retain']).optional(),
    volumeBindingMode: z.enum(['Immediate', 'WaitForFirstConsumer']).optional(),
    allowVolumeExpansion: z.boolean().optional(),
    mountOptions: z.array(z.string()).optional(),
  })
  .strict();

const persistentVolume = z
  .object({
    apiVersion: z.literal('v1'),
    kind: z.literal('PersistentVolume'),
    metadata: metadata('forbidden'),
    spec: z
      .object({
        capacity: z.object({ storage: z.string() }).strict(),
        accessModes: z.array(accessMode).min(1),
        persistentVolumeReclaimPolicy: z.enum(['Delete', 'Retain', 'Recycle']),
        storageClassName: z.string(),
        local: z.object({ path: z.string() }).strict(),
        nodeAffinity: z
          .object({
            required: z
              .object({
                nodeSelectorTerms: z
                  .array(
                    z
                      .object({
                        matchExpressions: z.array(
                          z
                            .object({
                              key: z.string(),
                              operator: z.enum(['In', 'NotIn', 'Exists']),
                              values: z.array(z.string()),
                            })
                            .strict(),
                        ),
                      })
                      .strict(),
                  )
                  .min(1),
              })
              .strict(),
          })
          .strict(),
      })
      .strict(),
  })
  .strict();

const container = z
  .object({
    name: dnsLabel,
    env: z
      .array(z.object({ name: z.string(), value: z.string() }).strict())
      .optional(),
    volumeMounts: z
      .array(
        z
          .object({ name: dnsLabel, mountPath: z.string().startsWith('/') })
          .strict(),
      )
      .optional(),
  })
  .strict();

const podVolume = z
  .object({
    name: dnsLabel,
    persistentVolumeClaim: z
      .object({ claimName: dnsSubdomain })
      .strict()
      .optional(),
    nfs: z
      .object({ server: z.string().min(1), path: z.string().startsWith('/') })
      .strict()
      .optional(),
  })
  .strict();

/** A strategic-merge patch of a workload's pod template. */
const workloadPatch = z
  .object({
    apiVersion: z.literal('apps/v1'),
    kind: z.enum(['Deployment', 'StatefulSet', 'DaemonSet']),
    metadata: metadata('optional'),
    spec: z
      .object({
        template: z
          .object({
            metadata: z
              .object({ annotations: z.record(labelKey, z.string()) })
              .strict()
              .optional(),
            spec: z
              .object({
                containers: z.array(container).optional(),
                volumes: z.array(podVolume).optional(),
              })
              .strict()
              .optional(),
          })
          .strict(),
      })
      .strict(),
  })
  .strict();

/** A strategic-merge patch of a StorageClass (only what it changes). */
const storageClassPatch = z
  .object({
    apiVersion: z.literal('storage.k8s.io/v1'),
    kind: z.literal('StorageClass'),
    metadata: metadata('forbidden'),
    mountOptions: z.array(z.string()).optional(),
  })
  .strict();

const application = z
  .object({
    apiVersion: z.literal('argoproj.io/v1alpha1'),
    kind: z.literal('Application'),
    metadata: metadata('required'),
    spec: z
      .object({
        project: z.string().min(1),
        source: z
          .object({
            repoURL: z.string().min(1),
            targetRevision: z.string().min(1),
            path: z.string().regex(/^[^/].*[^/]$/),
          })
          .strict(),
        destination: z
          .object({ server: z.string().url(), namespace: dnsLabel })
          .strict(),
        syncPolicy: z
          .object({
            automated: z
              .object({ prune: z.boolean(), selfHeal: z.boolean() })
              .strict(),
            syncOptions: z
              .array(
                z.enum([
                  'CreateNamespace=true',
                  'ServerSideApply=true',
                  'SkipDryRunOnMissingResource=true',
                ]),
              )
              .optional(),
          })
          .strict(),
      })
      .strict(),
  })
  .strict();

const backupTemplate = z
  .object({
    includedNamespaces: z.array(z.string()).min(1),
    excludedNamespaces: z.array(z.string()).optional(),
    defaultVolumesToFsBackup: z.boolean(),
    snapshotVolumes: z.boolean(),
    storageLocation: dnsLabel.optional(),
    ttl: duration,
  })
  .strict();

const schedule = z
  .object({
    apiVersion: z.literal('velero.io/v1'),
    kind: z.literal('Schedule'),
    metadata: metadata('required').refine(
      m => m.name.length <= 63,
      'schedule names must fit a label',
    ),
    spec: z
      .object({
        schedule: cron,
        paused: z.boolean(),
        useOwnerReferencesInBackup: z.boolean(),
        template: backupTemplate,
      })
      .strict(),
  })
  .strict();

const kustomization = z
  .object({
    apiVersion: z.literal('kustomize.config.k8s.io/v1beta1'),
    kind: z.literal('Kustomization'),
    namespace: dnsLabel.optional(),
    labels: z
      .array(z.object({ pairs: z.record(z.string()) }).strict())
      .optional(),
    resources: z.array(z.string().min(1)).optional(),
    patches: z
      .array(
        z
          .object({ path: z.string(), target: z.record(z.string()).optional() })
          .strict(),
      )
      .optional(),
    replicas: z
      .array(z.object({ name: z.string(), count: z.number() }).strict())
      .optional(),
    helmGlobals: z.object({ chartHome: z.string() }).strict().optional(),
    helmCharts: z
      .array(
        z
          .object({
            name: z.string(),
            repo: z.string().url(),
            version: z.string().regex(/^\d+\.\d+\.\d+$/),
            releaseName: z.string().min(1),
            namespace: dnsLabel,
            includeCRDs: z.boolean(),
            valuesFile: z.string(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

const rgdResource = z
  .object({
    id: z.string().regex(/^[a-z][A-Za-z0-9]*$/),
    includeWhen: z.array(z.string().regex(/^\$\{.*\}$/)).optional(),
    readyWhen: z.array(z.string().regex(/^\$\{.*\}$/)).optional(),
    forEach: z
      .array(
        z
          .record(z.string())
          .refine(
            m => Object.keys(m).length === 1,
            'one iterator per dimension',
          ),
      )
      .optional(),
    template: z
      .object({
        apiVersion: z.string(),
        kind: z.string(),
        metadata: z.object({ name: z.string() }).passthrough(),
      })
      .passthrough(),
  })
  .strict();

const resourceGraphDefinition = z
  .object({
    apiVersion: z.literal('kro.run/v1alpha1'),
    kind: z.literal('ResourceGraphDefinition'),
    metadata: metadata('forbidden'),
    spec: z
      .object({
        schema: z
          .object({
            apiVersion: z.string().regex(/^v[0-9]+(alpha[0-9]+|beta[0-9]+)?$/),
            kind: z.string().regex(/^[A-Z][a-zA-Z0-9]{0,62}$/),
            scope: z.enum(['Namespaced', 'Cluster']),
            types: z.record(z.record(z.string())).optional(),
            spec: z.record(z.string()),
            status: z.record(z.string()).optional(),
          })
          .strict(),
        resources: z.array(rgdResource).min(1),
      })
      .strict(),
  })
  .strict();

const driveInventory = z
  .object({
    apiVersion: z.literal('kro.run/v1alpha1'),
    kind: z.literal('DriveInventory'),
    metadata: metadata('forbidden'),
    spec: z
      .object({
        drives: z
          .array(
            z
              .object({
                id: dnsLabel,
                node: z.string().min(1),
                path: z.string().startsWith('/'),
                capacity: quantity,
                tier: z.enum(['storage-fast', 'storage-bulk']),
              })
              .strict(),
          )
          .min(1),
      })
      .strict(),
  })
  .strict();

const validatingAdmissionPolicy = z
  .object({
    apiVersion: z.literal('admissionregistration.k8s.io/v1'),
    kind: z.literal('ValidatingAdmissionPolicy'),
    metadata: metadata('forbidden'),
    spec: z
      .object({
        failurePolicy: z.enum(['Fail', 'Ignore']),
        matchConstraints: z
          .object({
            resourceRules: z.array(
              z
                .object({
                  apiGroups: z.array(z.string()),
                  apiVersions: z.array(z.string()),
                  operations: z.array(
                    z.enum(['CREATE', 'UPDATE', 'DELETE', 'CONNECT', '*']),
                  ),
                  resources: z.array(z.string()),
                })
                .strict(),
            ),
          })
          .strict(),
        variables: z.array(
          z
            .object({
              name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
              expression: z.string().min(1),
            })
            .strict(),
        ),
        validations: z
          .array(
            z
              .object({
                expression: z.string(),
                messageExpression: z.string().optional(),
                reason: z
                  .enum([
                    'Unauthorized',
                    'Forbidden',
                    'Invalid',
                    'RequestEntityTooLarge',
                  ])
                  .optional(),
              })
              .strict(),
          )
          .min(1),
      })
      .strict(),
  })
  .strict();

const validatingAdmissionPolicyBinding = z
  .object({
    apiVersion: z.literal('admissionregistration.k8s.io/v1'),
    kind: z.literal('ValidatingAdmissionPolicyBinding'),
    metadata: metadata('forbidden'),
    spec: z
      .object({
        policyName: dnsSubdomain,
        validationActions: z.array(z.enum(['Deny', 'Warn', 'Audit'])).min(1),
        matchResources: z
          .object({
            namespaceSelector: z
              .object({
                matchExpressions: z.array(
                  z
                    .object({
                      key: labelKey,
                      operator: z.enum([
                        'In',
                        'NotIn',
                        'Exists',
                        'DoesNotExist',
                      ]),
                      values: z.array(z.string()).optional(),
                    })
                    .strict(),
                ),
              })
              .strict(),
          })
          .strict(),
      })
      .strict(),
  })
  .strict();

const ingress = z
  .object({
    apiVersion: z.literal('networking.k8s.io/v1'),
    kind: z.literal('Ingress'),
    metadata: metadata('required'),
    spec: z
      .object({
        ingressClassName: z.string(),
        tls: z
          .array(
            z
              .object({ hosts: z.array(z.string()), secretName: z.string() })
              .strict(),
          )
          .optional(),
        rules: z
          .array(
            z
              .object({
                host: z.string(),
                http: z
                  .object({
                    paths: z.array(
                      z
                        .object({
                          path: z.string().startsWith('/'),
                          pathType: z.enum([
                            'Prefix',
                            'Exact',
                            'ImplementationSpecific',
                          ]),
                          backend: z
                            .object({
                              service: z
                                .object({
                                  name: dnsLabel,
                                  port: z
                                    .object({ number: z.number().int() })
                                    .strict(),
                                })
                                .strict(),
                            })
                            .strict(),
                        })
                        .strict(),
                    ),
                  })
                  .strict(),
              })
              .strict(),
          )
          .min(1),
      })
      .strict(),
  })
  .strict();

const configMap = z
  .object({
    apiVersion: z.literal('v1'),
    kind: z.literal('ConfigMap'),
    metadata: metadata('optional'),
    data: z.record(z.string()),
  })
  .strict();

/** Full objects by kind. */
export const KIND_SCHEMAS: Record<string, z.ZodTypeAny> = {
  PersistentVolumeClaim: pvc,
  StorageClass: storageClass,
  PersistentVolume: persistentVolume,
  Application: application,
  Schedule: schedule,
  Kustomization: kustomization,
  ResourceGraphDefinition: resourceGraphDefinition,
  DriveInventory: driveInventory,
  ValidatingAdmissionPolicy: validatingAdmissionPolicy,
  ValidatingAdmissionPolicyBinding: validatingAdmissionPolicyBinding,
  Ingress: ingress,
  ConfigMap: configMap,
};

/** Patches (files listed under a kustomization's `patches:`) by kind. */
export const PATCH_SCHEMAS: Record<string, z.ZodTypeAny> = {
  Deployment: workloadPatch,
  StatefulSet: workloadPatch,
  DaemonSet: workloadPatch,
  StorageClass: storageClassPatch,
  ConfigMap: configMap,
};

/** The Velero chart's values as the generator writes them (chart 12.x keys). */
export const veleroValuesSchema = z
  .object({
    upgradeCRDs: z.boolean(),
    initContainers: z
      .array(
        z
          .object({
            name: z.string(),
            image: z.string().regex(/:v\d+\.\d+\.\d+$/),
            imagePullPolicy: z.string(),
            volumeMounts: z.array(
              z
                .object({
                  mountPath: z.literal('/target'),
                  name: z.literal('plugins'),
                })
                .strict(),
            ),
          })
          .strict(),
      )
      .min(1),
    configuration: z
      .object({
        backupStorageLocation: z
          .array(
            z
              .object({
                name: z.string(),
                provider: z.string(),
                bucket: z.string(),
                prefix: z.string().optional(),
                default: z.boolean(),
                config: z.record(z.string()),
              })
              .strict(),
          )
          .min(1),
        volumeSnapshotLocation: z.array(
          z
            .object({
              name: z.string(),
              provider: z.string(),
              config: z.record(z.string()),
            })
            .strict(),
        ),
        uploaderType: z.literal('kopia').or(z.literal('restic')),
        defaultVolumesToFsBackup: z.boolean(),
      })
      .strict(),
    credentials: z
      .object({ useSecret: z.literal(true), existingSecret: z.string() })
      .strict(),
    snapshotsEnabled: z.boolean(),
    deployNodeAgent: z.literal(true),
    metrics: z.object({ enabled: z.boolean() }).strict().optional(),
    schedules: z.record(
      z
        .object({
          disabled: z.boolean(),
          schedule: cron,
          useOwnerReferencesInBackup: z.boolean(),
          template: backupTemplate,
        })
        .strict(),
    ),
  })
  .strict();

/** The nfs-subdir-external-provisioner chart's values as the generator writes them. */
export const nfsValuesSchema = z
  .object({
    storageClass: z
      .object({
        create: z.literal(true),
        name: dnsSubdomain,
        provisionerName: z.string(),
        defaultClass: z.boolean(),
        allowVolumeExpansion: z.boolean(),
        reclaimPolicy: z.enum(['Delete', 'Retain']),
        archiveOnDelete: z.boolean(),
        onDelete: z.enum(['delete', 'retain']).optional(),
        pathPattern: z.string(),
        accessModes: z.literal('ReadWriteMany'),
        volumeBindingMode: z.enum(['Immediate', 'WaitForFirstConsumer']),
      })
      .strict(),
  })
  .strict();

export const VALUES_SCHEMAS: Record<string, z.ZodTypeAny> = {
  velero: veleroValuesSchema,
  'nfs-subdir-external-provisioner': nfsValuesSchema,
};
