import {
  WAIVER_ANNOTATION,
  WAIVER_EXPIRES_ANNOTATION,
} from '@gitops-storage/plugin-storage-common';
import { type Document, isMap, isSeq } from 'yaml';
import type { ChangeSet, RepoReader } from '../../types';
import { ChangeSetBuilder, isOwnedFile } from '../../changes/ChangeSetBuilder';
import { GeneratorError } from '../../errors/GeneratorError';
import { removeListItems, valueAt } from '../../yaml/collections';
import {
  kustomizationResources,
  removeKustomizationPatch,
  removeKustomizationResource,
} from '../../yaml/kustomization';
import { parseYamlDocument, yamlData } from '../../yaml/yamlDocument';
import { BACKUP_VOLUMES_ANNOTATION, EXCLUDES_ANNOTATION } from './backupPatch';
import { claimManifest } from './claim';
import type { VolumeRequestInput } from './input';
import { writtenObject } from '../shared/writtenObject';
import { claimFileName, serviceKustomization } from './serviceFolder';

type Obj = Record<string, any>;
const POD = ['spec', 'template'];

/**
 * How a claim file differs from what volume-request writes for the data it
 * holds (undefined: not at all). It is rebuilt from its own fields (size,
 * class, access mode, labels, waiver) and the tier and workload its header
 * names, and compared text for text.
 */
export function claimEdits(
  text: string,
  claimName: string,
): string | undefined {
  const claim = writtenObject(
    text,
    claimName,
    `claim ${claimName}`,
    o => o.kind === 'PersistentVolumeClaim' && o.metadata?.name === claimName,
  );
  if (typeof claim === 'string') return claim;
  const tier = / on tier (\S+) \(/.exec(text)?.[1];
  const workload = /through (Deployment|StatefulSet|DaemonSet) (\S+)\.$/m.exec(
    text,
  );
  const annotations: Obj = claim.metadata.annotations ?? {};
  const waiver = annotations[WAIVER_ANNOTATION];
  if (!tier || (!waiver && !workload))
    return 'its header comment no longer names its tier and protection';
  const rebuilt = claimManifest(
    {
      folder: '.',
      claimName,
      namespace: claim.metadata.namespace,
      tier,
      size: String(claim.spec?.resources?.requests?.storage),
      accessMode: claim.spec?.accessModes?.[0],
      withdraw: false,
      ...(waiver
        ? {
            waiver: {
              reason: waiver,
              expires: annotations[WAIVER_EXPIRES_ANNOTATION],
            },
          }
        : {
            backup: {
              workload: { kind: workload![1] as any, name: workload![2] },
            },
          }),
    },
    String(claim.spec?.storageClassName),
    tier,
    claim.metadata.labels?.['backstage.io/kubernetes-id'],
  );
  return rebuilt === text
    ? undefined
    : 'its fields, comments or layout differ from what volume-request writes';
}

function splitList(value: unknown): string[] {
  return typeof value === 'string'
    ? value.split(',').filter(v => v.trim().length > 0)
    : [];
}

/** Workload manifests of the folder (not patches) that still mount the claim. */
function workloadsMounting(
  builder: ChangeSetBuilder,
  folder: string,
  resources: string[],
  claimName: string,
): string[] {
  const found: string[] = [];
  for (const entry of resources) {
    if (entry.includes('/') || !/\.ya?ml$/.test(entry)) continue;
    const file = `${folder}/${entry}`;
    const text = builder.read(file);
    if (text === undefined || entry === claimFileName(claimName)) continue;
    for (const doc of yamlData(text, file) as Obj[]) {
      const volumes: Obj[] = doc?.spec?.template?.spec?.volumes ?? [];
      if (volumes.some(v => v?.persistentVolumeClaim?.claimName === claimName))
        found.push(`${doc.kind} ${doc.metadata?.name} (${file})`);
    }
  }
  return found;
}

/** Removes the claim's pod volume, its mounts and annotation entries from a backup patch. */
function removeFromPatch(doc: Document, claimName: string): void {
  const volumesPath = [...POD, 'spec', 'volumes'];
  const volumes = (valueAt(doc, volumesPath) ?? []) as Obj[];
  const names = volumes
    .filter(v => v?.persistentVolumeClaim?.claimName === claimName)
    .map(v => v.name as string);
  if (names.length === 0) return;
  removeListItems(doc, volumesPath, item =>
    names.includes((item as Obj)?.name),
  );
  const containers = doc.getIn([...POD, 'spec', 'containers'], true);
  if (isSeq(containers)) {
    containers.items.forEach((_container, index) =>
      removeListItems(
        doc,
        [...POD, 'spec', 'containers', index, 'volumeMounts'],
        item => names.includes((item as Obj)?.name),
      ),
    );
    // A container entry left with nothing to patch but its name goes too.
    containers.items = containers.items.filter(item => {
      if (!isMap(item)) return true;
      const mounts = item.get('volumeMounts');
      const emptyMounts = isSeq(mounts) && mounts.items.length === 0;
      if (emptyMounts) item.delete('volumeMounts');
      return item.items.length > 1;
    });
  }
  for (const annotation of [BACKUP_VOLUMES_ANNOTATION, EXCLUDES_ANNOTATION]) {
    const path = [...POD, 'metadata', 'annotations', annotation];
    const listed = splitList(valueAt(doc, path));
    if (listed.length === 0) continue;
    const kept = listed.filter(name => !names.includes(name.trim()));
    if (kept.length === listed.length) continue;
    if (kept.length > 0) doc.setIn(path, kept.join(','));
    else doc.deleteIn(path);
  }
  pruneEmpty(doc, [...POD, 'metadata', 'annotations']);
  pruneEmpty(doc, [...POD, 'metadata']);
  pruneEmpty(doc, volumesPath);
  pruneEmpty(doc, [...POD, 'spec', 'containers']);
  pruneEmpty(doc, [...POD, 'spec']);
  pruneEmpty(doc, POD);
  pruneEmpty(doc, ['spec']);
}

function pruneEmpty(doc: Document, path: string[]): void {
  const node = doc.getIn(path, true);
  if ((isMap(node) || isSeq(node)) && node.items.length === 0)
    doc.deleteIn(path);
}

/** True when a backup patch holds nothing but its target (kind and name). */
function isEmptyPatch(text: string, file: string): boolean {
  const data = yamlData(text, file)[0] as Obj | undefined;
  return (
    data !== undefined &&
    Object.keys(data).every(key =>
      ['apiVersion', 'kind', 'metadata'].includes(key),
    ) &&
    Object.keys(data.metadata ?? {}).every(key => key === 'name')
  );
}

/**
 * Day 2: a volume request withdrawn. Deletes the claim file volume-request
 * wrote (refused when edited since, or when a workload manifest of the
 * folder, not our patch, still mounts the claim: the pods would not start),
 * unlists it, and takes the claim out of the backup patches of the folder
 * (the pod volume, its mounts, its annotation entry); a patch left with
 * nothing to patch is deleted and unlisted too. Nothing to do when the claim
 * is already gone.
 */
export function withdrawVolumeRequest(
  repo: RepoReader,
  input: VolumeRequestInput,
): ChangeSet {
  const builder = new ChangeSetBuilder(repo, 'volume-request');
  const kustomization = serviceKustomization(builder, input.folder);
  const claimFile = claimFileName(input.claimName);
  const summary = `Withdraw volume '${input.claimName}' from ${input.folder}`;
  const claimPath = `${input.folder}/${claimFile}`;
  if (builder.read(claimPath) === undefined) return builder.build(summary);

  const kustomizationDoc = parseYamlDocument(
    builder.read(kustomization)!,
    kustomization,
  );
  const mounting = workloadsMounting(
    builder,
    input.folder,
    kustomizationResources(kustomizationDoc),
    input.claimName,
  );
  if (mounting.length > 0) {
    throw new GeneratorError(
      `claimName: ${mounting.join(', ')} mounts claim '${
        input.claimName
      }' in its own manifest, so its pods would not start without it; remove that volume first, then withdraw the claim.`,
      { code: 'conflict', field: 'claimName', file: claimPath },
    );
  }
  builder.deleteOwnedFile(claimPath, text => claimEdits(text, input.claimName));

  const patches = ((kustomizationDoc.toJS()?.patches ?? []) as Obj[])
    .map(patch => patch?.path)
    .filter(
      (path): path is string =>
        typeof path === 'string' && path.endsWith('-backup-volumes.yaml'),
    );
  const emptied: string[] = [];
  for (const patch of patches) {
    const path = `${input.folder}/${patch.replace(/^\.\//, '')}`;
    const text = builder.read(path);
    if (text === undefined || !isOwnedFile(text)) continue;
    builder.editYaml(path, `'${path}' does not exist`, doc =>
      removeFromPatch(doc, input.claimName),
    );
    const edited = builder.read(path)!;
    if (edited !== text && isEmptyPatch(edited, path)) {
      // Only what this run took out was in it: nothing human to lose.
      builder.deleteOwnedFile(path, () => undefined);
      emptied.push(patch);
    }
  }
  builder.editKustomization(input.folder, '', doc => {
    removeKustomizationResource(doc, claimFile);
    emptied.forEach(patch => removeKustomizationPatch(doc, patch));
  });
  return builder.build(summary);
}
