import { ageSince } from './humanDuration';
import {
  NAME_COLUMN,
  type KubeObject,
  type TableCell,
  type TableColumn,
  type TablePrinter,
} from './types';

/** One `additionalPrinterColumns` entry of a CRD version. */
export interface CrdColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  jsonPath: string;
  format?: string;
  priority?: number;
}

/**
 * The additionalPrinterColumns of the Velero 1.18.1 CRDs the fake server
 * serves (test/…/crdPrinters.test.ts checks them against the CRDs in the
 * upstream directory). Kinds without any (Backup, Restore) get the API
 * server's default: an Age column.
 */
export const VELERO_PRINTER_COLUMNS: Record<string, CrdColumn[]> = {
  schedules: [
    { name: 'Status', type: 'string', jsonPath: '.status.phase' },
    { name: 'Schedule', type: 'string', jsonPath: '.spec.schedule' },
    { name: 'LastBackup', type: 'date', jsonPath: '.status.lastBackup' },
    { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
    { name: 'Paused', type: 'boolean', jsonPath: '.spec.paused' },
  ],
  backupstoragelocations: [
    { name: 'Phase', type: 'string', jsonPath: '.status.phase' },
    {
      name: 'Last Validated',
      type: 'date',
      jsonPath: '.status.lastValidationTime',
    },
    { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
    { name: 'Default', type: 'boolean', jsonPath: '.spec.default' },
  ],
  podvolumebackups: [
    ...dataMoverColumns({ incremental: true }),
    { name: 'Uploader', type: 'string', jsonPath: '.spec.uploaderType' },
  ],
  datauploads: dataMoverColumns({ incremental: true }),
  podvolumerestores: [
    ...dataMoverColumns({ incremental: false }),
    { name: 'Uploader Type', type: 'string', jsonPath: '.spec.uploaderType' },
  ],
  datadownloads: dataMoverColumns({ incremental: false }),
  deletebackuprequests: [
    { name: 'BackupName', type: 'string', jsonPath: '.spec.backupName' },
    { name: 'Status', type: 'string', jsonPath: '.status.phase' },
  ],
  backups: [],
  restores: [],
};

/** The columns Velero's data movers share (status, progress, location). */
function dataMoverColumns(options: { incremental: boolean }): CrdColumn[] {
  return [
    { name: 'Status', type: 'string', jsonPath: '.status.phase' },
    { name: 'Started', type: 'date', jsonPath: '.status.startTimestamp' },
    {
      name: 'Bytes Done',
      type: 'integer',
      format: 'int64',
      jsonPath: '.status.progress.bytesDone',
    },
    {
      name: 'Total Bytes',
      type: 'integer',
      format: 'int64',
      jsonPath: '.status.progress.totalBytes',
    },
    ...(options.incremental
      ? [
          {
            name: 'Incremental Bytes',
            type: 'integer' as const,
            format: 'int64',
            priority: 10,
            jsonPath: '.status.incrementalBytes',
          },
        ]
      : []),
    {
      name: 'Storage Location',
      type: 'string',
      jsonPath: '.spec.backupStorageLocation',
    },
    { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
    { name: 'Node', type: 'string', jsonPath: '.status.node' },
  ];
}

/** The API server's column for a CRD without additionalPrinterColumns. */
const DEFAULT_CRD_COLUMNS: CrdColumn[] = [
  { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
];

/** `.a.b.c` of an object; undefined when a step is missing. */
export function readJsonPath(object: unknown, path: string): unknown {
  let current: unknown = object;
  for (const key of path.replace(/^\./, '').split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * A cell the way the apiextensions table convertor makes it: missing values
 * are null (kubectl prints `<none>`), dates become ages, integers whole.
 */
export function crdCell(
  type: CrdColumn['type'],
  value: unknown,
  now: number,
): TableCell {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'date':
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
        return '<invalid>';
      return ageSince(value, now);
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

export function crdPrinter(columns: readonly CrdColumn[]): TablePrinter {
  const shown = columns.length ? columns : DEFAULT_CRD_COLUMNS;
  return {
    columns: [
      NAME_COLUMN,
      ...shown.map(
        (c): TableColumn => ({
          name: c.name,
          type: c.type,
          format: c.format ?? '',
          description: '',
          priority: c.priority ?? 0,
        }),
      ),
    ],
    cells: (object: KubeObject, now: number) => [
      object.metadata?.name ?? '',
      ...shown.map(c => crdCell(c.type, readJsonPath(object, c.jsonPath), now)),
    ],
  };
}
