import type { ChangeSet, RepoReader } from '../../types';
import { ChangeSetBuilder } from '../../changes/ChangeSetBuilder';
import { GeneratorError } from '../../errors/GeneratorError';
import { storageAppDir } from '../../layout/paths';
import { DEFAULT_TIERS } from '../../tiers/defaultTiers';
import { rpoSeconds } from '../../tiers/rpo';
import type { TierInput } from '../../tiers/tierInput';
import { ensureKustomizationResource } from '../../yaml/kustomization';
import { cronFor, intervalMinutes, ttlFor } from './cadence';
import type { VeleroSchedulesInput } from './input';
import { type NamespaceSchedule, scheduleManifest } from './schedule';

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

/** One Velero Schedule per namespace, with cron and TTL from the tiers' RPO. */
export function generateVeleroSchedules(
  repo: RepoReader,
  input: VeleroSchedulesInput,
): ChangeSet {
  const tiers = input.tiers ?? DEFAULT_TIERS;
  const plans = input.namespaces.map((ns, index) =>
    planSchedule(ns, index, tiers),
  );
  const builder = new ChangeSetBuilder(repo, 'velero-schedules');
  builder.editKustomization(
    OVERLAY,
    'Schedules are part of the Velero app; run the velero generator first.',
    doc => ensureKustomizationResource(doc, 'schedules'),
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
      scheduleManifest(plan, input.veleroNamespace, input.storageLocation),
    );
  }
  return builder.build(
    `Add Velero schedules for ${plans.map(p => p.namespace).join(', ')}`,
  );
}
