import type { ChangeSet, RepoReader } from '../../types';
import { ChangeSetBuilder } from '../../changes/ChangeSetBuilder';
import { GeneratorError } from '../../errors/GeneratorError';
import { storageAppDir } from '../../layout/paths';
import { DEFAULT_TIERS } from '../../tiers/defaultTiers';
import { rpoSeconds } from '../../tiers/rpo';
import type { TierInput } from '../../tiers/tierInput';
import {
  ensureKustomizationResource,
  removeKustomizationResource,
} from '../../yaml/kustomization';
import { cronFor, intervalMinutes, ttlFor } from './cadence';
import type { VeleroSchedulesInput } from './input';
import { type NamespaceSchedule, scheduleManifest } from './schedule';
import { readVeleroApp, type VeleroApp } from './veleroApp';
import { hostPathClasses } from '../shared/localPathVolumeType';
import { scheduleEdits } from './scheduleEdits';

const OVERLAY = `${storageAppDir('velero')}/overlays/prod`;
const SCHEDULES_DIR = `${OVERLAY}/schedules`;

function rpoText(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  return `${Math.round(seconds / 60)}m`;
}

function planSchedule(
  ns: VeleroSchedulesInput['namespaces'][number],
  index: number,
  tiers: TierInput[],
): NamespaceSchedule {
  const nsTiers = ns.tiers.map((name, tierIndex) => {
    const tier = tiers.find(t => t.name === name);
    if (!tier) {
      throw new GeneratorError(
        `namespaces.${index}.tiers.${tierIndex}: unknown tier '${name}' (known tiers: ${tiers
          .map(t => t.name)
          .join(', ')})`,
        { field: `namespaces.${index}.tiers.${tierIndex}` },
      );
    }
    return tier;
  });
  const strictest = nsTiers.reduce((a, b) =>
    (rpoSeconds(a.rpo) ?? 0) <= (rpoSeconds(b.rpo) ?? 0) ? a : b,
  );
  const seconds = rpoSeconds(strictest.rpo) ?? 0;
  const interval = intervalMinutes(seconds);
  if (!ns.schedule && interval === undefined) {
    throw new GeneratorError(
      `namespaces.${index}: tier '${strictest.name}' has an RPO under ten minutes, which file-system backups cannot keep; give a schedule explicitly`,
      { field: `namespaces.${index}.schedule` },
    );
  }
  if (`ns-${ns.name}`.length > 63) {
    throw new GeneratorError(
      `namespaces.${index}.name: '${ns.name}' is too long for a schedule name (ns-<name> must fit 63 characters)`,
      {
        field: `namespaces.${index}.name`,
      },
    );
  }
  return {
    namespace: ns.name,
    tiers: ns.tiers,
    rpo: rpoText(seconds),
    cron: ns.schedule ?? cronFor(interval!, ns.name),
    ttl: ns.ttl ?? ttlFor(seconds),
    paused: ns.paused,
    derived: !ns.schedule && !ns.ttl,
  };
}

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

/** Refuses tiers whose local-path class still provisions hostPath PVs (file-system backup skips them). */
function checkFileSystemBackupCapable(
  repo: RepoReader,
  names: string[],
  tiers: TierInput[],
  index: number,
): void {
  for (const name of names) {
    const tier = tiers.find(t => t.name === name);
    const hostPath = tier ? hostPathClasses(repo, tier.storageClasses) : [];
    if (hostPath.length > 0) {
      throw new GeneratorError(
        `namespaces.${index}.tiers: tier '${name}' uses ${hostPath.join(
          ', ',
        )}, which local-path-provisioner provisions as hostPath volumes; Velero's file-system backup skips them (the backup still completes). ` +
          `Run the velero generator (it sets defaultVolumeType: local on local-path classes) or kro-inventory with patchLocalPathVolumeType first.`,
        { field: `namespaces.${index}.tiers` },
      );
    }
  }
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
  const plans = input.namespaces.map((ns, index) =>
    planSchedule(ns, index, tiers),
  );
  input.namespaces.forEach((ns, index) =>
    checkFileSystemBackupCapable(repo, ns.tiers, tiers, index),
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
