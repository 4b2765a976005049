import { EmptyState, InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import Grid from '@material-ui/core/Grid';
import useAsync from 'react-use/esm/useAsync';
import { isStorageAvailable } from '../../annotations';
import { storageApiRef } from '../../api';
import { ApiErrorState } from '../common/ApiErrorState';
import {
  ClusterProblems,
  clustersWithProblems,
} from '../common/ClusterProblems';
import { DataAge } from '../common/DataAge';
import { LoadingState } from '../common/LoadingState';
import { MissingAnnotations } from './MissingAnnotations';
import { StorageSummary } from './StorageSummary';
import { useEntityStorage } from './useEntityStorage';
import { VolumesTable } from './VolumesTable';
import { EntityHistoryCard } from '../VolumeTimeline';

function NoVolumes(props: { clustersFailed: boolean }) {
  if (props.clustersFailed) {
    // The clusters' errors are shown above: do not claim there are no volumes.
    return (
      <EmptyState
        missing="data"
        title="No volumes could be read"
        description="Volumes in the clusters listed above could not be read, so this entity may have volumes that are not shown."
      />
    );
  }
  return (
    <EmptyState
      missing="data"
      title="No volumes found"
      description="None of this entity's pods mount a PersistentVolumeClaim, and no claim matches its selector. Check the backstage.io/kubernetes-* annotations if you expected volumes here."
    />
  );
}

/** The Storage tab's content for a given entity. */
export function EntityStorageView(props: { entity: Entity }) {
  const { entity } = props;
  const available = isStorageAvailable(entity);
  if (!available) return <MissingAnnotations />;
  return <EntityStorageLoaded entity={entity} />;
}

function EntityStorageLoaded(props: { entity: Entity }) {
  const api = useApi(storageApiRef);
  const storage = useEntityStorage(props.entity);
  // Tiers only add the RPO comparison; the tab works without them.
  const tiers = useAsync(() => api.getTiers(), [api]);

  if (storage.loading) return <LoadingState label="Loading storage…" />;
  if (storage.error) {
    return (
      <ApiErrorState error={storage.error} what="storage for this entity" />
    );
  }
  const data = storage.value!;
  const clustersFailed = clustersWithProblems(data.clusters).length > 0;
  return (
    <Grid container spacing={3}>
      {clustersFailed && (
        <Grid item xs={12}>
          <ClusterProblems clusters={data.clusters} />
        </Grid>
      )}
      <Grid item xs={12}>
        <InfoCard title="Storage summary">
          <StorageSummary
            summary={data.summary}
            claims={data.claims}
            tiers={tiers.value?.tiers}
          />
          <DataAge clusters={data.clusters} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        {data.claims.length > 0 ? (
          <VolumesTable
            claims={data.claims}
            service={props.entity.metadata.name}
          />
        ) : (
          <NoVolumes clustersFailed={clustersFailed} />
        )}
      </Grid>
      <Grid item xs={12}>
        <EntityHistoryCard entity={props.entity} />
      </Grid>
    </Grid>
  );
}

/** The Storage tab of a catalog entity (reads the entity from context). */
export function EntityStorageContent() {
  const { entity } = useEntity();
  return <EntityStorageView entity={entity} />;
}
