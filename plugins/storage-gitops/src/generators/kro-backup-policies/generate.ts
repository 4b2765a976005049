import type { ChangeSet, RepoReader } from '../../types';
import { ChangeSetBuilder } from '../../changes/ChangeSetBuilder';
import { ensureKustomizeEnableHelm } from '../../argocd/enableHelm';
import { addStorageApplication } from '../../argocd/storageApplication';
import { REPO_LAYOUT, storageAppDir } from '../../layout/paths';
import { DEFAULT_TIERS } from '../../tiers/defaultTiers';
import { ensureKustomizationResource } from '../../yaml/kustomization';
import { writeKroApp } from '../kro-inventory/kroApp';
import { ensureKroHealthChecks } from '../kro-inventory/kroHealth';
import { readVeleroApp } from '../velero-schedules/veleroApp';
import {
  BACKUP_POLICIES_DIR,
  refuseNamespacesOfStaticSchedules,
} from '../shared/backupOwnership';
import { refuseHostPathTiers } from '../shared/fileSystemBackupTiers';
import { pruneNamespaceFiles } from '../shared/pruneNamespaceFiles';
import { planSchedule } from '../shared/schedulePlan';
import { veleroTarget } from '../shared/veleroTarget';
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

/** The BackupPolicy graph, one BackupPolicy per namespace, and their Argo CD wiring. */
export function generateKroBackupPolicies(
  repo: RepoReader,
  input: KroBackupPoliciesInput,
): ChangeSet {
  const tiers = input.tiers ?? DEFAULT_TIERS;
  const builder = new ChangeSetBuilder(repo, 'kro-backup-policies');
  const velero = readVeleroApp(repo);
  const veleroNamespace = veleroTarget(velero, input.veleroNamespace, [
    ['storageLocation', input.storageLocation],
    ...input.policies.map(
      (p, i) =>
        [`policies.${i}.storageLocation`, p.storageLocation] as [
          string,
          string | undefined,
        ],
    ),
  ]);
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
  const removed = input.prune
    ? pruneNamespaceFiles(builder, BACKUP_POLICIES_DIR, files, policyEdits)
    : [];
  return builder.build(
    `Add kro BackupPolicies for ${plans.map(p => p.namespace).join(', ')}${
      removed.length > 0 ? `; remove those of ${removed.join(', ')}` : ''
    }`,
  );
}
