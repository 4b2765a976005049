import type { BackupMethod, Reason } from '../model';
import type { ProjectedSchedule } from '../state/projections';
import type { BackupScope } from '../velero/backupSpec';
import { matchesAnyGlob, namespaceScope } from '../velero/namespaceGlob';
import { excludedVolumeResources } from '../velero/resourceFilters';
import {
  describeBackupSelectors,
  matchesBackupSelectors,
} from '../velero/selectors';
import type { ClaimFacts, ClaimMount } from './claimFacts';
import * as reasons from './messages';

/** How one schedule treats one claim. */
export type ScheduleCoverage =
  /** The schedule does not reach the claim's namespace: not worth a reason. */
  | { kind: 'out-of-scope' }
  /** The schedule reaches the namespace but copies none of the volume's data. */
  | { kind: 'not-covered'; reasons: Reason[] }
  | { kind: 'covered'; method: BackupMethod };

/** Whether, and why not, file-system backup copies the volume. */
type MethodResult =
  | { ok: true }
  | { ok: false; reasons: Reason[]; final?: boolean };

function mountRefs(mounts: ClaimMount[]) {
  return mounts.map(m => ({ pod: m.pod.name, volume: m.volumeName }));
}

/**
 * File-system backup (domain.md §2.7): runs while pods are backed up, so the
 * pod and the claim must pass the filters; only running pods; opt-in per pod
 * volume unless defaultVolumesToFsBackup (then opt-out); never hostPath.
 */
function fileSystemBackup(
  facts: ClaimFacts,
  name: string,
  scope: BackupScope,
  fsDefault: boolean,
): MethodResult {
  if (facts.source === 'hostPath') {
    return {
      ok: false,
      final: true,
      reasons: [
        reasons.hostPathUnsupported(facts.localPath, facts.storageClassName),
      ],
    };
  }
  const leftOut = excludedVolumeResources(scope, [
    'pods',
    'persistentvolumeclaims',
  ]);
  if (leftOut.length > 0) {
    return {
      ok: false,
      reasons: [reasons.resourceFilterExcludes(name, leftOut)],
    };
  }
  if (facts.runningMounts.length === 0) {
    return {
      ok: false,
      reasons: [reasons.noRunningPod(facts.mounts.map(m => m.pod))],
    };
  }
  const selected = facts.runningMounts.filter(m =>
    matchesBackupSelectors(scope, m.pod.labels),
  );
  if (selected.length === 0) {
    return {
      ok: false,
      reasons: [
        reasons.labelSelectorMismatch(
          name,
          describeBackupSelectors(scope),
          facts.runningMounts.map(m => `pod ${m.pod.name}`),
        ),
      ],
    };
  }
  if (fsDefault) {
    const kept = selected.filter(
      m => !m.pod.backupVolumesExcludes.includes(m.volumeName),
    );
    if (kept.length > 0) return { ok: true };
    return {
      ok: false,
      reasons: [reasons.excludedByAnnotation(name, mountRefs(selected))],
    };
  }
  const optedIn = selected.filter(m =>
    m.pod.backupVolumes?.includes(m.volumeName),
  );
  if (optedIn.length > 0) return { ok: true };
  return {
    ok: false,
    reasons: [reasons.notOptedIn(name, mountRefs(selected))],
  };
}

/**
 * Snapshots (domain.md §2.8): only CSI volumes; the claim is backed up when it
 * or a pod that uses it is selected, and its PV must pass the filters too.
 * Returns undefined when snapshots are turned off: no reason worth giving.
 */
function snapshot(
  facts: ClaimFacts,
  name: string,
  scope: BackupScope,
): MethodResult | undefined {
  if (scope.snapshotVolumes === false) return undefined;
  if (facts.source === 'unbound') {
    return {
      ok: false,
      reasons: [reasons.volumeUnbound(facts.claim.name, facts.claim.phase)],
    };
  }
  if (facts.source !== 'csi') {
    return {
      ok: false,
      reasons: [reasons.snapshotUnsupported(name, facts.source)],
    };
  }
  const leftOut = excludedVolumeResources(scope, [
    'persistentvolumeclaims',
    'persistentvolumes',
  ]);
  if (leftOut.length > 0) {
    return {
      ok: false,
      reasons: [reasons.resourceFilterExcludes(name, leftOut)],
    };
  }
  const selected =
    matchesBackupSelectors(scope, facts.claim.labels) ||
    facts.mounts.some(m => matchesBackupSelectors(scope, m.pod.labels));
  if (!selected) {
    return {
      ok: false,
      reasons: [
        reasons.labelSelectorMismatch(name, describeBackupSelectors(scope), [
          `claim ${facts.claim.name}`,
          ...facts.mounts.map(m => `pod ${m.pod.name}`),
        ]),
      ],
    };
  }
  return { ok: true };
}

/**
 * Whether a schedule's backups copy a claim's data, by which method, or why
 * not. A paused schedule covers nothing; one that failed validation still
 * counts as covering (the claim is then failing, not unprotected).
 */
export function scheduleCoverage(
  facts: ClaimFacts,
  schedule: ProjectedSchedule,
  fsDefault: boolean,
): ScheduleCoverage {
  const scope = schedule.template;
  const namespace = facts.claim.namespace;
  const inScope = namespaceScope(scope, namespace);
  if (inScope === 'not-included') return { kind: 'out-of-scope' };
  if (inScope === 'excluded') {
    const patterns = scope.excludedNamespaces.filter(p =>
      matchesAnyGlob([p], namespace),
    );
    return {
      kind: 'not-covered',
      reasons: [reasons.namespaceExcluded(schedule.name, namespace, patterns)],
    };
  }

  const fs = fileSystemBackup(facts, schedule.name, scope, fsDefault);
  let method: BackupMethod | undefined;
  const found: Reason[] = [];
  if (fs.ok) {
    method = 'fs-backup';
  } else {
    found.push(...fs.reasons);
    // Volumes FSB does not take are considered for snapshots instead.
    const snap = fs.final ? undefined : snapshot(facts, schedule.name, scope);
    if (snap?.ok) method = scope.snapshotMoveData ? 'data-mover' : 'snapshot';
    else if (snap) found.push(...snap.reasons);
  }
  if (!method) return { kind: 'not-covered', reasons: found };
  if (schedule.paused) {
    return {
      kind: 'not-covered',
      reasons: [reasons.schedulePaused(schedule.name)],
    };
  }
  return { kind: 'covered', method };
}
