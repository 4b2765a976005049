import type { BackupMethod, Reason } from '../model';
import { isExcludedFromBackup } from '../velero/excludeLabel';
import { matchesAnyGlob, namespaceScope } from '../velero/namespaceGlob';
import {
  legacyFsBackup,
  podVolumeSkip,
  type FsSkip,
} from '../velero/podVolumeBackup';
import { excludedVolumeResources } from '../velero/resourceFilters';
import {
  describeBackupSelectors,
  matchesBackupSelectors,
} from '../velero/selectors';
import { snapshotSkip } from '../velero/snapshotDecision';
import {
  matchVolumePolicy,
  type PolicyVolume,
  type VolumePolicyAction,
} from '../velero/volumePolicies';
import { parseQuantity } from '../kube/quantity';
import type { ClaimFacts, ClaimMount } from './claimFacts';
import * as more from './decisionMessages';
import * as reasons from './messages';
import type { SchedulePlan } from './schedulePlan';

/** How one schedule treats one claim. */
export type ScheduleCoverage =
  /** The schedule does not reach the claim's namespace: not worth a reason. */
  | { kind: 'out-of-scope' }
  /** The schedule reaches the namespace but copies none of the volume's data. */
  | { kind: 'not-covered'; reasons: Reason[] }
  | { kind: 'covered'; method: BackupMethod };

/** One reason per code: both methods can trip over the same filter. */
function firstPerCode(list: Reason[]): Reason[] {
  const seen = new Set<string>();
  return list.filter(r => !seen.has(r.code) && !!seen.add(r.code));
}

/** Whether the server's CSI feature is on, and other evaluation-wide facts. */
export interface CoverageOptions {
  csiFeatureEnabled: boolean;
}

/** `structuredVolume` of the claim's volume: the PV's fields plus the PVC's. */
function policyVolume(facts: ClaimFacts): PolicyVolume {
  const pv = facts.volume;
  return {
    capacityBytes: parseQuantity(pv?.capacity) ?? 0,
    ...(pv?.storageClassName ? { storageClass: pv.storageClassName } : {}),
    ...(pv?.nfs ? { nfs: pv.nfs } : {}),
    ...(pv?.source === 'csi'
      ? {
          csi: {
            driver: pv.csiDriver,
            volumeAttributes: pv.csiVolumeAttributes,
          },
        }
      : {}),
    ...(pv?.volumeType ? { volumeType: pv.volumeType } : {}),
    ...(Object.keys(facts.claim.labels).length > 0
      ? { pvcLabels: facts.claim.labels }
      : {}),
    ...(facts.claim.phase ? { pvcPhase: facts.claim.phase } : {}),
  };
}

/**
 * Whether the item collector lists a pod and `itemInclusionChecks` keeps
 * it: pods included by the resource filters, the labels selected, no
 * exclude label, not being deleted. Returns the reason when it does not.
 */
function podBackedUp(
  mount: ClaimMount,
  plan: SchedulePlan,
): Reason | undefined | 'deleting' {
  const name = plan.schedule.name;
  const scope = plan.schedule.template;
  if (!plan.includes.pods) {
    return reasons.resourceFilterExcludes(
      name,
      excludedVolumeResources(scope, ['pods', 'persistentvolumeclaims']),
    );
  }
  if (!matchesBackupSelectors(scope, mount.pod.labels)) {
    return reasons.labelSelectorMismatch(name, describeBackupSelectors(scope), [
      `pod ${mount.pod.name}`,
    ]);
  }
  if (isExcludedFromBackup(mount.pod.labels)) {
    return more.excludedByLabel(name, `pod "${mount.pod.name}"`);
  }
  if (mount.pod.deleting) return 'deleting';
  return undefined;
}

/** Reasons for the pod volumes FSB skipped, grouped the way people fix them. */
function fsSkipReasons(
  facts: ClaimFacts,
  name: string,
  skipped: Array<{ mount: ClaimMount; skip: FsSkip }>,
): Reason[] {
  const out: Reason[] = [];
  const refs = (kind: FsSkip['kind']) =>
    skipped
      .filter(s => s.skip.kind === kind)
      .map(s => ({ pod: s.mount.pod.name, volume: s.mount.volumeName }));
  const optIn = refs('not-opted-in');
  if (optIn.length > 0) out.push(reasons.notOptedIn(name, optIn));
  const optOut = refs('opted-out');
  if (optOut.length > 0) out.push(reasons.excludedByAnnotation(name, optOut));
  if (skipped.some(s => s.skip.kind === 'pvcs-excluded')) {
    out.push(reasons.resourceFilterExcludes(name, ['persistentvolumeclaims']));
  }
  const notRunning = skipped.filter(s => s.skip.kind === 'pod-not-running');
  if (notRunning.length > 0) {
    out.push(reasons.noRunningPod(notRunning.map(s => s.mount.pod)));
  }
  if (skipped.some(s => s.skip.kind === 'host-path')) {
    out.push(
      reasons.hostPathUnsupported(facts.localPath, facts.storageClassName),
    );
  }
  for (const { mount, skip } of skipped) {
    const reason = more.podVolumeSkipped(
      name,
      mount.pod.name,
      mount.volumeName,
      skip,
    );
    if (reason) out.push(reason);
  }
  return out;
}

/**
 * File-system backup: only from pods the backup itself keeps (selectors
 * apply to the pod, not the claim), then Velero's per-volume decision.
 */
function fileSystemBackup(
  facts: ClaimFacts,
  plan: SchedulePlan,
  policyAction: VolumePolicyAction | undefined,
): { ok: boolean; reasons: Reason[] } {
  const name = plan.schedule.name;
  // isHostPathVolume: never, whatever else holds.
  if (facts.source === 'hostPath') {
    return {
      ok: false,
      reasons: [
        reasons.hostPathUnsupported(facts.localPath, facts.storageClassName),
      ],
    };
  }
  const found: Reason[] = [];
  const skipped: Array<{ mount: ClaimMount; skip: FsSkip }> = [];
  const claimsExcluded = !plan.includes.claims;
  for (const mount of facts.mounts) {
    const kept = podBackedUp(mount, plan);
    if (kept === 'deleting') {
      skipped.push({
        mount,
        skip: { kind: 'pod-not-running', why: 'pod is being terminated' },
      });
      continue;
    }
    if (kept) {
      found.push(kept);
      continue;
    }
    const skip = podVolumeSkip({
      pod: mount.pod,
      mount: mount.pod.claimMounts.find(
        m => m.volumeName === mount.volumeName,
      ) ?? { volumeName: mount.volumeName, claimName: facts.claim.name },
      defaultVolumesToFsBackup: plan.fsDefault,
      claimsExcluded,
      policyAction,
      // hostPath volumes returned above, before any pod check.
      hostPathVolume: false,
    });
    if (!skip) return { ok: true, reasons: [] };
    skipped.push({ mount, skip });
  }
  if (facts.mounts.length === 0) {
    found.push(reasons.noRunningPod([]));
  }
  return {
    ok: false,
    reasons: [...found, ...fsSkipReasons(facts, name, skipped)],
  };
}

/**
 * Whether the claim itself is in the backup: listed (claims included, its
 * labels selected) or brought in by a backed-up pod, and then kept by
 * `itemInclusionChecks` (no exclude label, claims included, not deleting).
 */
function claimBackedUp(
  facts: ClaimFacts,
  plan: SchedulePlan,
): Reason | undefined {
  const name = plan.schedule.name;
  const scope = plan.schedule.template;
  if (!plan.includes.claims) {
    return reasons.resourceFilterExcludes(name, ['persistentvolumeclaims']);
  }
  const listed = matchesBackupSelectors(scope, facts.claim.labels);
  const byPod = facts.mounts.some(m => podBackedUp(m, plan) === undefined);
  if (!listed && !byPod) {
    return reasons.labelSelectorMismatch(name, describeBackupSelectors(scope), [
      `claim ${facts.claim.name}`,
      ...facts.mounts.map(m => `pod ${m.pod.name}`),
    ]);
  }
  if (isExcludedFromBackup(facts.claim.labels)) {
    return more.excludedByLabel(name, `claim "${facts.claim.name}"`);
  }
  return undefined;
}

function snapshot(
  facts: ClaimFacts,
  plan: SchedulePlan,
  policyAction: VolumePolicyAction | undefined,
  options: CoverageOptions,
): { ok: boolean; reasons: Reason[] } {
  const name = plan.schedule.name;
  const scope = plan.schedule.template;
  if (facts.source === 'unbound') {
    return {
      ok: false,
      reasons: [reasons.volumeUnbound(facts.claim.name, facts.claim.phase)],
    };
  }
  const skip = snapshotSkip({
    snapshotVolumes: scope.snapshotVolumes,
    policyAction,
    legacyFsBackupByAPod: facts.mounts.some(m =>
      legacyFsBackup(m.pod, m.volumeName, plan.fsDefault),
    ),
    hasStorageClass: facts.claim.storageClassName !== undefined,
    csi: facts.source === 'csi',
    source: facts.source,
    csiFeatureEnabled: options.csiFeatureEnabled,
  });
  if (skip?.kind === 'unsupported-source') {
    // hostPath: the hostPath reason already says neither method works.
    if (facts.source === 'hostPath' && policyAction !== 'snapshot') {
      return { ok: false, reasons: [] };
    }
    return {
      ok: false,
      reasons: [
        policyAction === 'snapshot'
          ? more.policySnapshotImpossible(name, facts.source)
          : reasons.snapshotUnsupported(name, facts.source),
      ],
    };
  }
  // The CSI action runs on the claim, so the claim must be in the backup.
  const notInBackup = claimBackedUp(facts, plan);
  if (notInBackup) return { ok: false, reasons: [notInBackup] };
  if (!skip) return { ok: true, reasons: [] };
  const reason = more.snapshotSkipped(name, skip);
  return { ok: false, reasons: reason ? [reason] : [] };
}

/**
 * Whether a schedule's backups copy a claim's data, by which method, or why
 * not. A paused schedule covers nothing; one whose Backups all fail
 * validation still counts as covering (the claim is then failing, not
 * unprotected).
 */
export function scheduleCoverage(
  facts: ClaimFacts,
  plan: SchedulePlan,
  options: CoverageOptions = { csiFeatureEnabled: true },
): ScheduleCoverage {
  const { schedule } = plan;
  const scope = schedule.template;
  const namespace = facts.claim.namespace;
  // NamespaceIncludesExcludes.ShouldInclude (excludes first), except that a
  // namespace both listed and excluded makes every Backup fail validation
  // (ValidateIncludesExcludes): the schedule then covers it, and fails.
  const inScope = namespaceScope(scope, namespace);
  const listed = scope.includedNamespaces.includes(namespace);
  if (inScope === 'excluded' && !(plan.invalid.length > 0 && listed)) {
    const patterns = scope.excludedNamespaces.filter(p =>
      matchesAnyGlob([p], namespace),
    );
    return {
      kind: 'not-covered',
      reasons: [reasons.namespaceExcluded(schedule.name, namespace, patterns)],
    };
  }
  if (inScope === 'not-included') return { kind: 'out-of-scope' };
  // Labelled and listed: every Backup fails validation (failing, later).
  if (plan.excludedByLabel.has(namespace) && !listed) {
    return {
      kind: 'not-covered',
      reasons: [more.namespaceExcludedByLabel(schedule.name, namespace, false)],
    };
  }

  const policyAction = plan.policies
    ? matchVolumePolicy(plan.policies, policyVolume(facts))
    : undefined;
  const found: Reason[] = [];
  let method: BackupMethod | undefined;
  const fs = fileSystemBackup(facts, plan, policyAction);
  if (fs.ok) {
    method = 'fs-backup';
  } else {
    found.push(...fs.reasons);
    const snap = snapshot(facts, plan, policyAction, options);
    if (snap.ok) method = plan.moveData ? 'data-mover' : 'snapshot';
    else found.push(...snap.reasons);
  }
  if (!method) return { kind: 'not-covered', reasons: firstPerCode(found) };
  if (schedule.paused) {
    return {
      kind: 'not-covered',
      reasons: [reasons.schedulePaused(schedule.name, schedule.owner)],
    };
  }
  return { kind: 'covered', method };
}
