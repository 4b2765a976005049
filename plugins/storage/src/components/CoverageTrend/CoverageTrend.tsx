import { useState } from 'react';
import { EmptyState, InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import type {
  CoverageQuery,
  HistoryPoint,
} from '@gitops-storage/plugin-storage-common';
import { storageApiRef } from '../../api';
import { protectedShare } from '../../lib/summary';
import { ApiErrorState } from '../common/ApiErrorState';
import { LoadingState } from '../common/LoadingState';
import { DemoDataLabel } from './DemoDataLabel';
import { formatShare, TrendChart } from './TrendChart';

export const TREND_WINDOWS = [30, 90, 365] as const;

/** The filters of the coverage table that history can apply. */
export interface TrendFilters {
  cluster?: string[];
  tier?: string[];
  owner?: string[];
}

/**
 * The trend's filters from the coverage page's: cluster, tier and owner
 * apply; the others are named as not applied.
 */
export function trendFiltersOf(
  filters: CoverageQuery & Record<string, unknown>,
): {
  filters: TrendFilters;
  ignoredFilters: string[];
} {
  const ignoredFilters = Object.entries(filters)
    .filter(
      ([name, value]) =>
        !['cluster', 'tier', 'owner', 'offset', 'limit'].includes(name) &&
        (Array.isArray(value) ? value.length > 0 : Boolean(value)),
    )
    .map(([name]) => name);
  return {
    filters: {
      cluster: filters.cluster,
      tier: filters.tier,
      owner: filters.owner,
    },
    ignoredFilters,
  };
}

/** "Protected share 26.6% on 2026-12-02, from 20% on 2026-11-04." */
export function describeTrend(series: readonly HistoryPoint[]): string {
  const last = series[series.length - 1];
  const first = series[0];
  const now = `Protected share ${formatShare(protectedShare(last))} on ${
    last.date
  } (${last.total.toLocaleString('en-US')} volumes)`;
  if (first === last) return `${now}.`;
  return `${now}, from ${formatShare(protectedShare(first))} on ${first.date}.`;
}

/**
 * The coverage page's trend: the protected share and volumes by verdict
 * over the last 30, 90 or 365 days, with the table's cluster, tier and
 * owner filters (history keeps no namespaces, reasons or restore state).
 */
export function CoverageTrend(props: {
  filters: TrendFilters;
  /** Filters set on the table that history cannot apply (named in the card). */
  ignoredFilters?: string[];
}) {
  const api = useApi(storageApiRef);
  const [days, setDays] = useState<number>(TREND_WINDOWS[0]);
  const { cluster, tier, owner } = props.filters;
  const key = JSON.stringify([days, cluster, tier, owner]);
  const history = useAsync(
    () => api.getHistory({ days, cluster, tier, owner }),
    // `key` says when the filters really changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key],
  );
  const today = new Date().toISOString().slice(0, 10);
  const windowButtons = (
    <ButtonGroup size="small" aria-label="Trend window">
      {TREND_WINDOWS.map(n => (
        <Button
          key={n}
          variant={n === days ? 'contained' : 'outlined'}
          aria-pressed={n === days}
          onClick={() => setDays(n)}
        >
          {n} days
        </Button>
      ))}
    </ButtonGroup>
  );
  const data = history.value;
  let content;
  if (history.error) {
    content = (
      <ApiErrorState error={history.error} what="the coverage history" />
    );
  } else if (!data) {
    content = <LoadingState label="Loading the coverage history…" />;
  } else if (data.series.length === 0) {
    content = (
      <EmptyState
        missing="data"
        title="No history yet"
        description="History starts when the plugin is installed: the backend records every volume's verdict every few minutes, and the first day appears after its first recording."
      />
    );
  } else {
    const shownDays = Math.min(
      days,
      Math.max(1, Math.floor(data.retentionDays)),
    );
    content = (
      <>
        <Typography variant="body2" gutterBottom>
          {describeTrend(data.series)}
          {shownDays < days && ` History is kept for ${shownDays} days.`}
        </Typography>
        <TrendChart series={data.series} lastDay={today} days={shownDays} />
      </>
    );
  }
  return (
    <InfoCard
      title={
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
          Coverage over time
          {data?.demo && <DemoDataLabel />}
        </span>
      }
      subheader={
        props.ignoredFilters?.length
          ? `Cluster, tier and owner filters apply; ${props.ignoredFilters.join(
              ', ',
            )} do not (history does not keep them).`
          : 'End of each day (UTC); today is the latest recording.'
      }
      action={windowButtons}
    >
      {content}
    </InfoCard>
  );
}
