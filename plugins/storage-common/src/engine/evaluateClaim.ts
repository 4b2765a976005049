import { parseQuantity } from '../kube/quantity';
import type {
  ClaimCoverage,
  CoveringSchedule,
  Reason,
  Verdict,
} from '../model';
import type { ClusterState } from '../state/ClusterState';
import type {
  ClaimKey,
  ProjectedBsl,
  ProjectedSchedule,
} from '../state/projections';
import { resolveTier } from '../tiers/resolveTier';
import { namespaceScope } from '../velero/namespaceGlob';
import {
  volumeHistory,
  type Covering,
  type VolumeHistory,
} from './backupHistory';
import { failingReasons, inProgressReason, missedBy } from './backupHealth';
import { gatherClaimFacts } from './claimFacts';
import { clusterUnknownReasons } from './clusterReadability';
import { DEFAULT_RPO_SECONDS, type EvaluationContext } from './context';
import * as reasons from './messages';
import { scheduleCoverage } from './scheduleCoverage';
import { waiverStatus } from './waiver';

/** Evaluates claims of one state in one context; reuse it for a batch. @public */
export type ClaimEvaluator = (key: ClaimKey) => ClaimCoverage | undefined;

function objectKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
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
  const inVeleroNamespace = (namespace: string) =>
    veleroNamespace === undefined || namespace === veleroNamespace;

  const schedules = [...state.schedules()]
    .filter(s => inVeleroNamespace(s.namespace))
    .sort(
      (a, b) =>
        a.name.localeCompare(b.name) || a.namespace.localeCompare(b.namespace),
    );

  const bsls = new Map<string, ProjectedBsl>();
  const defaultBsl = new Map<string, string>();
  for (const bsl of [...state.backupStorageLocations()].sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    bsls.set(objectKey(bsl.namespace, bsl.name), bsl);
    if (bsl.default && !defaultBsl.has(bsl.namespace))
      defaultBsl.set(bsl.namespace, bsl.name);
  }

  // The effective FSB default: the template's, else what the server wrote
  // into the schedule's latest Backup, else the configured server default.
  const fsDefault = new Map<ProjectedSchedule, boolean>();
  for (const schedule of schedules) {
    const latest = state.backupsOfSchedule(
      schedule.namespace,
      schedule.name,
    )[0];
    fsDefault.set(
      schedule,
      schedule.template.defaultVolumesToFsBackup ??
        latest?.scope.defaultVolumesToFsBackup ??
        ctx.defaultVolumesToFsBackup ??
        false,
    );
  }

  const schedulesByNamespace = new Map<string, ProjectedSchedule[]>();
  const schedulesFor = (namespace: string) => {
    let list = schedulesByNamespace.get(namespace);
    if (!list) {
      list = schedules.filter(
        s => namespaceScope(s.template, namespace) !== 'not-included',
      );
      schedulesByNamespace.set(namespace, list);
    }
    return list;
  };

  const unknownReasons = clusterUnknownReasons(state, ctx);
  const dataUploads = state.readability('DataUpload');

  function storageLocationOf(schedule: ProjectedSchedule): string | undefined {
    return (
      schedule.template.storageLocation ?? defaultBsl.get(schedule.namespace)
    );
  }

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
    const result = (
      verdict: Verdict,
      found: Reason[],
      schedulesOut: CoveringSchedule[] = [],
      history?: VolumeHistory,
    ): ClaimCoverage => ({
      ...base,
      verdict,
      reasons: found,
      ...(history?.lastSuccess
        ? { lastSuccessfulBackup: history.lastSuccess.ref }
        : {}),
      ...(history?.lastAttempt ? { lastAttempt: history.lastAttempt.ref } : {}),
      schedules: schedulesOut,
    });

    if (unknownReasons.length > 0) return result('unknown', unknownReasons);

    const covering: Covering[] = [];
    const notCovered: Reason[] = [];
    for (const schedule of schedulesFor(claim.namespace)) {
      const coverage = scheduleCoverage(
        facts,
        schedule,
        fsDefault.get(schedule) ?? false,
      );
      if (coverage.kind === 'covered') {
        covering.push({
          schedule,
          method: coverage.method,
          storageLocation: storageLocationOf(schedule),
        });
      } else if (coverage.kind === 'not-covered') {
        notCovered.push(...coverage.reasons);
      }
    }
    const schedulesOut: CoveringSchedule[] = covering.map(c => ({
      name: c.schedule.name,
      cron: c.schedule.cron,
      method: c.method,
      ...(c.storageLocation ? { storageLocation: c.storageLocation } : {}),
    }));
    const history = volumeHistory(state, key, covering, veleroNamespace);

    if (
      covering.some(c => c.method === 'data-mover') &&
      dataUploads.status !== 'readable'
    ) {
      return result(
        'unknown',
        [reasons.veleroUnreadable(ctx.cluster, [['DataUpload', dataUploads]])],
        schedulesOut,
        history,
      );
    }

    const waiver = waiverStatus(claim, nowMs);
    const found: Reason[] = waiver.state === 'none' ? [] : [waiver.reason];
    let verdict: Verdict;
    if (covering.length === 0) {
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
      const failing = dedupe(
        failingReasons({ state, bsls }, claim, covering, history),
      );
      found.push(...failing);
      const rpoSeconds =
        tier.tier?.rpoSeconds ?? ctx.defaultRpoSeconds ?? DEFAULT_RPO_SECONDS;
      let stale = false;
      if (!history.lastSuccess) {
        found.push(
          reasons.neverBackedUp(
            covering.map(c => c.schedule.name),
            missedBy(state, claim, covering, history),
          ),
        );
        stale = true;
      } else {
        const ageSeconds = (nowMs - history.lastSuccess.at) / 1000;
        if (ageSeconds > rpoSeconds) {
          found.push(
            reasons.staleBackup(
              history.lastSuccess.ref,
              ageSeconds,
              rpoSeconds,
              tier.name,
              missedBy(state, claim, covering, history),
            ),
          );
          stale = true;
        }
      }
      if (failing.length > 0) verdict = 'failing';
      else verdict = stale ? 'stale' : 'protected';
    }
    const running = inProgressReason(history);
    if (running) found.push(running);
    if (waiver.state === 'active') verdict = 'waived';
    return result(verdict, found, schedulesOut, history);
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
