import Typography from '@material-ui/core/Typography';
import { WarningPanel } from '@backstage/core-components';
import type { ClusterStatus } from '@gitops-storage/plugin-storage-common';
import { CLUSTER_HEALTH_PROBLEM } from '../../lib/text';

/** Clusters whose data is missing or suspect, worst first. */
export function clustersWithProblems(
  clusters: readonly ClusterStatus[],
): ClusterStatus[] {
  return clusters.filter(
    c =>
      CLUSTER_HEALTH_PROBLEM[c.status] !== undefined ||
      (c.resources ?? []).some(r => r.status !== 'synced' && r.error),
  );
}

/** A cluster whose data could not be read at all (not just in part). */
export const isHardFailure = (c: ClusterStatus) =>
  c.status === 'forbidden' ||
  c.status === 'unreachable' ||
  c.status === 'error';

/**
 * Per-cluster read problems. A cluster we could not read is an error, not an
 * empty cluster: its volumes are missing from what is shown.
 */
export function ClusterProblems(props: { clusters: readonly ClusterStatus[] }) {
  const problems = clustersWithProblems(props.clusters);
  if (problems.length === 0) return null;
  const severe = problems.some(isHardFailure);
  return (
    <WarningPanel
      severity={severe ? 'error' : 'warning'}
      title={
        problems.length === 1
          ? `Cluster ${problems[0].name} ${
              CLUSTER_HEALTH_PROBLEM[problems[0].status] ??
              'could only be read in part'
            }`
          : `${problems.length} clusters could not be read completely`
      }
      defaultExpanded
    >
      <ul aria-label="Cluster problems">
        {problems.map(cluster => (
          <li key={cluster.name}>
            <Typography variant="body2">
              <strong>{cluster.name}</strong>{' '}
              {CLUSTER_HEALTH_PROBLEM[cluster.status] ??
                'could only be read in part'}
              {cluster.error ? `: ${cluster.error}` : '.'}
            </Typography>
            {(cluster.resources ?? [])
              .filter(r => r.status !== 'synced' && r.error)
              .map(r => (
                <Typography variant="body2" key={r.resource}>
                  {r.resource}: {r.error}
                </Typography>
              ))}
          </li>
        ))}
      </ul>
      <Typography variant="body2">
        Volumes in these clusters are missing or shown as unknown; they are not
        counted as protected.
      </Typography>
    </WarningPanel>
  );
}
