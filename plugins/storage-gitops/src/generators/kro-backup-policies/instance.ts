import { renderYaml } from '../../yaml/yamlDocument';
import { cadenceComment } from '../shared/planFile';
import type { NamespaceSchedule } from '../shared/schedulePlan';
import { POLICY_KIND } from './graph';

/** Name of the one BackupPolicy of a namespace (its Schedule is ns-<namespace>). */
export const POLICY_NAME = 'backup';

/** The spec of a namespace's BackupPolicy: what the graph turns into its Schedule. */
export function policySpec(
  plan: NamespaceSchedule,
  storageLocation: string | undefined,
): Record<string, unknown> {
  return {
    ...(plan.tiers.length > 0 ? { tiers: plan.tiers } : {}),
    rpo: plan.rpo,
    schedule: plan.cron,
    ttl: plan.ttl,
    paused: plan.paused,
    ...(storageLocation ? { storageLocation } : {}),
    ...(plan.matchLabels
      ? { labelSelector: { matchLabels: plan.matchLabels } }
      : {}),
  };
}

/** The BackupPolicy object of one namespace. */
export function policyObject(
  plan: NamespaceSchedule,
  storageLocation: string | undefined,
): Record<string, unknown> {
  return {
    apiVersion: 'kro.run/v1alpha1',
    kind: POLICY_KIND,
    metadata: {
      name: POLICY_NAME,
      namespace: plan.namespace,
      annotations: {
        // The CRD exists once kro accepted the graph (synced earlier, wave -1).
        'argocd.argoproj.io/sync-options': 'SkipDryRunOnMissingResource=true',
      },
    },
    spec: policySpec(plan, storageLocation),
  };
}

/** The file of one namespace's BackupPolicy. */
export function policyManifest(
  plan: NamespaceSchedule,
  storageLocation: string | undefined,
): string {
  return renderYaml(policyObject(plan, storageLocation), {
    header: [
      `Backups of namespace ${plan.namespace} through kro (${
        plan.tiers.length > 0 ? `tiers: ${plan.tiers.join(', ')}; ` : ''
      }RPO ${plan.rpo}).`,
      cadenceComment(plan.derived),
      'Written by backstage-storage.',
    ].join('\n'),
  });
}
