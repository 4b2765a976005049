import { formatSeconds } from '../engine/humanize';
import { formatRfc3339 } from '../kube/time';
import type {
  ClaimRestoreVerification,
  RestoreReason,
  Tier,
  VolumeRestoreRef,
} from '../model';
import type { KindReadability } from '../state/kindLedger';
import type {
  ProjectedRestore,
  ProjectedRestoreCopy,
} from '../state/projections';
import { restoreCopyOutcome, restoreOutcome } from './restorePhases';

/** What restore verification reads besides the claim. @public */
export interface RestoreInputs {
  /** The claim's namespace (a copy restored elsewhere is a drill). */
  namespace: string;
  /** PodVolumeRestores and DataDownloads of the claim's data. */
  copies: readonly ProjectedRestoreCopy[];
  restoreOf(namespace: string, name: string): ProjectedRestore | undefined;
  /** The claim's tier, when a configured tier claims it. */
  tier?: Pick<Tier, 'name' | 'restoreTestIntervalSeconds'>;
  /** Readability of Restore, PodVolumeRestore and DataDownload. */
  readability: readonly KindReadability[];
  nowMs: number;
}

/**
 * What one copy says: its own phase, and its Restore's when the Restore is
 * there. Velero's restorer (pkg/podvolume/restorer.go RestorePodVolumes)
 * counts a Failed or Canceled PodVolumeRestore as a restore error; a copy
 * that Completed wrote the data, but it only counts once its Restore ended
 * Completed or PartiallyFailed (a Restore still running may yet fail, and a
 * Failed Restore is not a restore anyone can rely on).
 */
export function describeRestoreCopy(
  copy: ProjectedRestoreCopy,
  restore: ProjectedRestore | undefined,
  claimNamespace: string,
): { ref: VolumeRestoreRef; at: number } {
  const own = restoreCopyOutcome(copy.phase);
  const of = restore ? restoreOutcome(restore.phase) : undefined;
  let outcome: VolumeRestoreRef['outcome'] = own;
  if (own === 'completed' && of !== undefined) {
    if (of === 'failed') outcome = 'failed';
    else if (of !== 'completed' && of !== 'partially-failed') {
      outcome = 'in-progress';
    }
  }
  const at =
    outcome === 'in-progress'
      ? copy.startedAt ?? 0
      : copy.finishedAt ?? restore?.completedAt ?? copy.startedAt ?? 0;
  const message =
    copy.message ?? (outcome === 'failed' ? restore?.failureReason : undefined);
  return {
    at,
    ref: {
      time: formatRfc3339(at),
      restore: restore?.name ?? copy.restore,
      ...(restore?.backupName ? { backup: restore.backupName } : {}),
      ...(restore?.scheduleName ? { schedule: restore.scheduleName } : {}),
      namespace: copy.targetNamespace,
      drill: copy.targetNamespace !== claimNamespace,
      method: copy.method,
      phase: copy.phase,
      ...(restore?.phase ? { restorePhase: restore.phase } : {}),
      outcome,
      ...(message ? { message } : {}),
    },
  };
}

function restoreText(ref: VolumeRestoreRef): string {
  const from = ref.backup ? ` from backup ${ref.backup}` : '';
  const into = ref.drill ? ` into namespace ${ref.namespace}` : ' in place';
  return `restore ${ref.restore}${from}${into}`;
}

/**
 * A claim's restore verification: its newest successful restore and newest
 * attempt, judged against the tier's `restoreTestInterval`. Undefined when
 * the tier sets no interval and nothing was restored (nothing to show).
 * @public
 */
export function verifyRestores(
  input: RestoreInputs,
): ClaimRestoreVerification | undefined {
  const intervalSeconds = input.tier?.restoreTestIntervalSeconds;
  const unreadable = input.readability.filter(r => r.status !== 'readable');
  const described = input.copies.map(copy =>
    describeRestoreCopy(
      copy,
      input.restoreOf(copy.veleroNamespace, copy.restore),
      input.namespace,
    ),
  );
  const newest = (list: typeof described) =>
    list.reduce<(typeof described)[number] | undefined>(
      (best, d) =>
        !best ||
        d.at > best.at ||
        (d.at === best.at && d.ref.restore > best.ref.restore)
          ? d
          : best,
      undefined,
    );
  const success = newest(described.filter(d => d.ref.outcome === 'completed'));
  const attempt = newest(described);
  if (intervalSeconds === undefined && described.length === 0) return undefined;
  const reasons: RestoreReason[] = [];
  const lastAttempt =
    attempt && attempt !== success && (!success || attempt.at >= success.at)
      ? attempt.ref
      : undefined;
  if (lastAttempt?.outcome === 'failed') {
    reasons.push({
      code: 'restore-failed',
      message: `The newest ${restoreText(lastAttempt)} failed${
        lastAttempt.message ? `: ${lastAttempt.message}` : ''
      }. Look at \`velero restore describe ${lastAttempt.restore} --details\`.`,
    });
  }
  const base = {
    ...(success ? { lastSuccessfulRestore: success.ref } : {}),
    ...(lastAttempt ? { lastAttempt } : {}),
    ...(intervalSeconds !== undefined ? { intervalSeconds } : {}),
  };
  if (unreadable.length > 0 && intervalSeconds !== undefined) {
    reasons.unshift({
      code: 'restore-unreadable',
      message:
        'Velero restores could not be read (Restore, PodVolumeRestore or DataDownload), so whether this volume was restored is unknown: grant list and watch on them (rbac/storage-reader.yaml).',
    });
    return { status: 'unknown', ...base, reasons };
  }
  if (intervalSeconds === undefined) {
    return success
      ? { status: 'verified', ...base, reasons }
      : { status: 'never-verified', ...base, reasons };
  }
  const every = formatSeconds(intervalSeconds);
  const tier = input.tier?.name ?? 'its';
  if (!success) {
    reasons.unshift({
      code: 'restore-never-verified',
      message: `No successful restore of this volume's data is known; the ${tier} tier asks for one every ${every}. Restore its latest backup into a scratch namespace (velero restore create --from-backup <backup> --namespace-mappings ${input.namespace}:${input.namespace}-restore-test).`,
    });
    return { status: 'never-verified', ...base, reasons };
  }
  const ageSeconds = (input.nowMs - success.at) / 1000;
  // Inclusive, like RPOs: a restore exactly one interval old still counts.
  if (ageSeconds <= intervalSeconds) {
    return { status: 'verified', ...base, reasons };
  }
  reasons.unshift({
    code: 'restore-test-overdue',
    message: `The last successful ${restoreText(
      success.ref,
    )} finished ${formatSeconds(
      ageSeconds,
    )} ago; the ${tier} tier asks for one every ${every}. Run a restore drill.`,
  });
  return { status: 'overdue', ...base, reasons };
}
