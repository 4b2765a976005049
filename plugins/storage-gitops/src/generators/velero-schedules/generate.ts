import type { ChangeSet, RepoReader } from '../../types';
import { ChangeSetBuilder } from '../../changes/ChangeSetBuilder';
import { storageAppDir } from '../../layout/paths';
import { DEFAULT_TIERS } from '../../tiers/defaultTiers';
import { ensureKustomizationResource } from '../../yaml/kustomization';
import type { VeleroSchedulesInput } from './input';
import { scheduleManifest } from './schedule';
import { planSchedule } from '../shared/schedulePlan';
import { refuseNamespacesOfBackupPolicies } from '../shared/backupOwnership';
import { readVeleroApp } from './veleroApp';
import { refuseHostPathTiers } from '../shared/fileSystemBackupTiers';
import { scheduleEdits } from './scheduleEdits';
import { pruneNamespaceFiles } from '../shared/pruneNamespaceFiles';
import { veleroTarget } from '../shared/veleroTarget';

const OVERLAY = `${storageAppDir('velero')}/overlays/prod`;
const SCHEDULES_DIR = `${OVERLAY}/schedules`;

/** One Velero Schedule per namespace, with cron and TTL from the tiers' RPO. */
export function generateVeleroSchedules(
  repo: RepoReader,
  input: VeleroSchedulesInput,
): ChangeSet {
  const tiers = input.tiers ?? DEFAULT_TIERS;
  const builder = new ChangeSetBuilder(repo, 'velero-schedules');
  builder.editKustomization(
    OVERLAY,
    'Schedules are part of the Velero app; run the velero generator first.',
    doc => ensureKustomizationResource(doc, 'schedules'),
  );
  const velero = readVeleroApp(repo);
  const veleroNamespace = veleroTarget(velero, input.veleroNamespace, [
    ['storageLocation', input.storageLocation],
  ]);
  refuseNamespacesOfBackupPolicies(
    repo,
    input.namespaces.map(ns => ns.name),
  );
  const plans = input.namespaces.map((ns, index) =>
    planSchedule({ ...ns, namespace: ns.name }, `namespaces.${index}`, tiers),
  );
  input.namespaces.forEach((ns, index) =>
    refuseHostPathTiers(repo, ns.tiers, tiers, `namespaces.${index}.tiers`),
  );
  const files = plans.map(plan => `${plan.namespace}.yaml`);
  builder.createOrExtendKustomization(
    `${SCHEDULES_DIR}/kustomization.yaml`,
    files,
    'One Velero Schedule per namespace (velero-schedules). Written by backstage-storage.',
  );
  for (const plan of plans) {
    builder.createFile(
      `${SCHEDULES_DIR}/${plan.namespace}.yaml`,
      scheduleManifest(plan, veleroNamespace, input.storageLocation),
    );
  }
  const removed = input.prune
    ? pruneNamespaceFiles(builder, SCHEDULES_DIR, files, scheduleEdits)
    : [];
  return builder.build(
    `Add Velero schedules for ${plans.map(p => p.namespace).join(', ')}${
      removed.length > 0 ? `; remove those of ${removed.join(', ')}` : ''
    }`,
  );
}
