import type { ChangeSet, RepoReader } from '../../types';
import { ChangeSetBuilder } from '../../changes/ChangeSetBuilder';
import { ensureKustomizeEnableHelm } from '../../argocd/enableHelm';
import { addStorageApplication } from '../../argocd/storageApplication';
import { GeneratorError } from '../../errors/GeneratorError';
import { REPO_LAYOUT, storageAppDir } from '../../layout/paths';
import { DEFAULT_TIERS } from '../../tiers/defaultTiers';
import {
  ensureKustomizationResource,
  removeKustomizationResource,
} from '../../yaml/kustomization';
import { writeKroApp } from '../kro-inventory/kroApp';
import { ensureKroHealthChecks } from '../kro-inventory/kroHealth';
import { readVeleroApp, type VeleroApp } from '../velero-schedules/veleroApp';
import {
  BACKUP_POLICIES_DIR,
  refuseNamespacesOfStaticSchedules,
} from '../shared/backupOwnership';
import { refuseHostPathTiers } from '../shared/fileSystemBackupTiers';
import { planSchedule } from '../shared/schedulePlan';
import { backupPolicyGraph, POLICY_KIND } from './graph';
import type { KroBackupPoliciesInput } from './input';
import { policyManifest } from './instance';
import { policyEdits } from './policyEdits';
import { kroVeleroRole } from './veleroRbac';

export const POLICIES_APP = 'backup-policies';
const GRAPH_FILE = 'backup-policy-graph.yaml';
const RBAC_FILE = 'backup-policy-rbac.yaml';
/**
 * The policies' Application syncs after the services (wave 0), whose
 * Applications create the namespaces the policies live in; the graph is in
 * storage-cluster (wave -1), so kro serves the BackupPolicy CRD by then.
 */
const POLICIES_WAVE = '1';

/** The Velero namespace (from the app); each storage location must be one the app creates. */
function veleroTarget(
  input: KroBackupPoliciesInput,
  velero: VeleroApp,
): string {
  if (input.veleroNamespace && input.veleroNamespace !== velero.namespace) {
    throw new GeneratorError(
      `veleroNamespace: the repository's Velero app runs in '${velero.namespace}', not '${input.veleroNamespace}'; Velero only reads Schedules in its own namespace. Leave veleroNamespace out.`,
      { field: 'veleroNamespace' },
    );
  }
  const locations: Array<[string, string | undefined]> = [
    ['storageLocation', input.storageLocation],
    ...input.policies.map(
      (p, i) =>
        [`policies.${i}.storageLocation`, p.storageLocation] as [
          string,
          string | undefined,
        ],
    ),
  ];
  for (const [field, location] of locations) {
    if (location && !velero.storageLocations.includes(location))
      throw new GeneratorError(
        `${field}: '${location}' is not a backup storage location of the Velero app (it has: ${
          velero.storageLocations.join(', ') || 'none'
        }); every backup of the schedule would fail validation.`,
        { field },
      );
  }
  return velero.namespace;
}

/** The BackupPolicy graph, one BackupPolicy per namespace, and their Argo CD wiring. */
export function generateKroBackupPolicies(
  repo: RepoReader,
  input: KroBackupPoliciesInput,
): ChangeSet {
  const tiers = input.tiers ?? DEFAULT_TIERS;
  const builder = new ChangeSetBuilder(repo, 'kro-backup-policies');
  const velero = readVeleroApp(repo);
  const veleroNamespace = veleroTarget(input, velero);
  refuseNamespacesOfStaticSchedules(
    repo,
    input.policies.map(p => p.namespace),
  );
  const plans = input.policies.map((policy, index) =>
    planSchedule(policy, `policies.${index}`, tiers, 'namespace'),
  );
  input.policies.forEach((policy, index) =>
    refuseHostPathTiers(
      repo,
      policy.tiers ?? [],
      tiers,
      `policies.${index}.tiers`,
    ),
  );

  const clusterDir = REPO_LAYOUT.storageClusterOverlayDir;
  builder.editKustomization(
    clusterDir,
    'Cluster-wide storage objects are wired into apps/storage/overlays/prod; create it (and its Argo CD Application) first.',
    doc =>
      [GRAPH_FILE, RBAC_FILE].forEach(f => ensureKustomizationResource(doc, f)),
  );
  builder.createFile(
    `${clusterDir}/${GRAPH_FILE}`,
    backupPolicyGraph(veleroNamespace),
  );
  builder.createFile(`${clusterDir}/${RBAC_FILE}`, kroVeleroRole());

  const files = plans.map(plan => `${plan.namespace}.yaml`);
  builder.createOrExtendKustomization(
    `${BACKUP_POLICIES_DIR}/kustomization.yaml`,
    files,
    'One kro BackupPolicy per namespace (kro-backup-policies). Written by backstage-storage.',
  );
  plans.forEach((plan, index) =>
    builder.createFile(
      `${BACKUP_POLICIES_DIR}/${files[index]}`,
      policyManifest(
        plan,
        input.policies[index].storageLocation ?? input.storageLocation,
      ),
    ),
  );
  const overlay = `${storageAppDir(POLICIES_APP)}/overlays/prod`;
  builder.createOrExtendKustomization(
    `${overlay}/kustomization.yaml`,
    ['../../base'],
    'The BackupPolicies in prod. Written by backstage-storage.',
  );
  addStorageApplication(builder, {
    name: POLICIES_APP,
    title:
      'BackupPolicies (kro): one per namespace, each making its Velero Schedule',
    path: overlay,
    namespace: 'default',
    syncOptions: [],
    argocd: input.argocd,
    syncWave: POLICIES_WAVE,
  });

  if (input.kro.install) {
    writeKroApp(builder, input);
    ensureKustomizeEnableHelm(builder, input.argocd);
  }
  ensureKroHealthChecks(builder, input.argocd.configMapPath, POLICY_KIND);
  const removed = input.prune ? prunePolicies(builder, files) : [];
  return builder.build(
    `Add kro BackupPolicies for ${plans.map(p => p.namespace).join(', ')}${
      removed.length > 0 ? `; remove those of ${removed.join(', ')}` : ''
    }`,
  );
}

/**
 * Deletes the BackupPolicies of namespaces the input no longer lists (each
 * file checked unedited) and their kustomization entries; returns their
 * namespaces.
 */
function prunePolicies(builder: ChangeSetBuilder, kept: string[]): string[] {
  const unlisted = builder.repository
    .listDirectory(BACKUP_POLICIES_DIR)
    .filter(name => /\.ya?ml$/.test(name) && !/^kustomization\./.test(name))
    .filter(name => !kept.includes(name));
  for (const name of unlisted)
    builder.deleteOwnedFile(`${BACKUP_POLICIES_DIR}/${name}`, text =>
      policyEdits(text, name, name.replace(/\.ya?ml$/, '')),
    );
  if (unlisted.length > 0)
    builder.editYaml(
      `${BACKUP_POLICIES_DIR}/kustomization.yaml`,
      `'${BACKUP_POLICIES_DIR}/kustomization.yaml' does not exist`,
      doc => unlisted.forEach(name => removeKustomizationResource(doc, name)),
    );
  return unlisted.map(name => name.replace(/\.ya?ml$/, ''));
}
