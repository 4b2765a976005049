import { renderYaml } from '../../yaml/yamlDocument';
import {
  BACKUP_NAMESPACE_LABEL,
  TIER_LABEL,
} from '../velero-schedules/schedule';

/** Name of the ResourceGraphDefinition; its kind's CRD is backuppolicies.kro.run. */
export const POLICY_GRAPH_NAME = 'backup-policy';
export const POLICY_KIND = 'BackupPolicy';
/** Id of the Schedule resource in the graph (kro's `kro.run/node-id` label). */
export const SCHEDULE_NODE_ID = 'schedule';

const TTL_PATTERN = '^([0-9]+h)?([0-9]+m)?([0-9]+s)?$';

/**
 * The BackupPolicy schema in kro's SimpleSchema (v0.9.3,
 * pkg/simpleschema): the cron and TTL are written by the generator from the
 * RPO (the same derivation as velero-schedules: kro's CEL has no equivalent
 * of its name-spread offset), the RPO and tiers are kept as the record of
 * what the namespace asked for.
 */
export const POLICY_SPEC = {
  tiers:
    '[]string | default=[] description="Tiers of the namespace volumes (the label gitops-storage.dev/tier of the Schedule)"',
  rpo: 'string | required=true description="The RPO the schedule keeps (cron and ttl were derived from it by backstage-storage)"',
  schedule:
    'string | required=true minLength=1 description="Cron of the Velero Schedule"',
  ttl: `string | required=true pattern="${TTL_PATTERN}" description="Retention of each backup (a Go duration)"`,
  paused: 'boolean | default=false',
  storageLocation:
    'string | default="" description="BackupStorageLocation; empty: Velero default location"',
  labelSelector: {
    matchLabels: 'map[string]string | default={}',
  },
} as const;

/**
 * The Velero Schedule a BackupPolicy emits, as a kro template: the same
 * object as velero-schedules' scheduleObject for the same input (the
 * equivalence test renders both). Every `${…}` follows kro v0.9.3's
 * parser (pkg/graph/parser/cel.go): string literals in double quotes only
 * (single quotes are not tracked by its brace matching), omit() only as a
 * whole field value (pkg/cel/library/omit.go), never on metadata.name.
 */
export function scheduleTemplate(veleroNamespace: string) {
  return {
    apiVersion: 'velero.io/v1',
    kind: 'Schedule',
    metadata: {
      name: 'ns-${schema.metadata.namespace}',
      // A namespaced instance may emit into another namespace: kro keeps an
      // explicit metadata.namespace (pkg/runtime/node_resolve.go) and prunes
      // there through the applyset's additional namespaces.
      namespace: veleroNamespace,
      labels: {
        [BACKUP_NAMESPACE_LABEL]: '${schema.metadata.namespace}',
        [TIER_LABEL]:
          '${size(schema.spec.tiers) > 0 ? schema.spec.tiers.join("_") : omit()}',
      },
    },
    spec: {
      schedule: '${schema.spec.schedule}',
      paused: '${schema.spec.paused}',
      useOwnerReferencesInBackup: false,
      template: {
        includedNamespaces: ['${schema.metadata.namespace}'],
        labelSelector:
          '${size(schema.spec.labelSelector.matchLabels) > 0 ? schema.spec.labelSelector : omit()}',
        defaultVolumesToFsBackup: true,
        snapshotVolumes: false,
        storageLocation:
          '${schema.spec.storageLocation != "" ? schema.spec.storageLocation : omit()}',
        ttl: '${schema.spec.ttl}',
      },
    },
  };
}

/** The ResourceGraphDefinition object (kro.run/v1alpha1, kro v0.9.3). */
export function backupPolicyGraphObject(veleroNamespace: string) {
  return {
    apiVersion: 'kro.run/v1alpha1',
    kind: 'ResourceGraphDefinition',
    metadata: {
      name: POLICY_GRAPH_NAME,
      annotations: { 'argocd.argoproj.io/sync-wave': '0' },
    },
    spec: {
      schema: {
        apiVersion: 'v1alpha1',
        kind: POLICY_KIND,
        scope: 'Namespaced',
        spec: POLICY_SPEC,
        status: {
          schedule: '${schedule.metadata.name}',
          phase: '${schedule.?status.?phase.orValue("")}',
        },
      },
      resources: [
        {
          id: SCHEDULE_NODE_ID,
          // The instance is ACTIVE (Argo CD: Healthy) once Velero accepted the
          // Schedule; FailedValidation keeps it progressing, with the phase in its status.
          readyWhen: ['${schedule.?status.?phase.orValue("") == "Enabled"}'],
          template: scheduleTemplate(veleroNamespace),
        },
      ],
    },
  };
}

/** The graph's file. */
export function backupPolicyGraph(veleroNamespace: string): string {
  return renderYaml(backupPolicyGraphObject(veleroNamespace), {
    header: [
      `BackupPolicy (namespaced) → the Velero Schedule ns-<namespace> in ${veleroNamespace}, as velero-schedules`,
      'writes it (kro v0.9.3). kro labels each Schedule with its policy (kro.run/instance-name,',
      'kro.run/instance-namespace), which the coverage page shows. Written by backstage-storage.',
    ].join('\n'),
    keyComments: {
      'spec.schema.spec':
        'schedule and ttl are derived from the RPO by the kro-backup-policies generator; edit policies through it.',
    },
  });
}
