import { ageSince } from './humanDuration';
import {
  column,
  NAME_COLUMN,
  type KubeObject,
  type TableCell,
  type TablePrinter,
} from './types';

/**
 * Server-side table printing of the core kinds the fake server serves,
 * modelled on kube-apiserver's printers (pkg/printers/internalversion):
 * the same columns in the same order, with the wide-only ones at priority 1
 * (kubectl shows them with `-o wide`).
 */

const AGE = column('Age', 'Time since the object was created.');

type Obj = Record<string, any>;
const spec = (o: KubeObject): Obj => (o.spec as Obj) ?? {};
const status = (o: KubeObject): Obj => (o.status as Obj) ?? {};
const name = (o: KubeObject) => o.metadata?.name ?? '';
const age = (o: KubeObject, now: number) =>
  ageSince(o.metadata?.creationTimestamp, now);
const terminating = (o: KubeObject) => Boolean(o.metadata?.deletionTimestamp);

/** `RWO,ROX,RWX,RWOP`, in upstream's fixed order, without duplicates. */
export function accessModesText(modes: unknown): string {
  const list = Array.isArray(modes) ? modes : [];
  return [
    ['ReadWriteOnce', 'RWO'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany', 'RWX'],
    ['ReadWriteOncePod', 'RWOP'],
  ]
    .filter(([mode]) => list.includes(mode))
    .map(([, short]) => short)
    .join(',');
}

const BETA_CLASS = 'volume.beta.kubernetes.io/storage-class';
/** The beta annotation wins over spec.storageClassName, as upstream. */
function storageClassOf(o: KubeObject): string {
  return (
    o.metadata?.annotations?.[BETA_CLASS] ?? spec(o).storageClassName ?? ''
  );
}

const orUnset = (value: unknown) =>
  typeof value === 'string' ? value : '<unset>';

const persistentVolumeClaim: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Status', 'The claim phase.'),
    column('Volume', 'The bound PersistentVolume.'),
    column('Capacity', 'The capacity of the bound volume.'),
    column('Access Modes', 'The access modes of the bound volume.'),
    column('StorageClass', 'StorageClass of the pvc'),
    column('VolumeAttributesClass', 'VolumeAttributesClass of the pvc'),
    AGE,
    column('VolumeMode', 'Filesystem or Block.', { priority: 1 }),
  ],
  cells(o, now) {
    const volumeName: string = spec(o).volumeName ?? '';
    // Capacity and modes are the bound volume's: blank until bound.
    const bound = volumeName !== '';
    return [
      name(o),
      terminating(o) ? 'Terminating' : status(o).phase ?? '',
      volumeName,
      bound ? status(o).capacity?.storage ?? '' : '',
      bound ? accessModesText(status(o).accessModes) : '',
      storageClassOf(o),
      orUnset(spec(o).volumeAttributesClassName),
      age(o, now),
      orUnset(spec(o).volumeMode),
    ];
  },
};

const persistentVolume: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Capacity', 'The volume capacity.'),
    column('Access Modes', 'The volume access modes.'),
    column('Reclaim Policy', 'What happens to the volume when released.'),
    column('Status', 'The volume phase.'),
    column('Claim', 'The claim bound to the volume.'),
    column('StorageClass', 'StorageClass of the pv'),
    column('VolumeAttributesClass', 'VolumeAttributesClass of the pv'),
    column('Reason', 'Why the volume is in its phase.'),
    AGE,
    column('VolumeMode', 'Filesystem or Block.', { priority: 1 }),
  ],
  cells(o, now) {
    const ref = spec(o).claimRef as Obj | undefined;
    return [
      name(o),
      spec(o).capacity?.storage ?? '',
      accessModesText(spec(o).accessModes),
      spec(o).persistentVolumeReclaimPolicy ?? '',
      terminating(o) ? 'Terminating' : status(o).phase ?? '',
      ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : '',
      storageClassOf(o),
      orUnset(spec(o).volumeAttributesClassName),
      status(o).reason ?? '',
      age(o, now),
      orUnset(spec(o).volumeMode),
    ];
  },
};

const DEFAULT_CLASS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];

const storageClass: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Provisioner', 'The provisioner of the class.'),
    column('ReclaimPolicy', 'Reclaim policy of its volumes.'),
    column('VolumeBindingMode', 'When its claims are bound.'),
    column('AllowVolumeExpansion', 'Whether its volumes can grow.'),
    AGE,
  ],
  cells(o, now) {
    const isDefault = DEFAULT_CLASS.some(
      a => o.metadata?.annotations?.[a] === 'true',
    );
    return [
      isDefault ? `${name(o)} (default)` : name(o),
      (o.provisioner as string) ?? '',
      (o.reclaimPolicy as string) ?? 'Delete',
      (o.volumeBindingMode as string) ?? 'Immediate',
      (o.allowVolumeExpansion as boolean) ?? false,
      age(o, now),
    ];
  },
};

const namespace: TablePrinter = {
  columns: [NAME_COLUMN, column('Status', 'The namespace phase.'), AGE],
  cells: (o, now) => [name(o), status(o).phase ?? '', age(o, now)],
};

const configMap: TablePrinter = {
  columns: [NAME_COLUMN, column('Data', 'Number of data keys.'), AGE],
  cells: (o, now) => [
    name(o),
    Object.keys((o.data as Obj) ?? {}).length +
      Object.keys((o.binaryData as Obj) ?? {}).length,
    age(o, now),
  ],
};

/** The STATUS column of a pod, as `kubectl get pods` shows it. */
export function podStatusText(o: KubeObject): string {
  const s = status(o);
  let reason: string = s.reason ?? s.phase ?? '';
  let initializing = false;
  const inits: Obj[] = s.initContainerStatuses ?? [];
  const initCount = (spec(o).initContainers ?? []).length;
  for (const [i, c] of inits.entries()) {
    const terminated = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    initializing = true;
    if (terminated) {
      reason = `Init:${
        terminated.reason ??
        (terminated.signal
          ? `Signal:${terminated.signal}`
          : `ExitCode:${terminated.exitCode}`)
      }`;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initCount}`;
    }
    break;
  }
  if (!initializing) {
    let running = false;
    for (const c of [...((s.containerStatuses as Obj[]) ?? [])].reverse()) {
      const { waiting, terminated } = c.state ?? {};
      if (waiting?.reason) reason = waiting.reason;
      else if (terminated?.reason) reason = terminated.reason;
      else if (terminated) {
        reason = terminated.signal
          ? `Signal:${terminated.signal}`
          : `ExitCode:${terminated.exitCode}`;
      } else if (c.ready && c.state?.running) running = true;
    }
    if (reason === 'Completed' && running) {
      const ready = ((s.conditions as Obj[]) ?? []).some(
        c => c.type === 'Ready' && c.status === 'True',
      );
      reason = ready ? 'Running' : 'NotReady';
    }
  }
  if (terminating(o)) {
    reason = s.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  }
  return reason;
}

const pod: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Ready', 'Ready containers of all containers.'),
    column('Status', 'The aggregate status of the containers.'),
    column('Restarts', 'Container restarts, and when the last was.'),
    AGE,
    column('IP', 'The pod IP.', { priority: 1 }),
    column('Node', 'The node the pod runs on.', { priority: 1 }),
    column('Nominated Node', 'The node nominated for the pod.', {
      priority: 1,
    }),
    column('Readiness Gates', 'Readiness gates that are true.', {
      priority: 1,
    }),
  ],
  cells(o, now) {
    const s = status(o);
    const containers: Obj[] = s.containerStatuses ?? [];
    const ready = containers.filter(c => c.ready && c.state?.running).length;
    const restarts = containers.reduce((n, c) => n + (c.restartCount ?? 0), 0);
    const lastRestart = containers
      .map(c => c.lastState?.terminated?.finishedAt as string | undefined)
      .filter((t): t is string => Boolean(t))
      .sort()
      .pop();
    const gates: Obj[] = spec(o).readinessGates ?? [];
    const trueGates = gates.filter(g =>
      ((s.conditions as Obj[]) ?? []).some(
        c => c.type === g.conditionType && c.status === 'True',
      ),
    ).length;
    return [
      name(o),
      `${ready}/${(spec(o).containers ?? []).length}`,
      podStatusText(o),
      restarts > 0 && lastRestart
        ? `${restarts} (${ageSince(lastRestart, now)} ago)`
        : String(restarts),
      age(o, now),
      s.podIP ?? '<none>',
      spec(o).nodeName ?? '<none>',
      s.nominatedNodeName ?? '<none>',
      gates.length ? `${trueGates}/${gates.length}` : '<none>',
    ] satisfies TableCell[];
  },
};

/** Printers of the core kinds, by plural resource name. */
export const BUILTIN_PRINTERS: Record<string, TablePrinter> = {
  persistentvolumeclaims: persistentVolumeClaim,
  persistentvolumes: persistentVolume,
  storageclasses: storageClass,
  namespaces: namespace,
  configmaps: configMap,
  pods: pod,
};
