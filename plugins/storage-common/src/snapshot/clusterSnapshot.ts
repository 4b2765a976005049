import { arrayAt, isRecord, stringAt } from '../kube/objects';
import { parseRfc3339 } from '../kube/time';
import { ClusterState, type ResourceReadStatus } from '../state/ClusterState';
import {
  RESOURCE_KINDS,
  resourceKindOf,
  type ResourceKind,
} from '../state/resourceKinds';
import {
  describeLocation,
  SnapshotError,
  type SnapshotDocument,
} from './parseManifests';
import { shiftTimestamps } from './timeShift';

/**
 * The optional manifest of a snapshot directory (e.g. `snapshot.yaml`):
 *
 * ```yaml
 * apiVersion: gitops-storage.dev/v1alpha1
 * kind: ClusterSnapshot
 * capturedAt: "2026-11-26T06:00:00Z"   # when the objects were read
 * resources:                            # kinds that could not be read then
 *   - kind: DataUpload
 *     status: forbidden                 # forbidden | absent | error
 *     message: datauploads.velero.io is forbidden
 * ```
 *
 * A snapshot is complete by default: every kind counts as read, so a
 * directory without Velero objects means "no schedules" (unprotected), as
 * `kubectl get` of a cluster without Velero would show. List kinds under
 * `resources` when they could not be read; their verdicts become unknown.
 * @public
 */
export interface ClusterSnapshotManifest {
  capturedAt?: string;
  resources: Array<{
    kind: ResourceKind;
    status: ResourceReadStatus;
    message?: string;
  }>;
}

/** @public */
export const CLUSTER_SNAPSHOT_KIND = 'ClusterSnapshot';
/** @public */
export const CLUSTER_SNAPSHOT_API_VERSION = 'gitops-storage.dev/v1alpha1';

/** @public */
export interface SnapshotStateOptions {
  /**
   * Demo feature, off by default: move every time in the snapshot by
   * (now − capturedAt) so ages look as they did when it was captured. Needs
   * `capturedAt` in the manifest.
   */
  timeShift?: boolean;
  /** The "now" to shift to; defaults to the current time. */
  now?: Date;
}

/** A cluster state built from snapshot files. @public */
export interface SnapshotState {
  state: ClusterState;
  manifest?: ClusterSnapshotManifest;
  /** How far times were moved by timeShift, in ms (0 when not shifted). */
  shiftedByMs: number;
  /** Objects of kinds the engine reads. */
  objects: number;
  /** Objects of other kinds, which are ignored. */
  ignored: number;
}

const READ_STATUSES: ResourceReadStatus[] = [
  'readable',
  'forbidden',
  'absent',
  'error',
];

function isManifest(object: Record<string, unknown>): boolean {
  return (
    object.kind === CLUSTER_SNAPSHOT_KIND &&
    stringAt(object, 'apiVersion')?.startsWith('gitops-storage.dev/') === true
  );
}

function readManifest(doc: SnapshotDocument): ClusterSnapshotManifest {
  const where = describeLocation(doc);
  const { object } = doc;
  const capturedAt = object.capturedAt;
  if (
    capturedAt !== undefined &&
    (typeof capturedAt !== 'string' || parseRfc3339(capturedAt) === undefined)
  ) {
    throw new SnapshotError(
      `${where}: ClusterSnapshot capturedAt must be an RFC 3339 time such as "2026-11-26T06:00:00Z"`,
    );
  }
  const resources = arrayAt(object, 'resources').map((entry, i) => {
    const kind = stringAt(entry, 'kind') as ResourceKind;
    const status = stringAt(entry, 'status') as ResourceReadStatus;
    if (!isRecord(entry) || !RESOURCE_KINDS.includes(kind)) {
      throw new SnapshotError(
        `${where}: resources[${i}].kind must be one of ${RESOURCE_KINDS.join(
          ', ',
        )}`,
      );
    }
    if (!READ_STATUSES.includes(status)) {
      throw new SnapshotError(
        `${where}: resources[${i}].status must be one of ${READ_STATUSES.join(
          ', ',
        )}`,
      );
    }
    const message = stringAt(entry, 'message');
    return { kind, status, ...(message ? { message } : {}) };
  });
  return {
    ...(capturedAt ? { capturedAt: capturedAt as string } : {}),
    resources,
  };
}

/** The snapshot's manifest, if it has one; throws when it has two or a bad one. */
export function findSnapshotManifest(
  documents: readonly SnapshotDocument[],
): ClusterSnapshotManifest | undefined {
  const manifests = documents.filter(d => isManifest(d.object));
  if (manifests.length > 1) {
    throw new SnapshotError(
      `${describeLocation(
        manifests[1],
      )}: a snapshot has at most one ClusterSnapshot (another is in ${describeLocation(
        manifests[0],
      )})`,
    );
  }
  return manifests[0] ? readManifest(manifests[0]) : undefined;
}

/**
 * The ClusterSnapshot manifest among raw objects (e.g. from
 * `readSnapshotObjects`), for callers that build their own ClusterState and
 * must apply its `resources` read statuses.
 * @public
 */
export function readClusterSnapshotManifest(
  objects: readonly unknown[],
): ClusterSnapshotManifest | undefined {
  return findSnapshotManifest(
    objects
      .filter(isRecord)
      .map((object, i) => ({ file: '<objects>', document: i + 1, object })),
  );
}

/**
 * How far to move a snapshot's times for `timeShift` (0 when off). Throws
 * when timeShift is asked for but the snapshot has no capturedAt.
 */
export function snapshotShiftMs(
  manifest: ClusterSnapshotManifest | undefined,
  options: SnapshotStateOptions,
): number {
  if (!options.timeShift) return 0;
  const capturedAt = parseRfc3339(manifest?.capturedAt);
  if (capturedAt === undefined) {
    throw new SnapshotError(
      "timeShift needs the snapshot's capture time: add a ClusterSnapshot with capturedAt (see snapshot.yaml in test/fixtures/clusters/demo)",
    );
  }
  return (options.now ?? new Date()).getTime() - capturedAt;
}

/**
 * Build a ClusterState from the objects of a snapshot. Objects of kinds the
 * engine does not read are ignored; a malformed object throws a
 * SnapshotError naming its file and document.
 * @public
 */
export function buildSnapshotState(
  documents: readonly SnapshotDocument[],
  options: SnapshotStateOptions = {},
): SnapshotState {
  const manifest = findSnapshotManifest(documents);
  const shiftedByMs = snapshotShiftMs(manifest, options);
  // Strict: a snapshot's author should hear about a malformed object (the
  // error names its file and document) rather than lose it silently.
  const state = new ClusterState({ strict: true });
  let objects = 0;
  let ignored = 0;
  for (const doc of documents) {
    if (!resourceKindOf(doc.object)) {
      if (!isManifest(doc.object)) ignored++;
      continue;
    }
    try {
      state.apply({
        type: 'ADDED',
        object: shiftTimestamps(doc.object, shiftedByMs),
      });
    } catch (error) {
      throw new SnapshotError(
        `${describeLocation(doc)}: ${(error as Error).message}`,
      );
    }
    objects++;
  }
  for (const { kind, status, message } of manifest?.resources ?? []) {
    state.setReadability(kind, { status, ...(message ? { message } : {}) });
  }
  return {
    state,
    ...(manifest ? { manifest } : {}),
    shiftedByMs,
    objects,
    ignored,
  };
}
