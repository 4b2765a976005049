import { useState } from 'react';
import { EmptyState, InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef, type Entity } from '@backstage/catalog-model';
import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import type {
  EntityHistoryResponse,
  HistoryTransition,
  VolumeSince,
} from '@gitops-storage/plugin-storage-common';
import { storageApiRef } from '../../api';
import { formatTimestamp } from '../../lib/format';
import { VERDICT_LABEL } from '../../lib/text';
import { ApiErrorState } from '../common/ApiErrorState';
import { LoadingState } from '../common/LoadingState';
import { RelativeTime } from '../common/RelativeTime';
import { VerdictBadge } from '../common/VerdictBadge';
import { DemoDataLabel } from '../CoverageTrend/DemoDataLabel';
import { VolumeTimeline } from './VolumeTimeline';

export const ENTITY_HISTORY_WINDOWS = [30, 90] as const;

/** "Protected since", "Failing since": a verdict and when it began. */
export function sinceLabel(volume: VolumeSince): string {
  return `${VERDICT_LABEL[volume.verdict]} since`;
}

function describeTransition(t: HistoryTransition): string {
  const volume = `${t.volume.namespace}/${t.volume.name}`;
  if (t.from === null && t.to)
    return `${volume} first seen: ${VERDICT_LABEL[t.to]}`;
  if (t.to === null) return `${volume} deleted`;
  return `${volume}: ${t.from ? VERDICT_LABEL[t.from] : '–'} → ${
    VERDICT_LABEL[t.to]
  }`;
}

function HistoryContent(props: { data: EntityHistoryResponse; days: number }) {
  const { data, days } = props;
  const end = Date.now();
  const start = end - days * 86_400_000;
  const changes = data.transitions.slice(-10).reverse();
  return (
    <>
      <Table size="small" aria-label="Volume history">
        <TableHead>
          <TableRow>
            <TableCell>Volume</TableCell>
            <TableCell>Verdict</TableCell>
            <TableCell>Since</TableCell>
            <TableCell style={{ width: '40%' }}>Last {days} days</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.volumes.map(v => (
            <TableRow key={`${v.cluster}/${v.namespace}/${v.name}/${v.uid}`}>
              <TableCell>
                {v.namespace}/{v.name}
                <Typography
                  variant="caption"
                  display="block"
                  color="textSecondary"
                >
                  {v.cluster}
                </Typography>
              </TableCell>
              <TableCell>
                <VerdictBadge verdict={v.verdict} />
              </TableCell>
              <TableCell>
                {sinceLabel(v)} <RelativeTime time={v.since} />
                <Typography
                  variant="caption"
                  display="block"
                  color="textSecondary"
                >
                  {formatTimestamp(v.since)}
                </Typography>
              </TableCell>
              <TableCell>
                <VolumeTimeline
                  volume={v}
                  transitions={data.transitions}
                  start={start}
                  end={end}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {changes.length > 0 && (
        <>
          <Typography variant="subtitle2" style={{ marginTop: 16 }}>
            Latest changes
          </Typography>
          <ul
            aria-label="Latest changes"
            style={{ margin: 0, paddingLeft: 20 }}
          >
            {changes.map(t => (
              <li key={`${t.volume.uid}/${t.at}/${t.to}`}>
                <Typography variant="body2" component="span">
                  <time dateTime={t.at}>{formatTimestamp(t.at)}</time>:{' '}
                  {describeTransition(t)}
                  {t.reasons.length > 0 &&
                    ` (${t.reasons.map(r => r.code).join(', ')})`}
                </Typography>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/**
 * The entity tab's history: each volume's verdict and since when it holds,
 * a small timeline per volume and the latest changes.
 */
export function EntityHistoryCard(props: { entity: Entity }) {
  const api = useApi(storageApiRef);
  const [days, setDays] = useState<number>(ENTITY_HISTORY_WINDOWS[0]);
  const ref = getCompoundEntityRef(props.entity);
  // As the entity route: kind and namespace in lower case.
  const kind = ref.kind.toLocaleLowerCase('en-US');
  const namespace = ref.namespace.toLocaleLowerCase('en-US');
  const history = useAsync(
    () => api.getEntityHistory({ kind, namespace, name: ref.name }, { days }),
    [api, kind, namespace, ref.name, days],
  );
  const data = history.value;
  let content;
  if (history.error) {
    content = (
      <ApiErrorState error={history.error} what="the storage history" />
    );
  } else if (!data) {
    content = <LoadingState label="Loading the storage history…" />;
  } else if (data.volumes.length === 0 && data.transitions.length === 0) {
    content = (
      <EmptyState
        missing="data"
        title="No history yet"
        description="History starts when the plugin is installed: each volume's verdict is recorded every few minutes from then on."
      />
    );
  } else {
    content = <HistoryContent data={data} days={days} />;
  }
  return (
    <InfoCard
      title={
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
          History
          {data?.demo && <DemoDataLabel />}
        </span>
      }
      action={
        <ButtonGroup size="small" aria-label="History window">
          {ENTITY_HISTORY_WINDOWS.map(n => (
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
      }
    >
      {content}
    </InfoCard>
  );
}
