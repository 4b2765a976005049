import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import crypto from 'node:crypto';
import { parse } from 'yaml';

/** The monorepo's root, found from this file. */
// Tests run from the sources, where this file sits four levels below the root.
// eslint-disable-next-line no-restricted-syntax
export const MONOREPO_ROOT = nodePath.resolve(__dirname, '../../../..');
export const FIXTURE_REPO = nodePath.join(
  MONOREPO_ROOT,
  'test/fixtures/gitops-repo',
);
export const FIXTURE_INPUTS = nodePath.join(
  MONOREPO_ROOT,
  'test/fixtures/gitops-inputs',
);

/** Every file under `dir`, by POSIX path relative to it. */
export function readTree(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    const full = nodePath.join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(files, readTree(full, path));
    else files[path] = fs.readFileSync(full, 'utf8');
  }
  return files;
}

/** The fixture repository's files. */
export function fixtureFiles(): Record<string, string> {
  return readTree(FIXTURE_REPO);
}

/** A fresh copy of the fixture repository in a temporary folder. */
export function copyFixture(): string {
  const dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'gitops-fixture-'));
  fs.cpSync(FIXTURE_REPO, dir, { recursive: true });
  return dir;
}

/** A hash of every path and content under `dir` (folders included). */
export function hashTree(dir: string): string {
  const hash = crypto.createHash('sha256');
  const walk = (folder: string, prefix: string) => {
    for (const entry of fs
      .readdirSync(folder, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const path = `${prefix}/${entry.name}`;
      const full = nodePath.join(folder, entry.name);
      hash.update(`${entry.isDirectory() ? 'd' : 'f'}:${path}\0`);
      if (entry.isDirectory()) walk(full, path);
      else hash.update(fs.readFileSync(full));
    }
  };
  walk(dir, '');
  return hash.digest('hex');
}

/** An example input from test/fixtures/gitops-inputs. */
export function exampleInput(name: string): unknown {
  return parse(
    fs.readFileSync(nodePath.join(FIXTURE_INPUTS, `${name}.yaml`), 'utf8'),
  );
}

export function removeTree(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
