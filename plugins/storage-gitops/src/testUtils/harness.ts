import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import type { ChangeSet, GitopsGenerator } from '../types';
import { runGenerator } from '../input/parseGeneratorInput';
import { createMemoryRepoReader } from '../repo/memoryRepoReader';
import { createDirectoryRepoReader } from '../repo/directoryRepoReader';
import { applyChangeSet } from '../changes/applyChangeSet';
import { fixtureFiles, copyFixture, removeTree } from './fixtureRepo';
import { validateManifests } from './validateManifests';
import { copyWithoutHelm, kustomize } from './kustomizeBuild';

/** The files of a repository after a change set. */
export function withChanges(
  files: Record<string, string>,
  changeSet: ChangeSet,
): Record<string, string> {
  const next = { ...files };
  for (const change of changeSet.changes) {
    if (change.action === 'delete') delete next[change.path];
    else next[change.path] = change.content;
  }
  return next;
}

/** Runs a generator on in-memory files (the fixture by default). */
export function generate(
  generator: GitopsGenerator<any>,
  input: unknown,
  files: Record<string, string> = fixtureFiles(),
): ChangeSet {
  return runGenerator(generator, createMemoryRepoReader(files), input);
}

/** Runs generators one after the other in memory; returns the final files and last change set. */
export function generateChain(
  steps: Array<[GitopsGenerator<any>, unknown]>,
  files: Record<string, string> = fixtureFiles(),
): { files: Record<string, string>; changeSet: ChangeSet } {
  let current = files;
  let changeSet: ChangeSet = { generator: '', changes: [], summary: '' };
  for (const [generator, input] of steps) {
    changeSet = generate(generator, input, current);
    current = withChanges(current, changeSet);
  }
  return { files: current, changeSet };
}

/** Schema problems of every file the change set writes. */
export function manifestProblems(
  files: Record<string, string>,
  changeSet: ChangeSet,
): string[] {
  return validateManifests(
    withChanges(files, changeSet),
    changeSet.changes.filter(c => c.action !== 'delete').map(c => c.path),
  );
}

/** A temporary copy of the fixture, removed by `cleanup`. */
export function tempFixture(): { dir: string; cleanup: () => void } {
  const dir = copyFixture();
  return { dir, cleanup: () => removeTree(dir) };
}

/** Runs and applies on disk, as the command line and the actions do. */
export async function runAndApply(
  dir: string,
  generator: GitopsGenerator<any>,
  input: unknown,
): Promise<ChangeSet> {
  const changeSet = runGenerator(
    generator,
    createDirectoryRepoReader(dir),
    input,
  );
  await applyChangeSet(dir, changeSet);
  return changeSet;
}

/** `kubectl kustomize` of a folder of the repository, helm charts replaced by stand-ins. */
export function kustomizeWithoutHelm(
  repoDir: string,
  folder: string,
): Array<Record<string, any>> {
  const copy = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'gitops-nohelm-'));
  try {
    copyWithoutHelm(repoDir, copy);
    return kustomize(nodePath.join(copy, folder));
  } finally {
    removeTree(copy);
  }
}
