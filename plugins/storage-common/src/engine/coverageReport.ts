import type {
  BackupStorageLocationStatus,
  ClaimCoverage,
  ClusterStatus,
  CoverageReport,
} from '../model';
import type { ClusterState } from '../state/ClusterState';
import {
  backupStorageLocationStatuses,
  describeClusterStatus,
} from './clusterReport';
import type { EvaluationContext } from './context';
import { evaluateCluster } from './evaluateClaim';
import { compareWorstFirst, summarize } from './summarize';

/** One cluster's part of a report. @public */
export interface ClusterCoverage {
  status: ClusterStatus;
  claims: ClaimCoverage[];
  backupStorageLocations: BackupStorageLocationStatus[];
}

/** Evaluate one cluster for a report. @public */
export function evaluateClusterCoverage(
  state: ClusterState,
  ctx: EvaluationContext,
  source: ClusterStatus['source'],
): ClusterCoverage {
  return {
    status: describeClusterStatus(state, ctx.cluster, source),
    claims: evaluateCluster(state, ctx),
    backupStorageLocations: backupStorageLocationStatuses(
      state,
      ctx.cluster,
      ctx.veleroNamespace,
    ),
  };
}

/**
 * The report `backstage-storage coverage --format json` prints: every claim
 * worst first, clusters in the given order, and the summary.
 * @public
 */
export function buildCoverageReport(
  clusters: ClusterCoverage[],
  generatedAt: Date,
): CoverageReport {
  const claims = clusters.flatMap(c => c.claims).sort(compareWorstFirst);
  return {
    generatedAt: generatedAt.toISOString(),
    clusters: clusters.map(({ status }) => ({
      name: status.name,
      status: status.status,
      ...(status.error ? { error: status.error } : {}),
    })),
    claims,
    summary: summarize(claims),
    backupStorageLocations: clusters.flatMap(c => c.backupStorageLocations),
  };
}
