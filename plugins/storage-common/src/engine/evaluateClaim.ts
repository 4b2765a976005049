import { parseQuantity } from '../kube/quantity';
import type {
  ClaimCoverage,
  CoveringSchedule,
  Reason,
  Verdict,
} from '../model';
import type { ClusterState, KindReadability } from '../state/ClusterState';
import type { ClaimKey } from '../state/projections';
import type { ResourceKind } from '../state/resourceKinds';
import { verifyRestores } from '../restore/restoreVerification';
import { resolveTier } from '../tiers/resolveTier';
import { namespaceScope } from '../velero/namespaceGlob';
import {
  volumeHistory,
  type Covering,
  type VolumeHistory,
} from './backupHistory';
import {
  failingReasons,
  foreignAttemptReasons,
  inProgressReason,
  missedBy,
} from './backupHealth';
import { gatherClaimFacts } from './claimFacts';
import { clusterUnknownReasons } from './clusterReadability';
import { DEFAULT_RPO_SECONDS, type EvaluationContext } from './context';
import * as more from './decisionMessages';
import { deleteRequestedBackups, type EvidenceWorld } from './evidenceValidity';
import { awaitingFirstRun, ttlWarnings } from './firstRun';
import * as reasons from './messages';
import { scheduleCoverage } from './scheduleCoverage';
import { planSchedules, type SchedulePlan } from './schedulePlan';
import { waiverStatus } from './waiver';

/** Evaluates claims of one state in one context; reuse it for a batch. @public */
export type ClaimEvaluator = (key: ClaimKey) => ClaimCoverage | undefined;

function groupByNamespace<T extends { namespace: string }>(
  items: readonly T[],
): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(item.namespace);
    if (list) list.push(item);
    else out.set(item.namespace, [item]);
  }
  return out;
}

/** Drop repeated reasons (the same finding reached through several schedules). */
function dedupe(list: Reason[]): Reason[] {
  const seen = new Set<string>();
  return list.filter(reason => {
    const id = `${reason.code}|${reason.schedule ?? ''}|${reason.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * Build an evaluator for one cluster state and context. Schedules, storage
 * locations and per-namespace schedule lists are prepared once, so the
 * evaluator is cheap per claim; build a new one after the state changes.
 * @public
 */
export function createClaimEvaluator(
  state: ClusterState,
  ctx: EvaluationContext,
): ClaimEvaluator {
  const nowMs = ctx.now.getTime();
  const { veleroNamespace } = ctx;

  const plans = planSchedules(state, ctx, nowMs);
  const schedules = plans.map(p => p.schedule);
  const bsls = [...state.backupStorageLocations()];
  const world: EvidenceWorld = {
    state,
    nowMs,
    bslsByNamespace: groupByNamespace(bsls),
    deleteRequested: deleteRequestedBackups(state),
    defaultBackupLocation: ctx.defaultBackupLocation,
    validity: new Map(),
  };
  const coverageOptions = { csiFeatureEnabled: ctx.csiFeatureEnabled ?? true };

  const plansByNamespace = new Map<string, SchedulePlan[]>();
  const plansFor = (namespace: string) => {
    let list = plansByNamespace.get(namespace);
    if (!list) {
      list = plans.filter(
        p => namespaceScope(p.schedule.template, namespace) !== 'not-included',
      );
      plansByNamespace.set(namespace, list);
    }
    return list;
  };

  const unknownReasons = clusterUnknownReasons(state, ctx);
  const dataUploads = state.readability('DataUpload');
  const configMaps = state.readability('ConfigMap');
  const restoreKinds = (
    ['Restore', 'PodVolumeRestore', 'DataDownload'] as const
  ).map(kind => state.readability(kind));

  return function evaluate(key: ClaimKey): ClaimCoverage | undefined {
    const facts = gatherClaimFacts(state, key);
    if (!facts) return undefined;
    const { claim } = facts;
    const tier = resolveTier(
      ctx.tiers,
      facts.storageClassName,
      facts.storageClass?.tierLabel,
    );
    const capacityBytes = parseQuantity(claim.capacity);
    const base = {
      cluster: ctx.cluster,
      namespace: claim.namespace,
      name: claim.name,
      uid: claim.uid,
      ...(facts.storageClassName
        ? { storageClass: facts.storageClassName }
        : {}),
      tier: tier.name,
      ...(claim.capacity ? { capacity: claim.capacity } : {}),
      ...(capacityBytes !== undefined ? { capacityBytes } : {}),
      accessModes: claim.accessModes,
      volume: {
        ...(claim.volumeName ? { name: claim.volumeName } : {}),
        source: facts.source,
      },
      pods: [...new Set(facts.mounts.map(m => m.pod.name))],
      labels: claim.labels,
    };
    // Its own status: never part of the verdict.
    const restore = verifyRestores({
      namespace: claim.namespace,
      copies: state
        .restoreCopiesFor(key)
        .filter(c => !veleroNamespace || c.veleroNamespace === veleroNamespace),
      restoreOf: (namespace, name) => state.restore(namespace, name),
      tier: tier.tier,
      readability: restoreKinds,
      nowMs,
    });
    const result = (
      verdict: Verdict,
      found: Reason[],
      schedulesOut: CoveringSchedule[] = [],
      history?: VolumeHistory,
      backupStatus?: ClaimCoverage['backupStatus'],
    ): ClaimCoverage => ({
      ...base,
      verdict,
      ...(backupStatus ? { backupStatus } : {}),
      reasons: found,
      ...(history?.lastSuccess
        ? { lastSuccessfulBackup: history.lastSuccess.ref }
        : {}),
      ...(history?.lastAttempt ? { lastAttempt: history.lastAttempt.ref } : {}),
      schedules: schedulesOut,
      ...(restore ? { restore } : {}),
    });

    if (unknownReasons.length > 0) return result('unknown', unknownReasons);

    const covering: Covering[] = [];
    const notCovered: Reason[] = [];
    for (const plan of plansFor(claim.namespace)) {
      const coverage = scheduleCoverage(facts, plan, coverageOptions);
      if (coverage.kind === 'covered') {
        covering.push({ plan, method: coverage.method });
      } else if (coverage.kind === 'not-covered') {
        notCovered.push(...coverage.reasons);
      }
    }
    const schedulesOut: CoveringSchedule[] = covering.map(c => ({
      name: c.plan.schedule.name,
      cron: c.plan.schedule.cron,
      method: c.method,
      storageLocation: c.plan.location.name,
      ...(c.plan.schedule.owner ? { owner: c.plan.schedule.owner } : {}),
    }));
    const history = volumeHistory(world, key, claim, covering, veleroNamespace);

    const unreadable: Array<[ResourceKind, KindReadability]> = [];
    if (
      covering.some(c => c.method === 'data-mover') &&
      dataUploads.status !== 'readable'
    ) {
      unreadable.push(['DataUpload', dataUploads]);
    }
    if (plansFor(claim.namespace).some(p => p.policiesUnknown)) {
      unreadable.push(['ConfigMap', configMaps]);
    }
    if (unreadable.length > 0) {
      return result(
        'unknown',
        [reasons.veleroUnreadable(ctx.cluster, unreadable)],
        schedulesOut,
        history,
      );
    }

    const rpoSeconds =
      tier.tier?.rpoSeconds ?? ctx.defaultRpoSeconds ?? DEFAULT_RPO_SECONDS;
    const success = history.lastSuccess;
    const ageSeconds = success ? (nowMs - success.at) / 1000 : undefined;
    // RPO boundaries are inclusive: a copy exactly RPO old still counts.
    const withinRpo = ageSeconds !== undefined && ageSeconds <= rpoSeconds;

    const waiver = waiverStatus(claim, nowMs);
    const found: Reason[] = waiver.state === 'none' ? [] : [waiver.reason];
    found.push(...history.skew);
    let verdict: Verdict;
    let backupStatus: ClaimCoverage['backupStatus'];
    if (covering.length === 0 && !withinRpo) {
      const coverageReasons: Reason[] = [];
      if (facts.source === 'unbound')
        coverageReasons.push(reasons.volumeUnbound(claim.name, claim.phase));
      if (facts.source === 'hostPath') {
        coverageReasons.push(
          reasons.hostPathUnsupported(facts.localPath, facts.storageClassName),
        );
      }
      coverageReasons.push(...notCovered);
      if (notCovered.length === 0) {
        coverageReasons.push(
          reasons.noMatchingSchedule(claim.namespace, schedules.length),
        );
      }
      found.push(...dedupe(coverageReasons));
      verdict = 'unprotected';
    } else {
      if (covering.length === 0 && success) {
        // Evidence before prediction: the recorded copy wins.
        found.push(more.evidenceContradictsModel(success.ref.backup));
        found.push(
          ...(notCovered.length > 0
            ? notCovered
            : [reasons.noMatchingSchedule(claim.namespace, schedules.length)]),
        );
      }
      const failing = dedupe(failingReasons(state, claim, covering, history));
      found.push(...failing);
      let stale = false;
      if (!success) {
        const awaiting =
          history.discarded.length === 0
            ? awaitingFirstRun(claim, covering, history, nowMs)
            : undefined;
        if (awaiting) {
          found.push(awaiting);
          backupStatus = 'awaiting-first-backup';
        } else if (history.discarded.length === 0) {
          found.push(
            reasons.neverBackedUp(
              covering.map(c => c.plan.schedule.name),
              missedBy(state, claim, covering, history),
            ),
          );
          backupStatus = 'never-backed-up';
        }
        stale = true;
      } else if (!withinRpo) {
        found.push(
          reasons.staleBackup(
            success.ref,
            ageSeconds ?? 0,
            rpoSeconds,
            tier.name,
            missedBy(state, claim, covering, history),
          ),
        );
        stale = true;
      }
      if (stale || !success) found.push(...history.discarded.slice(0, 1));
      found.push(...ttlWarnings(covering, rpoSeconds));
      found.push(...foreignAttemptReasons(state, covering));
      if (failing.length > 0) verdict = 'failing';
      else verdict = stale ? 'stale' : 'protected';
    }
    const running = inProgressReason(history);
    if (running) found.push(running);
    if (waiver.state === 'active') verdict = 'waived';
    return result(verdict, dedupe(found), schedulesOut, history, backupStatus);
  };
}

/**
 * The coverage of one claim (`namespace/name`), or undefined when the state
 * has no such claim (e.g. it was just deleted).
 * @public
 */
export function evaluateClaim(
  state: ClusterState,
  key: ClaimKey,
  ctx: EvaluationContext,
): ClaimCoverage | undefined {
  return createClaimEvaluator(state, ctx)(key);
}

/**
 * The coverage of every claim in the state, in no particular order.
 * @public
 */
export function evaluateCluster(
  state: ClusterState,
  ctx: EvaluationContext,
): ClaimCoverage[] {
  const evaluate = createClaimEvaluator(state, ctx);
  const out: ClaimCoverage[] = [];
  for (const key of state.claimKeys()) {
    const coverage = evaluate(key);
    if (coverage) out.push(coverage);
  }
  return out;
}
