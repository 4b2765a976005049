import { InfoCard } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import Typography from '@material-ui/core/Typography';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import { makeStyles } from '@material-ui/core/styles';
import {
  VERDICT_SEVERITY,
  VERDICTS_WORST_FIRST,
  type ClaimCoverage,
} from '@gitops-storage/plugin-storage-common';
import {
  isStorageAvailable,
  STORAGE_ENTITY_ANNOTATIONS,
} from '../../annotations';
import { ApiErrorState } from '../common/ApiErrorState';
import { clustersWithProblems, isHardFailure } from '../common/ClusterProblems';
import { DataAge } from '../common/DataAge';
import { LoadingState } from '../common/LoadingState';
import { VerdictBadge } from '../common/VerdictBadge';
import { useEntityStorage } from '../EntityStorage/useEntityStorage';
import { sortWorstFirst } from '../EntityStorage/VolumesTable';
import { pluralize } from '../../lib/text';

const WORST_SHOWN = 3;
/** Verdicts that need someone to act: worse than waived. */
const needsAttention = (c: ClaimCoverage) =>
  VERDICT_SEVERITY[c.verdict] > VERDICT_SEVERITY.waived;

const useStyles = makeStyles(theme => ({
  counts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    listStyle: 'none',
    padding: 0,
    margin: theme.spacing(0, 0, 2),
  },
}));

function CardBody(props: { entity: Entity }) {
  const classes = useStyles();
  const storage = useEntityStorage(props.entity);
  if (storage.loading) return <LoadingState label="Loading storage…" />;
  if (storage.error) {
    return (
      <ApiErrorState error={storage.error} what="storage for this entity" />
    );
  }
  const { summary, claims, clusters } = storage.value!;
  const problems = clustersWithProblems(clusters);
  const unreadable = problems.filter(isHardFailure);
  const partlyRead = problems.filter(c => !isHardFailure(c));
  const worst = sortWorstFirst(claims.filter(needsAttention)).slice(
    0,
    WORST_SHOWN,
  );
  return (
    <>
      {unreadable.length > 0 && (
        <Typography variant="body2" color="error" role="alert" paragraph>
          Could not read {pluralize(unreadable.length, 'cluster')} (
          {unreadable.map(c => c.name).join(', ')}); their volumes are not
          counted.
        </Typography>
      )}
      {partlyRead.length > 0 && (
        <Typography variant="body2" role="status" paragraph>
          {partlyRead.map(c => c.name).join(', ')}{' '}
          {partlyRead.length === 1 ? 'was' : 'were'} only read in part; some
          verdicts may be unknown.
        </Typography>
      )}
      {summary.total === 0 ? (
        <Typography variant="body2">
          {unreadable.length > 0
            ? 'No volumes could be read.'
            : 'No volumes found for this entity.'}
        </Typography>
      ) : (
        <>
          <ul className={classes.counts} aria-label="Volumes by verdict">
            {VERDICTS_WORST_FIRST.filter(v => summary.byVerdict[v] > 0).map(
              v => (
                <li key={v}>
                  <VerdictBadge verdict={v} count={summary.byVerdict[v]} />
                </li>
              ),
            )}
          </ul>
          {worst.length === 0 ? (
            <Typography variant="body2">
              All {pluralize(summary.total, 'volume')} are protected or waived.
            </Typography>
          ) : (
            <>
              <Typography variant="subtitle2" component="h3">
                Needs attention
              </Typography>
              <List dense aria-label="Volumes that need attention">
                {worst.map(c => (
                  <ListItem key={c.uid} disableGutters>
                    <ListItemText
                      primary={
                        <>
                          <VerdictBadge
                            verdict={c.verdict}
                            backupStatus={c.backupStatus}
                          />{' '}
                          {c.namespace}/{c.name}
                        </>
                      }
                      secondary={c.reasons[0]?.message}
                      secondaryTypographyProps={{
                        style: { whiteSpace: 'normal' },
                      }}
                    />
                  </ListItem>
                ))}
              </List>
            </>
          )}
        </>
      )}
      <DataAge clusters={clusters} />
    </>
  );
}

/** Overview card: volumes per verdict and the worst volumes. */
export function EntityStorageCard() {
  const { entity } = useEntity();
  const entityRoute = useRouteRef(entityRouteRef);
  const tabLink = `${entityRoute(entityRouteParams(entity))}/storage`;
  const available = isStorageAvailable(entity);
  return (
    <InfoCard
      title="Storage"
      subheader="Volumes and backup health"
      deepLink={
        available ? { title: 'View storage', link: tabLink } : undefined
      }
    >
      {available ? (
        <CardBody entity={entity} />
      ) : (
        <Typography variant="body2">
          Add the {STORAGE_ENTITY_ANNOTATIONS.join(' or ')} annotation to see
          this entity's volumes.
        </Typography>
      )}
    </InfoCard>
  );
}
