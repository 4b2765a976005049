import type { RepoReader } from '../types';
import { joinRepoPath } from '../repo/repoPath';
import { yamlData } from '../yaml/yamlDocument';

type Obj = Record<string, any>;

const KUSTOMIZATION_NAMES = [
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
];

/** `a/b` + `../c` → `a/c`; undefined when it leaves the repository. */
export function resolveRelative(
  folder: string,
  entry: string,
): string | undefined {
  const parts = folder ? folder.split('/') : [];
  for (const segment of entry.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.join('/');
}

function kustomizationOf(repo: RepoReader, folder: string): Obj | undefined {
  for (const name of KUSTOMIZATION_NAMES) {
    const path = joinRepoPath(folder, name);
    const text = repo.readFile(path);
    if (text !== undefined) return (yamlData(text, path)[0] as Obj) ?? {};
  }
  return undefined;
}

/**
 * The repository files that a kustomize build of `folder` reads as resources
 * (following `resources` and `components` into folders), as Argo CD renders
 * an Application's `source.path`. A folder without a kustomization is a
 * directory source: its YAML files (not recursing, Argo CD's default).
 */
export function renderedFiles(
  repo: RepoReader,
  folder: string,
  seen: Set<string> = new Set(),
): Set<string> {
  const files = new Set<string>();
  if (seen.has(folder)) return files;
  seen.add(folder);
  const kustomization = kustomizationOf(repo, folder);
  if (!kustomization) {
    for (const name of repo.listDirectory(folder))
      if (/\.ya?ml$/.test(name)) files.add(joinRepoPath(folder, name));
    return files;
  }
  const entries = [
    ...((kustomization.resources as unknown[]) ?? []),
    ...((kustomization.components as unknown[]) ?? []),
  ].filter(
    (e): e is string => typeof e === 'string' && !/^[a-z]+:\/\//.test(e),
  );
  for (const entry of entries) {
    const path = resolveRelative(folder, entry);
    if (path === undefined) continue;
    if (repo.isDirectory(path))
      renderedFiles(repo, path, seen).forEach(f => files.add(f));
    else files.add(path);
  }
  return files;
}

/** Every Argo CD Application in the YAML files under `dir` (recursively). */
export function applicationsUnder(repo: RepoReader, dir: string): Obj[] {
  const apps: Obj[] = [];
  for (const name of repo.listDirectory(dir)) {
    const path = joinRepoPath(dir, name);
    if (repo.isDirectory(path)) {
      if (name !== 'charts') apps.push(...applicationsUnder(repo, path));
      continue;
    }
    if (!/\.ya?ml$/.test(name)) continue;
    const text = repo.readFile(path) ?? '';
    if (!text.includes('Application')) continue;
    try {
      for (const doc of yamlData(text, path) as Obj[])
        if (
          doc?.kind === 'Application' &&
          doc?.apiVersion?.startsWith('argoproj.io/')
        )
          apps.push(doc);
    } catch {
      // Not ours to judge: a file that does not parse renders nothing here.
    }
  }
  return apps;
}

/** The source paths of an Application (`source` or `sources`). */
export function sourcePaths(app: Obj): string[] {
  const sources: Obj[] =
    app.spec?.sources ?? (app.spec?.source ? [app.spec.source] : []);
  return sources
    .map(s => s?.path)
    .filter((p): p is string => typeof p === 'string')
    .map(p => p.replace(/^\.?\//, '').replace(/\/+$/, ''));
}
