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

/** The most a snapshot file may hold (a 150,000-object cluster is ~200 MiB of YAML). */
export const MAX_SNAPSHOT_FILE_BYTES = 512 * 1024 * 1024;

/** @public */
export interface SnapshotReadOptions {
  /** Refuse files larger than this many bytes (default MAX_SNAPSHOT_FILE_BYTES). */
  maxFileBytes?: number;
}

async function listManifestFiles(
  root: string,
  relative = '',
  files: string[] = [],
): Promise<string[]> {
  const entries = await readdir(join(root, relative), { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = relative ? join(relative, entry.name) : entry.name;
    if (entry.isDirectory()) await listManifestFiles(root, path, files);
    else if (entry.isFile() && MANIFEST_FILE.test(entry.name)) files.push(path);
  }
  return files;
}

/** One file's documents; every failure is a SnapshotError naming the file. */
async function readFileDocuments(
  path: string,
  maxBytes: number,
): Promise<SnapshotDocument[]> {
  try {
    const { size } = await stat(path);
    if (size > maxBytes) {
      throw new SnapshotError(
        `${path}: file is ${size} bytes, more than the ${maxBytes} allowed`,
      );
    }
    return parseManifests(await readFile(path, 'utf8'), path);
  } catch (error) {
    if (error instanceof SnapshotError) throw error;
    throw new SnapshotError(
      `${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * The documents of a snapshot directory, file by file (sorted, hidden files
 * skipped): a caller that handles each file's documents as they come never
 * holds more than one file's objects.
 * @public
 */
export async function* iterateSnapshotDocuments(
  directory: string,
  options: SnapshotReadOptions = {},
): AsyncGenerator<{ file: string; documents: SnapshotDocument[] }> {
  const files = await snapshotFiles(directory);
  const maxBytes = options.maxFileBytes ?? MAX_SNAPSHOT_FILE_BYTES;
  for (const file of files) {
    yield {
      file,
      documents: await readFileDocuments(join(directory, file), maxBytes),
    };
  }
}

async function snapshotFiles(directory: string): Promise<string[]> {
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
  return files;
}

/**
 * Every Kubernetes object in a snapshot directory's `.yaml`, `.yml` and
 * `.json` files (subdirectories included, hidden files skipped).
 * @public
 */
export async function readSnapshotDocuments(
  directory: string,
  options: SnapshotReadOptions = {},
): Promise<{ files: string[]; documents: SnapshotDocument[] }> {
  const files: string[] = [];
  const documents: SnapshotDocument[] = [];
  for await (const read of iterateSnapshotDocuments(directory, options)) {
    files.push(read.file);
    // One by one: spreading 150,000 objects into push() overflows the stack.
    for (const doc of read.documents) documents.push(doc);
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
