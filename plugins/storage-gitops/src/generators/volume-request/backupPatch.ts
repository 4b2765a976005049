import type { Document } from 'yaml';
import { isMap, isSeq } from 'yaml';
import type { ChangeSetBuilder } from '../../changes/ChangeSetBuilder';
import { GeneratorError } from '../../errors/GeneratorError';
import { addListItemOnce, setValueAt, valueAt } from '../../yaml/collections';
import { editYamlText, renderYaml } from '../../yaml/yamlDocument';
import type { VolumeRequestInput } from './input';
import type { WorkloadManifest } from './workload';

/** Pod annotation listing the pod volumes Velero backs up with FSB (opt-in). */
export const BACKUP_VOLUMES_ANNOTATION = 'backup.velero.io/backup-volumes';
/** Pod annotation listing the pod volumes Velero's FSB skips (opt-out mode, defaultVolumesToFsBackup). */
export const EXCLUDES_ANNOTATION = 'backup.velero.io/backup-volumes-excludes';

const POD = ['spec', 'template'];

function splitList(value: unknown): string[] {
  return typeof value === 'string'
    ? value
        .split(',')
        .map(v => v.trim())
        .filter(v => v.length > 0)
    : [];
}

/** What the patch must add for one claim. */
interface OptIn {
  volumeName: string;
  claimName: string;
  /** The pod volume to add, unless the workload already has it. */
  addVolume: boolean;
  /** Back the volume up (opt in) or exclude it (a waiver). */
  mode: 'backup' | 'exclude';
  mount?: { container: string; mountPath: string };
}

/** Works out the opt-in for a claim against the workload manifest. */
export function planOptIn(
  input: VolumeRequestInput,
  workload: WorkloadManifest,
): OptIn {
  const backup = (input.backup ?? input.waiver)!;
  const field = input.backup ? 'backup' : 'waiver';
  const volumeName = backup.volumeName ?? input.claimName;
  const existing = workload.volumes.find(v => v.name === volumeName);
  if (
    existing &&
    existing.persistentVolumeClaim?.claimName !== input.claimName
  ) {
    throw new GeneratorError(
      `${field}.volumeName: ${workload.kind} '${workload.name}' already has a pod volume '${volumeName}' that is not claim '${input.claimName}'; choose another volumeName`,
      { field: `${field}.volumeName`, file: workload.file },
    );
  }
  let mount: OptIn['mount'];
  if (backup.mountPath) {
    const container = backup.container ?? workload.containers[0]?.name;
    const found = workload.containers.find(c => c.name === container);
    if (!container || !found) {
      throw new GeneratorError(
        `${field}.container: ${workload.kind} '${
          workload.name
        }' has no container '${container ?? ''}' (it has: ${workload.containers
          .map(c => c.name)
          .join(', ')})`,
        { field: `${field}.container`, file: workload.file },
      );
    }
    const clash = found.volumeMounts?.find(
      m => m.mountPath === backup.mountPath && m.name !== volumeName,
    );
    if (clash) {
      throw new GeneratorError(
        `${field}.mountPath: container '${container}' already mounts '${clash.name}' at ${backup.mountPath}`,
        { field: `${field}.mountPath`, file: workload.file },
      );
    }
    mount = { container, mountPath: backup.mountPath };
  }
  return {
    volumeName,
    claimName: input.claimName,
    addVolume: !existing,
    mode: input.backup ? 'backup' : 'exclude',
    mount,
  };
}

function applyOptIn(
  doc: Document,
  optIn: OptIn,
  workload: WorkloadManifest,
): void {
  const annotation =
    optIn.mode === 'backup' ? BACKUP_VOLUMES_ANNOTATION : EXCLUDES_ANNOTATION;
  const annotationPath = [...POD, 'metadata', 'annotations', annotation];
  const volumes = new Set([
    ...splitList(workload.annotations[annotation]),
    ...splitList(valueAt(doc, annotationPath)),
    optIn.volumeName,
  ]);
  setValueAt(doc, annotationPath, [...volumes].join(','));
  if (optIn.addVolume) {
    addListItemOnce(
      doc,
      [...POD, 'spec', 'volumes'],
      {
        name: optIn.volumeName,
        persistentVolumeClaim: { claimName: optIn.claimName },
      },
      item => (item as { name?: string })?.name === optIn.volumeName,
    );
  }
  if (optIn.mount) {
    const containersPath = [...POD, 'spec', 'containers'];
    addListItemOnce(
      doc,
      containersPath,
      { name: optIn.mount.container },
      item => (item as { name?: string })?.name === optIn.mount!.container,
    );
    const containers = doc.getIn(containersPath, true);
    const index = isSeq(containers)
      ? containers.items.findIndex(
          item => isMap(item) && item.get('name') === optIn.mount!.container,
        )
      : -1;
    addListItemOnce(
      doc,
      [...containersPath, index, 'volumeMounts'],
      { name: optIn.volumeName, mountPath: optIn.mount.mountPath },
      item =>
        (item as { mountPath?: string })?.mountPath === optIn.mount!.mountPath,
    );
  }
}

/** The patch file's name for a workload. */
export function backupPatchFile(workload: { name: string }): string {
  return `${workload.name}-backup-volumes.yaml`;
}

/**
 * Writes (or extends) the strategic-merge patch that opts the claim's pod
 * volume into Velero file-system backup, keeping volumes opted in before.
 */
export function writeBackupPatch(
  builder: ChangeSetBuilder,
  folder: string,
  workload: WorkloadManifest,
  optIn: OptIn,
): string {
  const file = `${folder}/${backupPatchFile(workload)}`;
  if (builder.read(file) === undefined) {
    const seed = renderYaml(
      {
        apiVersion: 'apps/v1',
        kind: workload.kind,
        metadata: { name: workload.name },
      },
      {
        header: [
          `Velero file-system backup (opt-in) of ${workload.name}'s volumes: the pod annotation`,
          `${BACKUP_VOLUMES_ANNOTATION} lists the pod volumes to back up, and`,
          `${EXCLUDES_ANNOTATION} the waived ones. Written by backstage-storage.`,
        ].join('\n'),
      },
    );
    builder.createFile(
      file,
      editYamlText(seed, file, doc => applyOptIn(doc, optIn, workload)),
    );
  } else {
    builder.editYaml(file, `'${file}' does not exist`, doc =>
      applyOptIn(doc, optIn, workload),
    );
  }
  return file;
}
