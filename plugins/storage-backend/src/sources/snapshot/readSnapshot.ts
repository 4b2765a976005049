import {
  buildSnapshotState,
  shiftTimestamps,
} from '@gitops-storage/plugin-storage-common';
import { readSnapshotDocuments } from '@gitops-storage/plugin-storage-common/node';
import type { SnapshotContents } from './SnapshotClusterSource';

/**
 * Reads a snapshot directory the way the command line does: every file is
 * parsed and validated (a malformed object fails the whole load, naming its
 * file and document), the optional ClusterSnapshot manifest says which kinds
 * were unreadable, and `timeShift` moves demo data to the present.
 */
export async function readSnapshot(
  directory: string,
  options: { timeShift: boolean; now?: Date },
): Promise<SnapshotContents> {
  const { documents } = await readSnapshotDocuments(directory);
  const built = buildSnapshotState(documents, options);
  return {
    objects: documents.map(d => shiftTimestamps(d.object, built.shiftedByMs)),
    unreadable: (built.manifest?.resources ?? []).flatMap(r =>
      r.status === 'readable'
        ? []
        : [{ kind: r.kind, status: r.status, message: r.message }],
    ),
  };
}
