import { Table, type TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import {
  VERDICT_SEVERITY,
  type ClaimCoverage,
} from '@gitops-storage/plugin-storage-common';
import { VerdictBadge } from '../common/VerdictBadge';
import { ReasonList } from '../common/ReasonList';
import { RelativeTime } from '../common/RelativeTime';
import { AccessModes } from '../common/AccessModes';
import { FixTemplateLink } from '../common/FixTemplateLink';
import { RestoreVerification } from '../common/RestoreVerification';
import { scheduleOwnerText } from '../../lib/scheduleOwnerText';
import { ATTEMPT_OUTCOME_LABEL, VOLUME_SOURCE_LABEL } from '../../lib/text';

/** Worst verdict first, then by place and name, for a stable order. */
export function sortWorstFirst<T extends ClaimCoverage>(claims: readonly T[]) {
  return [...claims].sort(
    (a, b) =>
      VERDICT_SEVERITY[b.verdict] - VERDICT_SEVERITY[a.verdict] ||
      a.cluster.localeCompare(b.cluster) ||
      a.namespace.localeCompare(b.namespace) ||
      a.name.localeCompare(b.name),
  );
}

/**
 * The last Backup that should have included the volume, with what it did
 * for this volume (not the Backup's own phase, which can read Completed for
 * a Backup that skipped it).
 */
export function LastAttempt(props: { claim: ClaimCoverage }) {
  const attempt = props.claim.lastAttempt;
  if (!attempt) return <>never</>;
  const outcome = attempt.outcome
    ? ATTEMPT_OUTCOME_LABEL[attempt.outcome]
    : attempt.phase;
  const backupPhase =
    attempt.outcome &&
    attempt.outcome !== 'in-progress' &&
    outcome !== attempt.phase
      ? ` (Backup ${attempt.backup}: ${attempt.phase})`
      : '';
  return (
    <>
      {outcome}
      {backupPhase} <RelativeTime time={attempt.time} />
      {attempt.message && (
        <Typography variant="caption" component="div">
          {attempt.message}
        </Typography>
      )}
    </>
  );
}

const nowrap = { whiteSpace: 'nowrap' } as const;
const top = { verticalAlign: 'top' } as const;

function columns(service?: string): TableColumn<ClaimCoverage>[] {
  return [
    {
      title: 'Volume',
      field: 'name',
      highlight: true,
      cellStyle: top,
      render: c => (
        <>
          <Typography variant="body2" component="div">
            <strong>{c.name}</strong>
          </Typography>
          <Typography variant="caption" component="div" style={nowrap}>
            {c.cluster} / {c.namespace}
          </Typography>
          {c.pods && c.pods.length > 0 && (
            <Typography variant="caption" component="div">
              mounted by {c.pods.join(', ')}
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'Capacity',
      field: 'capacity',
      cellStyle: { ...top, ...nowrap },
      customSort: (a, b) => (a.capacityBytes ?? 0) - (b.capacityBytes ?? 0),
      render: c => (
        <>
          {c.capacity ?? '—'}
          <Typography variant="caption" component="div">
            <AccessModes modes={c.accessModes} />
          </Typography>
        </>
      ),
    },
    {
      title: 'Class → tier',
      field: 'tier',
      cellStyle: top,
      render: c => (
        <>
          <span style={nowrap}>{c.storageClass ?? '(no class)'}</span> →{' '}
          <span style={nowrap}>{c.tier}</span>
          <Typography variant="caption" component="div" style={nowrap}>
            {VOLUME_SOURCE_LABEL[c.volume.source]}
          </Typography>
        </>
      ),
    },
    {
      title: 'Backup verdict',
      field: 'verdict',
      width: '40%',
      cellStyle: top,
      customSort: (a, b) =>
        VERDICT_SEVERITY[b.verdict] - VERDICT_SEVERITY[a.verdict],
      render: c => (
        <>
          <VerdictBadge verdict={c.verdict} backupStatus={c.backupStatus} />
          <ReasonList reasons={c.reasons} />
          <FixTemplateLink claim={c} service={service} />
        </>
      ),
    },
    {
      title: 'Schedules',
      sorting: false,
      cellStyle: top,
      render: c =>
        c.schedules.length === 0 ? (
          'none'
        ) : (
          <ul style={{ margin: 0, paddingLeft: 16 }}>
            {c.schedules.map(s => (
              <li key={s.name}>
                {s.name}
                <Typography variant="caption" component="div" style={nowrap}>
                  {s.cron} · {s.method}
                </Typography>
                {s.owner && (
                  <Typography variant="caption" component="div">
                    {scheduleOwnerText(s.owner)}
                  </Typography>
                )}
              </li>
            ))}
          </ul>
        ),
    },
    {
      title: 'Last backup',
      cellStyle: top,
      customSort: (a, b) =>
        (a.lastSuccessfulBackup?.time ?? '').localeCompare(
          b.lastSuccessfulBackup?.time ?? '',
        ),
      render: c => (
        <>
          <Typography variant="body2" component="div" style={nowrap}>
            Success:{' '}
            {c.lastSuccessfulBackup ? (
              <RelativeTime time={c.lastSuccessfulBackup.time} />
            ) : (
              'never'
            )}
          </Typography>
          <Typography variant="caption" component="div">
            Last attempt: <LastAttempt claim={c} />
          </Typography>
        </>
      ),
    },
    {
      title: 'Restore test',
      cellStyle: top,
      customSort: (a, b) =>
        (a.restore?.lastSuccessfulRestore?.time ?? '').localeCompare(
          b.restore?.lastSuccessfulRestore?.time ?? '',
        ),
      render: c => <RestoreVerification restore={c.restore} />,
    },
  ];
}

/** An entity's volumes, worst first, with the reasons behind each verdict. */
export function VolumesTable(props: {
  claims: readonly ClaimCoverage[];
  service?: string;
}) {
  const data = sortWorstFirst(props.claims);
  return (
    <Table<ClaimCoverage>
      title="Volumes"
      columns={columns(props.service)}
      data={data}
      options={{
        padding: 'dense',
        paging: data.length > 20,
        pageSize: 20,
        search: data.length > 5,
        draggable: false,
      }}
    />
  );
}
