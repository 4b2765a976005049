import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import {
  buildSnapshotState,
  findSnapshotManifest,
  snapshotShiftMs,
  type SnapshotState,
  type SnapshotStateOptions,
} from '../snapshot/clusterSnapshot';
import { shiftTimestamps } from '../snapshot/timeShift';
import {
  parseManifests,
  SnapshotError,
  type SnapshotDocument,
} from '../snapshot/parseManifests';
import { resourceKindOf } from '../state/resourceKinds';

const MANIFEST_FILE = /\.(ya?ml|json)$/i;

/** A snapshot directory, read into a ClusterState. @public */
export interface LoadedSnapshot extends SnapshotState {
  /** The cluster's name: the directory's name. */
  cluster: string;
  directory: string;
  /** The files read, relative to the directory. */
  files: string[];
}

async function listManifestFiles(
  root: string,
  relative = '',
): Promise<string[]> {
  const entries = await readdir(join(root, relative), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = relative ? join(relative, entry.name) : entry.name;
    if (entry.isDirectory())
      files.push(...(await listManifestFiles(root, path)));
    else if (entry.isFile() && MANIFEST_FILE.test(entry.name)) files.push(path);
  }
  return files;
}

/**
 * Every Kubernetes object in a snapshot directory's `.yaml`, `.yml` and
 * `.json` files (subdirectories included, hidden files skipped).
 * @public
 */
export async function readSnapshotDocuments(
  directory: string,
): Promise<{ files: string[]; documents: SnapshotDocument[] }> {
  let info;
  try {
    info = await stat(directory);
  } catch {
    throw new SnapshotError(`snapshot directory not found: ${directory}`);
  }
  if (!info.isDirectory())
    throw new SnapshotError(`snapshot path is not a directory: ${directory}`);
  const files = await listManifestFiles(directory);
  if (files.length === 0) {
    throw new SnapshotError(
      `snapshot directory has no .yaml, .yml or .json files: ${directory}`,
    );
  }
  const documents: SnapshotDocument[] = [];
  for (const file of files) {
    const text = await readFile(join(directory, file), 'utf8');
    documents.push(...parseManifests(text, join(directory, file)));
  }
  return { files, documents };
}

/**
 * Load a snapshot directory (DESIGN.md: a directory of `kubectl get -o yaml`
 * output) into a ClusterState. The cluster is named after the directory.
 * Throws a SnapshotError naming the file and document of anything it cannot
 * read.
 * @public
 */
export async function loadSnapshotDirectory(
  directory: string,
  options: SnapshotStateOptions = {},
): Promise<LoadedSnapshot> {
  const { files, documents } = await readSnapshotDocuments(directory);
  return {
    cluster: basename(resolve(directory)),
    directory,
    files,
    ...buildSnapshotState(documents, options),
  };
}

/**
 * The raw objects of a snapshot directory, times moved when `timeShift` is
 * on, for callers that feed their own ClusterState (the backend's snapshot
 * source). The ClusterSnapshot manifest, if any, is among them unchanged:
 * read it with `readClusterSnapshotManifest` to apply its read statuses.
 * @public
 */
export async function readSnapshotObjects(
  directory: string,
  options: SnapshotStateOptions = {},
): Promise<unknown[]> {
  const { documents } = await readSnapshotDocuments(directory);
  const shiftMs = snapshotShiftMs(findSnapshotManifest(documents), options);
  return documents.map(doc =>
    resourceKindOf(doc.object)
      ? shiftTimestamps(doc.object, shiftMs)
      : doc.object,
  );
}
