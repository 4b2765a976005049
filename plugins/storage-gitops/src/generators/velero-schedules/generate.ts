import type { ChangeSet, RepoReader } from '../../types';
import { ChangeSetBuilder } from '../../changes/ChangeSetBuilder';
import { GeneratorError } from '../../errors/GeneratorError';
import { storageAppDir } from '../../layout/paths';
import { DEFAULT_TIERS } from '../../tiers/defaultTiers';
import {
  ensureKustomizationResource,
  removeKustomizationResource,
} from '../../yaml/kustomization';
import type { VeleroSchedulesInput } from './input';
import { scheduleManifest } from './schedule';
import { planSchedule } from '../shared/schedulePlan';
import { refuseNamespacesOfBackupPolicies } from '../shared/backupOwnership';
import { readVeleroApp, type VeleroApp } from './veleroApp';
import { refuseHostPathTiers } from '../shared/fileSystemBackupTiers';
import { scheduleEdits } from './scheduleEdits';

const OVERLAY = `${storageAppDir('velero')}/overlays/prod`;
const SCHEDULES_DIR = `${OVERLAY}/schedules`;

/** The Velero namespace (from the app); the storage location must be one the app creates. */
function checkVeleroTarget(
  input: VeleroSchedulesInput,
  velero: VeleroApp,
): string {
  if (input.veleroNamespace && input.veleroNamespace !== velero.namespace) {
    throw new GeneratorError(
      `veleroNamespace: the repository's Velero app runs in '${velero.namespace}', not '${input.veleroNamespace}'; Velero only reads Schedules in its own namespace. Leave veleroNamespace out.`,
      { field: 'veleroNamespace' },
    );
  }
  if (
    input.storageLocation &&
    !velero.storageLocations.includes(input.storageLocation)
  ) {
    throw new GeneratorError(
      `storageLocation: '${
        input.storageLocation
      }' is not a backup storage location of the Velero app (it has: ${
        velero.storageLocations.join(', ') || 'none'
      }); every backup of the schedule would fail validation.`,
      { field: 'storageLocation' },
    );
  }
  return velero.namespace;
}

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
  const veleroNamespace = checkVeleroTarget(input, velero);
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
  const removed = input.prune ? pruneSchedules(builder, files) : [];
  return builder.build(
    `Add Velero schedules for ${plans.map(p => p.namespace).join(', ')}${
      removed.length > 0 ? `; remove those of ${removed.join(', ')}` : ''
    }`,
  );
}

/**
 * Deletes the Schedules of namespaces the input no longer lists (its own
 * folder, each file checked unedited) and their kustomization entries.
 * Returns the namespaces whose Schedule goes.
 */
function pruneSchedules(builder: ChangeSetBuilder, kept: string[]): string[] {
  const unlisted = builder.repository
    .listDirectory(SCHEDULES_DIR)
    .filter(name => /\.ya?ml$/.test(name) && !/^kustomization\./.test(name))
    .filter(name => !kept.includes(name));
  for (const name of unlisted) {
    const namespace = name.replace(/\.ya?ml$/, '');
    builder.deleteOwnedFile(`${SCHEDULES_DIR}/${name}`, text =>
      scheduleEdits(text, name, namespace),
    );
  }
  if (unlisted.length > 0) {
    builder.editYaml(
      `${SCHEDULES_DIR}/kustomization.yaml`,
      `'${SCHEDULES_DIR}/kustomization.yaml' does not exist`,
      doc => unlisted.forEach(name => removeKustomizationResource(doc, name)),
    );
  }
  return unlisted.map(name => name.replace(/\.ya?ml$/, ''));
}
