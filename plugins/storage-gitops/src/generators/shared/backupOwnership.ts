import { GeneratorError } from '../../errors/GeneratorError';
import { storageAppDir } from '../../layout/paths';
import type { RepoReader } from '../../types';
import { yamlData } from '../../yaml/yamlDocument';

/**
 * One way at a time: a namespace's Velero Schedule comes either from a
 * static file (velero-schedules) or from its BackupPolicy (kro-backup-policies).
 * Both would write `ns-<namespace>` in the Velero namespace: kro and Argo CD
 * would fight over the object, or two Schedules would back the namespace up twice.
 */
export const STATIC_SCHEDULES_DIR = `${storageAppDir(
  'velero',
)}/overlays/prod/schedules`;
export const BACKUP_POLICIES_DIR = `${storageAppDir('backup-policies')}/base`;

type Obj = Record<string, any>;

/** Namespace → file, for every object of `kind` in the folder's YAML files. */
function namespacesIn(
  repo: RepoReader,
  dir: string,
  kind: string,
  namespacesOf: (obj: Obj) => unknown[],
): Map<string, string> {
  const found = new Map<string, string>();
  for (const name of repo.listDirectory(dir)) {
    if (!/\.ya?ml$/.test(name) || /^kustomization\./.test(name)) continue;
    const path = `${dir}/${name}`;
    const text = repo.readFile(path);
    if (text === undefined) continue;
    for (const obj of yamlData(text, path) as Obj[]) {
      if (obj?.kind !== kind) continue;
      for (const ns of namespacesOf(obj))
        if (typeof ns === 'string' && !found.has(ns)) found.set(ns, path);
    }
  }
  return found;
}

/** Namespaces backed up by the static Schedules of velero-schedules, with their file. */
export function staticScheduleNamespaces(
  repo: RepoReader,
): Map<string, string> {
  return namespacesIn(
    repo,
    STATIC_SCHEDULES_DIR,
    'Schedule',
    obj => obj.spec?.template?.includedNamespaces ?? [],
  );
}

/** Namespaces with a BackupPolicy instance of kro-backup-policies, with their file. */
export function backupPolicyNamespaces(repo: RepoReader): Map<string, string> {
  return namespacesIn(repo, BACKUP_POLICIES_DIR, 'BackupPolicy', obj => [
    obj.metadata?.namespace,
  ]);
}

/** velero-schedules: refuses namespaces whose Schedule a BackupPolicy makes. */
export function refuseNamespacesOfBackupPolicies(
  repo: RepoReader,
  namespaces: string[],
): void {
  const policies = backupPolicyNamespaces(repo);
  namespaces.forEach((namespace, index) => {
    const file = policies.get(namespace);
    if (!file) return;
    throw new GeneratorError(
      `namespaces.${index}.name: namespace '${namespace}' is backed up by its BackupPolicy ('${file}', kro-backup-policies); kro writes its Schedule ns-${namespace}, and a static one would fight it. ` +
        'Change the policy with kro-backup-policies, or to move the namespace to a static Schedule delete that file and its entry in the kustomization beside it first.',
      { field: `namespaces.${index}.name`, file },
    );
  });
}

/** kro-backup-policies: refuses namespaces that already have a static Schedule. */
export function refuseNamespacesOfStaticSchedules(
  repo: RepoReader,
  namespaces: string[],
): void {
  const schedules = staticScheduleNamespaces(repo);
  namespaces.forEach((namespace, index) => {
    const file = schedules.get(namespace);
    if (!file) return;
    throw new GeneratorError(
      `policies.${index}.namespace: namespace '${namespace}' already has a static Velero Schedule ('${file}', velero-schedules); a BackupPolicy would make a second Schedule ns-${namespace} for it. ` +
        'Keep it with velero-schedules, or to move it to kro delete that file and its entry in the schedules kustomization first (its backups stay until their TTL).',
      { field: `policies.${index}.namespace`, file },
    );
  });
}
