import fs from 'node:fs';
import nodePath from 'node:path';
import crypto from 'node:crypto';
import type { ChangeSet, FileChange } from '../types';
import { GeneratorError } from '../errors/GeneratorError';
import { resolveInsideRoot } from '../repo/directoryRepoReader';

/** What `applyChangeSet` did. @public */
export interface ApplyResult {
  /** Paths written (created or updated), in change-set order. */
  written: string[];
  /** Paths deleted, in change-set order. */
  deleted: string[];
  /** Paths whose content on disk already equalled the change (or were already gone). */
  unchanged: string[];
}

interface PlannedWrite {
  change: FileChange;
  target: string;
  /** Content on disk before the write; undefined when the file is new (or already deleted). */
  before?: string;
}

/** True when the file on disk already is what the change wants. */
function isDone(p: PlannedWrite): boolean {
  return p.change.action === 'delete'
    ? p.before === undefined
    : p.before === p.change.content;
}

/**
 * Writes a change set into the repository folder `root`, all or nothing:
 * every change is checked first (clean path inside the root, a create finds
 * no different file, an update or a delete finds exactly its `previous`
 * content), then each file is written to a temporary file beside it and
 * renamed into place, and each deleted file is first moved aside so that it
 * can be put back. On any error nothing is left changed and a GeneratorError
 * says why.
 * @public
 */
export async function applyChangeSet(
  root: string,
  changeSet: ChangeSet,
  /** @internal lets tests make a rename fail midway */
  io: { renameSync: (from: string, to: string) => void } = fs,
): Promise<ApplyResult> {
  const planned = planWrites(root, changeSet);
  const toDo = planned.filter(p => !isDone(p));
  writeAtomically(root, toDo, io);
  return {
    written: toDo
      .filter(p => p.change.action !== 'delete')
      .map(p => p.change.path),
    deleted: toDo
      .filter(p => p.change.action === 'delete')
      .map(p => p.change.path),
    unchanged: planned.filter(isDone).map(p => p.change.path),
  };
}

function planWrites(root: string, changeSet: ChangeSet): PlannedWrite[] {
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    throw new GeneratorError(`repository folder '${root}' does not exist`, {
      code: 'invalid-repository',
    });
  }
  const seen = new Set<string>();
  return changeSet.changes.map(change => {
    if (seen.has(change.path)) {
      throw new GeneratorError(
        `the change set changes '${change.path}' twice`,
        { code: 'invalid-input', file: change.path },
      );
    }
    seen.add(change.path);
    const target = resolveInsideRoot(root, change.path);
    assertParentsAreFolders(root, change.path);
    const before = readIfFile(target, change.path);
    if (change.action === 'create') {
      if (before !== undefined && before !== change.content) {
        throw new GeneratorError(
          `'${change.path}' already exists with different content; refusing to overwrite it`,
          { code: 'conflict', file: change.path },
        );
      }
    } else {
      if (change.previous === undefined) {
        throw new GeneratorError(
          `the ${change.action} of '${change.path}' carries no previous content to check against`,
          { code: 'invalid-input', file: change.path },
        );
      }
      if (change.action === 'delete') {
        // Already gone is done; anything but the checked content is kept.
        if (before !== undefined && before !== change.previous) {
          throw new GeneratorError(
            `'${change.path}' changed since the change set was made; refusing to delete it`,
            { code: 'conflict', file: change.path },
          );
        }
        return { change, target, before };
      }
      if (before === undefined) {
        throw new GeneratorError(
          `'${change.path}' was to be updated but does not exist`,
          { code: 'conflict', file: change.path },
        );
      }
      if (before !== change.previous && before !== change.content) {
        throw new GeneratorError(
          `'${change.path}' changed since the change set was made; refusing to overwrite it`,
          { code: 'conflict', file: change.path },
        );
      }
    }
    return { change, target, before };
  });
}

function readIfFile(target: string, path: string): string | undefined {
  if (!fs.existsSync(target)) return undefined;
  if (!fs.statSync(target).isFile()) {
    throw new GeneratorError(`'${path}' exists and is not a file`, {
      code: 'conflict',
      file: path,
    });
  }
  return fs.readFileSync(target, 'utf8');
}

function assertParentsAreFolders(root: string, path: string): void {
  const segments = path.split('/').slice(0, -1);
  let current = nodePath.resolve(root);
  for (const segment of segments) {
    current = nodePath.join(current, segment);
    if (fs.existsSync(current) && !fs.statSync(current).isDirectory()) {
      throw new GeneratorError(
        `cannot write '${path}': '${nodePath.relative(
          root,
          current,
        )}' is a file`,
        { code: 'conflict', file: path },
      );
    }
  }
}

function tempBeside(target: string): string {
  return nodePath.join(
    nodePath.dirname(target),
    `.${nodePath.basename(target)}.${crypto
      .randomBytes(6)
      .toString('hex')}.tmp`,
  );
}

function writeAtomically(
  root: string,
  planned: PlannedWrite[],
  io: { renameSync: (from: string, to: string) => void },
): void {
  const createdFolders: string[] = [];
  const temps = new Map<PlannedWrite, string>();
  const renamed: PlannedWrite[] = [];
  try {
    for (const p of planned) {
      if (p.change.action === 'delete') continue;
      createFolders(nodePath.dirname(p.target), createdFolders);
      const temp = tempBeside(p.target);
      temps.set(p, temp);
      fs.writeFileSync(temp, p.change.content, { flag: 'wx' });
    }
    for (const p of planned) {
      if (p.change.action === 'delete') {
        // Moved aside, not removed, until every change has succeeded.
        const aside = tempBeside(p.target);
        temps.set(p, aside);
        io.renameSync(p.target, aside);
      } else {
        io.renameSync(temps.get(p)!, p.target);
      }
      renamed.push(p);
    }
  } catch (error) {
    for (const p of renamed.reverse()) {
      if (p.change.action === 'delete') fs.renameSync(temps.get(p)!, p.target);
      else if (p.before === undefined) fs.rmSync(p.target, { force: true });
      else fs.writeFileSync(p.target, p.before);
    }
    for (const p of planned) {
      const temp = temps.get(p);
      if (temp && (p.change.action !== 'delete' || !renamed.includes(p)))
        fs.rmSync(temp, { force: true });
    }
    for (const folder of createdFolders.reverse()) {
      try {
        fs.rmdirSync(folder);
      } catch {
        // not empty or already gone: leave it
      }
    }
    throw new GeneratorError(
      `writing the change set failed and was rolled back: ${
        error instanceof Error ? error.message : String(error)
      }`,
      { code: 'invalid-repository' },
    );
  }
  for (const p of planned) {
    if (p.change.action !== 'delete') continue;
    fs.rmSync(temps.get(p)!, { force: true });
    removeEmptyFolders(root, nodePath.dirname(p.target));
  }
}

/** Removes folders a deletion left empty, up to (not including) the root. */
function removeEmptyFolders(root: string, folder: string): void {
  const top = nodePath.resolve(root);
  let current = nodePath.resolve(folder);
  while (current !== top && current.startsWith(`${top}${nodePath.sep}`)) {
    if (fs.readdirSync(current).length > 0) return;
    fs.rmdirSync(current);
    current = nodePath.dirname(current);
  }
}

function createFolders(folder: string, created: string[]): void {
  if (fs.existsSync(folder)) return;
  createFolders(nodePath.dirname(folder), created);
  fs.mkdirSync(folder);
  created.push(folder);
}
