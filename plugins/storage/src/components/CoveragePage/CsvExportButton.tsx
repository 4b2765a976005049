import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import { storageApiRef } from '../../api';
import { describeError } from '../../lib/errors';
import { downloadBlob } from '../../lib/download';
import type { CoverageFilters } from '../../lib/coverageViewState';

type ExportState =
  | { status: 'idle' }
  | { status: 'running'; fetched: number }
  | { status: 'done'; rows: number }
  | { status: 'failed'; error: Error };

/** The export's file name, dated so repeated exports do not overwrite. */
export function exportFileName(now: Date): string {
  return `storage-coverage-${now.toISOString().slice(0, 10)}.csv`;
}

/**
 * Downloads every row matching the filters as CSV: one streamed request to
 * the backend's export (the same rows as the report), counted as it arrives.
 */
export function CsvExportButton(props: { filters: CoverageFilters }) {
  const api = useApi(storageApiRef);
  const [state, setState] = useState<ExportState>({ status: 'idle' });

  const run = async () => {
    setState({ status: 'running', fetched: 0 });
    try {
      let rows = 0;
      const csv = await api.exportCoverageCsv(props.filters, {
        onProgress: fetched => {
          rows = fetched;
          setState({ status: 'running', fetched });
        },
      });
      downloadBlob(exportFileName(new Date()), csv);
      setState({ status: 'done', rows });
    } catch (error) {
      setState({ status: 'failed', error: error as Error });
    }
  };

  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <Button
        variant="outlined"
        size="small"
        startIcon={<GetAppIcon aria-hidden="true" />}
        onClick={run}
        disabled={state.status === 'running'}
      >
        Export CSV
      </Button>
      <Typography
        variant="caption"
        role="status"
        aria-live="polite"
        color={state.status === 'failed' ? 'error' : 'textSecondary'}
      >
        {state.status === 'running' &&
          `Exporting ${state.fetched.toLocaleString('en-US')} rows…`}
        {state.status === 'done' &&
          `Exported ${state.rows.toLocaleString('en-US')} rows.`}
        {state.status === 'failed' &&
          `Export failed: ${describeError(state.error)}`}
      </Typography>
    </span>
  );
}
