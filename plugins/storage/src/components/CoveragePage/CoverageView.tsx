import { useEffect, useMemo } from 'react';
import { EmptyState, InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import {
  UNCLASSIFIED_TIER,
  type CoverageResponse,
} from '@gitops-storage/plugin-storage-common';
import { storageApiRef } from '../../api';
import { coverageQueryToSearchParams } from '../../api/coverageQuery';
import { ApiErrorState } from '../common/ApiErrorState';
import {
  ClusterProblems,
  clustersWithProblems,
} from '../common/ClusterProblems';
import { DataAge } from '../common/DataAge';
import { LoadingState } from '../common/LoadingState';
import { RelativeTime } from '../common/RelativeTime';
import {
  hasFilters,
  queryForPage,
  type CoverageFilters as Filters,
} from '../../lib/coverageViewState';
import type { GroupBy } from '../../lib/grouping';
import { BslStatus } from './BslStatus';
import { CoverageFilters, GroupBySelect } from './CoverageFilters';
import { CoverageTable } from './CoverageTable';
import { CsvExportButton } from './CsvExportButton';
import { SummaryTiles } from './SummaryTiles';
import { useCoverageViewState } from './useCoverageViewState';
import { VerdictsByTierChart } from './VerdictsByTierChart';
import { CoverageTrend, trendFiltersOf } from '../CoverageTrend';

const sortedUnique = (values: Iterable<string>) =>
  [...new Set(values)].sort((a, b) => a.localeCompare(b));

/** Filter choices: what the backend knows, plus anything already selected. */
function useFilterOptions(
  data: CoverageResponse | undefined,
  filters: Filters,
) {
  const api = useApi(storageApiRef);
  const tiers = useAsync(() => api.getTiers(), [api]);
  const clusters = useAsync(() => api.getClusters(), [api]);
  return useMemo(
    () => ({
      tiers: sortedUnique([
        ...(tiers.value?.tiers.map(t => t.name) ?? []),
        UNCLASSIFIED_TIER,
        ...Object.keys(data?.summary.byTier ?? {}),
        ...(filters.tier ?? []),
      ]),
      clusters: sortedUnique([
        ...(clusters.value?.clusters.map(c => c.name) ?? []),
        ...(data?.clusters.map(c => c.name) ?? []),
        ...(filters.cluster ?? []),
      ]),
      owners: sortedUnique([
        ...(data?.rows.flatMap(r => r.owners) ?? []),
        ...(filters.owner ?? []),
      ]),
    }),
    [tiers.value, clusters.value, data, filters],
  );
}

/** Filters that show one group of the table across all pages. */
function filtersForGroup(
  filters: Filters,
  groupBy: GroupBy,
  key: string,
): Filters {
  if (groupBy === 'owner') return { ...filters, owner: [key] };
  if (groupBy === 'cluster') return { ...filters, cluster: [key] };
  const slash = key.indexOf('/');
  return {
    ...filters,
    cluster: [key.slice(0, slash)],
    namespace: [key.slice(slash + 1)],
  };
}

/**
 * The platform team's view of backup coverage across the fleet: totals,
 * storage locations, verdicts by tier and every volume, worst first.
 */
export function CoverageView() {
  const api = useApi(storageApiRef);
  const [state, update] = useCoverageViewState();
  const query = queryForPage(state);
  const queryKey = coverageQueryToSearchParams(query).toString();
  // `query` is rebuilt each render; `queryKey` says when it really changed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const coverage = useAsync(() => api.getCoverage(query), [api, queryKey]);
  const data = coverage.value;
  const options = useFilterOptions(data, state.filters);

  // A page beyond the end (an old link, fewer rows now): go to the last page.
  useEffect(() => {
    if (data && data.totalRows > 0 && data.offset >= data.totalRows) {
      update({ page: Math.ceil(data.totalRows / state.pageSize) - 1 });
    }
  }, [data, state.pageSize, update]);

  const filters = (
    <CoverageFilters
      filters={state.filters}
      options={options}
      onFiltersChange={f => update({ filters: f })}
    />
  );

  if (coverage.error) {
    return (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          {filters}
        </Grid>
        <Grid item xs={12}>
          <ApiErrorState error={coverage.error} what="the coverage report" />
        </Grid>
      </Grid>
    );
  }
  if (!data) {
    return (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          {filters}
        </Grid>
        <Grid item xs={12}>
          <LoadingState label="Loading the coverage report…" />
        </Grid>
      </Grid>
    );
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        {filters}
      </Grid>
      {clustersWithProblems(data.clusters).length > 0 && (
        <Grid item xs={12}>
          <ClusterProblems clusters={data.clusters} />
        </Grid>
      )}
      <Grid item xs={12}>
        <SummaryTiles
          summary={data.summary}
          selectedVerdicts={state.filters.verdict}
          onSelectVerdict={verdict =>
            update({ filters: { ...state.filters, verdict: [verdict] } })
          }
        />
        <Typography variant="caption" color="textSecondary">
          {hasFilters(state.filters)
            ? 'Totals of the volumes that match the filters. '
            : 'Totals of every volume in the clusters that could be read. '}
          Report generated <RelativeTime time={data.generatedAt} /> from data
          each cluster last confirmed:
        </Typography>
        <DataAge clusters={data.clusters} />
      </Grid>
      <Grid item xs={12} md={6}>
        <BslStatus
          locations={data.backupStorageLocations}
          clusters={data.clusters}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <VerdictsByTierChart byTier={data.summary.byTier} />
      </Grid>
      <Grid item xs={12}>
        <CoverageTrend {...trendFiltersOf(state.filters)} />
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title="Volumes"
          subheader={`${data.totalRows.toLocaleString('en-US')} ${
            data.totalRows === 1 ? 'volume matches' : 'volumes match'
          }, worst first`}
          action={
            <span style={{ display: 'inline-flex', gap: 16, flexWrap: 'wrap' }}>
              <GroupBySelect
                value={state.groupBy}
                onChange={groupBy => update({ groupBy })}
              />
              <CsvExportButton filters={state.filters} />
            </span>
          }
          noPadding
        >
          {data.rows.length === 0 ? (
            <EmptyState
              missing="data"
              title={
                hasFilters(state.filters)
                  ? 'No volumes match these filters'
                  : 'No volumes found'
              }
              description={
                hasFilters(state.filters)
                  ? 'Change or clear the filters to see more volumes.'
                  : 'No PersistentVolumeClaims were found in the clusters that could be read.'
              }
            />
          ) : (
            <CoverageTable
              rows={data.rows}
              groupBy={state.groupBy}
              totalRows={data.totalRows}
              page={state.page}
              pageSize={state.pageSize}
              loading={coverage.loading}
              onPageChange={page => update({ page })}
              onPageSizeChange={pageSize => update({ pageSize })}
              onShowGroup={(groupBy, key) =>
                update({
                  filters: filtersForGroup(state.filters, groupBy, key),
                })
              }
            />
          )}
        </InfoCard>
      </Grid>
    </Grid>
  );
}
