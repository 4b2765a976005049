import type { ChangeSetBuilder } from '../../changes/ChangeSetBuilder';
import { storageAppDir } from '../../layout/paths';
import { joinRepoPath } from '../../repo/repoPath';
import type { RepoReader } from '../../types';
import { ensureKustomizationPatch } from '../../yaml/kustomization';
import { renderYaml, yamlData } from '../../yaml/yamlDocument';

/**
 * local-path-provisioner provisions hostPath PVs unless its StorageClass
 * carries `defaultVolumeType: local` (rancher/local-path-provisioner v0.0.37,
 * chart value storageClass.defaultVolumeType: hostPath). Velero's file-system
 * backup skips hostPath volumes with a warning and the backup still
 * completes, so a tier of such a class is silently unprotected.
 */
export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path';
export const LOCAL_PATH_APP = storageAppDir('local-path-provisioner');
export const LOCAL_PATH_OVERLAY = `${LOCAL_PATH_APP}/overlays/prod`;
export const VOLUME_TYPE_PATCH = 'storage-local-volume-type.yaml';

type Obj = Record<string, any>;

function yamlFilesUnder(repo: RepoReader, dir: string): string[] {
  const files: string[] = [];
  for (const name of repo.listDirectory(dir)) {
    const path = joinRepoPath(dir, name);
    if (repo.isDirectory(path)) {
      if (name !== 'charts') files.push(...yamlFilesUnder(repo, path));
    } else if (/\.ya?ml$/.test(name)) files.push(path);
  }
  return files;
}

function storageClassDocs(repo: RepoReader, dir: string): Obj[] {
  return yamlFilesUnder(repo, dir).flatMap(path => {
    const text = repo.readFile(path);
    if (!text?.includes('StorageClass')) return [];
    try {
      return (yamlData(text, path) as Obj[]).filter(
        doc => doc?.kind === 'StorageClass',
      );
    } catch {
      return [];
    }
  });
}

/** What the repository says of local-path StorageClasses: name → provisions `local` PVs. */
export function localPathClasses(repo: RepoReader): Map<string, boolean> {
  const docs = storageClassDocs(repo, LOCAL_PATH_APP);
  const classes = new Map<string, boolean>();
  for (const doc of docs)
    if (doc.provisioner === LOCAL_PATH_PROVISIONER && doc.metadata?.name)
      classes.set(doc.metadata.name, false);
  for (const doc of docs) {
    const name = doc.metadata?.name;
    if (
      classes.has(name) &&
      doc.metadata?.annotations?.defaultVolumeType === 'local'
    )
      classes.set(name, true);
  }
  return classes;
}

/** The local-path classes among `storageClasses` that still provision hostPath PVs. */
export function hostPathClasses(
  repo: RepoReader,
  storageClasses: string[],
): string[] {
  const classes = localPathClasses(repo);
  return storageClasses.filter(name => classes.get(name) === false);
}

function volumeTypePatch(storageClass: string): string {
  return renderYaml(
    {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: {
        name: storageClass,
        annotations: { defaultVolumeType: 'local' },
      },
    },
    {
      header: [
        `${storageClass} provisions \`local\` PVs instead of hostPath ones: Velero file-system`,
        'backup skips hostPath volumes but backs up local ones. PVs provisioned before this',
        'change stay hostPath (the coverage page keeps flagging them). Written by backstage-storage.',
      ].join('\n'),
    },
  );
}

/**
 * Patches local-path StorageClasses of the repository to provision `local`
 * PVs (in the local-path-provisioner prod overlay). Only storage-local is
 * patched through the well-known file; other classes get their own file.
 */
export function ensureLocalVolumeType(
  builder: ChangeSetBuilder,
  storageClasses: string[],
): void {
  if (storageClasses.length === 0) return;
  builder.editKustomization(
    LOCAL_PATH_OVERLAY,
    'The local-path-provisioner prod overlay is needed to make its classes backup-capable.',
    doc => {
      for (const storageClass of storageClasses)
        ensureKustomizationPatch(doc, { path: patchFile(storageClass) });
    },
  );
  for (const storageClass of storageClasses)
    builder.createFile(
      `${LOCAL_PATH_OVERLAY}/${patchFile(storageClass)}`,
      volumeTypePatch(storageClass),
    );
}

function patchFile(storageClass: string): string {
  return storageClass === 'storage-local'
    ? VOLUME_TYPE_PATCH
    : `${storageClass}-volume-type.yaml`;
}
