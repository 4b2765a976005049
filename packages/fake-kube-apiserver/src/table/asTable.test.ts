import fs from 'node:fs';
import { parse } from 'yaml';
import { upstreamFile } from '@gitops-storage/upstream-oracle';
import { BUILTIN_PRINTERS, podStatusText } from './builtinPrinters';
import { VELERO_PRINTER_COLUMNS } from './crdPrinters';
import { humanDuration } from './humanDuration';
import { printerFor, toTable, wantsTable } from './asTable';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const created = '2026-11-20T12:00:00Z';

describe('wantsTable', () => {
  it.each([
    [
      'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json',
      true,
    ],
    ['application/json;as=Table;g=meta.k8s.io;v=v1', true],
    ['application/json', false],
    [
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
      false,
    ],
    ['', false],
  ])('%s → %p', (accept, expected) => {
    expect(wantsTable(accept)).toBe(expected);
  });
});

describe('humanDuration', () => {
  it.each([
    [-5_000, '<invalid>'],
    [45_000, '45s'],
    [119_000, '119s'],
    [330_000, '5m30s'],
    [1_800_000, '30m'],
    [3 * 3600_000 + 600_000, '3h10m'],
    [27 * 3600_000, '27h'],
    [(3 * 24 + 4) * 3600_000, '3d4h'],
    [40 * 86400_000, '40d'],
    [(2 * 365 + 30) * 86400_000, '2y30d'],
  ])('%p ms → %p', (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });
});

describe('server-side tables of the core kinds', () => {
  const pvc = BUILTIN_PRINTERS.persistentvolumeclaims;

  it('prints a claim with the columns and order of kube-apiserver', () => {
    expect(pvc.columns.map(c => [c.name, c.priority])).toEqual([
      ['Name', 0],
      ['Status', 0],
      ['Volume', 0],
      ['Capacity', 0],
      ['Access Modes', 0],
      ['StorageClass', 0],
      ['VolumeAttributesClass', 0],
      ['Age', 0],
      ['VolumeMode', 1],
    ]);
    const bound = {
      metadata: { name: 'data', namespace: 'db', creationTimestamp: created },
      spec: {
        volumeName: 'pv-1',
        storageClassName: 'storage-fast',
        volumeMode: 'Filesystem',
        resources: { requests: { storage: '10Gi' } },
      },
      status: {
        phase: 'Bound',
        capacity: { storage: '20Gi' },
        accessModes: ['ReadWriteMany', 'ReadWriteOnce'],
      },
    };
    expect(pvc.cells(bound, NOW)).toEqual([
      'data',
      'Bound',
      'pv-1',
      '20Gi',
      'RWO,RWX',
      'storage-fast',
      '<unset>',
      '6d',
      'Filesystem',
    ]);
    // Unbound: no capacity or modes yet (the request is not the capacity).
    const pending = {
      metadata: { name: 'new', deletionTimestamp: created },
      spec: { resources: { requests: { storage: '10Gi' } } },
      status: { phase: 'Pending' },
    };
    expect(pvc.cells(pending, NOW)).toEqual([
      'new',
      'Terminating',
      '',
      '',
      '',
      '',
      '<unset>',
      '<unknown>',
      '<unset>',
    ]);
  });

  it('marks the default StorageClass and fills in the API defaults', () => {
    const sc = BUILTIN_PRINTERS.storageclasses;
    expect(
      sc.cells(
        {
          metadata: {
            name: 'standard',
            creationTimestamp: created,
            annotations: {
              'storageclass.kubernetes.io/is-default-class': 'true',
            },
          },
          provisioner: 'rancher.io/local-path',
        },
        NOW,
      ),
    ).toEqual([
      'standard (default)',
      'rancher.io/local-path',
      'Delete',
      'Immediate',
      false,
      '6d',
    ]);
  });

  it.each([
    [
      'running',
      {
        phase: 'Running',
        containerStatuses: [
          { ready: true, state: { running: {} }, restartCount: 0 },
        ],
      },
      'Running',
    ],
    [
      'crash looping',
      {
        phase: 'Running',
        containerStatuses: [
          {
            ready: false,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
            restartCount: 4,
          },
        ],
      },
      'CrashLoopBackOff',
    ],
    [
      'initializing',
      {
        phase: 'Pending',
        initContainerStatuses: [{ state: { running: {} } }],
      },
      'Init:0/1',
    ],
    ['evicted', { phase: 'Failed', reason: 'Evicted' }, 'Evicted'],
  ])('prints the status of a %s pod', (_, status, expected) => {
    expect(
      podStatusText({
        metadata: { name: 'p' },
        spec: { containers: [{ name: 'c' }], initContainers: [{ name: 'i' }] },
        status,
      }),
    ).toBe(expected);
  });

  it('makes a Table with the list metadata and row metadata for kubectl', () => {
    const table = toTable(
      printerFor('namespaces')!,
      [
        {
          metadata: { name: 'media', creationTimestamp: created },
          status: { phase: 'Active' },
        },
      ],
      { metadata: { resourceVersion: '7', continue: 'x' }, now: NOW },
    );
    expect(table).toEqual({
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { resourceVersion: '7', continue: 'x' },
      columnDefinitions: expect.arrayContaining([
        expect.objectContaining({ name: 'Name', format: 'name' }),
      ]),
      rows: [
        {
          cells: ['media', 'Active', '6d'],
          object: {
            kind: 'PartialObjectMetadata',
            apiVersion: 'meta.k8s.io/v1',
            metadata: { name: 'media', creationTimestamp: created },
          },
        },
      ],
    });
  });
});

describe('Velero tables', () => {
  // The columns the fake server prints are the CRDs' own.
  it.each(Object.keys(VELERO_PRINTER_COLUMNS))(
    'the %s columns are the additionalPrinterColumns of the Velero 1.18.1 CRD',
    resource => {
      const crd = parse(
        fs.readFileSync(
          upstreamFile('velero-1.18.1', `velero.io_${resource}.yaml`),
          'utf8',
        ),
      );
      const version = crd.spec.versions.find(
        (v: { storage: boolean }) => v.storage,
      );
      const upstream = (version.additionalPrinterColumns ?? []).map(
        (c: Record<string, unknown>) => ({
          name: c.name,
          type: c.type,
          jsonPath: c.jsonPath,
          format: c.format ?? '',
          priority: c.priority ?? 0,
        }),
      );
      const ours = VELERO_PRINTER_COLUMNS[resource].map(c => ({
        name: c.name,
        type: c.type,
        jsonPath: c.jsonPath,
        format: c.format ?? '',
        priority: c.priority ?? 0,
      }));
      expect(ours).toEqual(upstream);
    },
  );

  it('prints missing values as none, dates as ages and byte counts whole', () => {
    const printer = printerFor('podvolumebackups')!;
    expect(printer.columns.map(c => c.name)).toEqual([
      'Name',
      'Status',
      'Started',
      'Bytes Done',
      'Total Bytes',
      'Incremental Bytes',
      'Storage Location',
      'Age',
      'Node',
      'Uploader',
    ]);
    expect(
      printer.cells(
        {
          metadata: { name: 'pvb', creationTimestamp: created },
          spec: { backupStorageLocation: 'default', uploaderType: 'kopia' },
          status: {
            phase: 'Completed',
            startTimestamp: '2026-11-26T09:00:00Z',
            progress: { bytesDone: 1024, totalBytes: 1024 },
          },
        },
        NOW,
      ),
    ).toEqual([
      'pvb',
      'Completed',
      '3h',
      1024,
      1024,
      null,
      'default',
      '6d',
      null,
      'kopia',
    ]);
  });

  it('gives kinds without printer columns an Age column, as the API server does', () => {
    expect(printerFor('backups')!.columns.map(c => c.name)).toEqual([
      'Name',
      'Age',
    ]);
  });
});
