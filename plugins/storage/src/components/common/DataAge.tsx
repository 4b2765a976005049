import Typography from '@material-ui/core/Typography';
import type { ClusterStatus } from '@gitops-storage/plugin-storage-common';
import { clusterConfirmedAt, isDataStale } from '../../lib/dataAge';
import { formatAge, formatTimestamp } from '../../lib/format';

/** A cluster with no confirmation yet: live and unread, or of unknown age. */
function neverReadText(stale: boolean): string {
  return stale ? 'not read yet' : 'age unknown';
}

/**
 * How old each cluster's data is ("prod: last confirmed 3 minutes ago"),
 * from when the backend last confirmed it, never from when the page or the
 * report was made: a cluster that stopped answering an hour ago reads "an
 * hour ago", not "just now".
 */
export function DataAge(props: {
  clusters: readonly ClusterStatus[];
  now?: number;
}) {
  const now = props.now ?? Date.now();
  if (props.clusters.length === 0) return null;
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      component="p"
      aria-label="Data age by cluster"
    >
      {props.clusters.map((cluster, i) => {
        const at = clusterConfirmedAt(cluster);
        const stale = isDataStale(cluster, now);
        return (
          <span key={cluster.name}>
            {i > 0 && ' · '}
            {cluster.name}:{' '}
            {at ? (
              <>
                last confirmed{' '}
                <time dateTime={at} title={formatTimestamp(at)}>
                  {formatAge(at, now)}
                </time>
              </>
            ) : (
              neverReadText(stale)
            )}
            {stale && (
              <Typography component="span" variant="caption" color="error">
                {' '}
                (too old: its volumes are unknown)
              </Typography>
            )}
          </span>
        );
      })}
    </Typography>
  );
}
