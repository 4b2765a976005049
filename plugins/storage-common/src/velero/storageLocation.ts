import type { ProjectedBsl } from '../state/projections';

/** Velero's `--default-backup-storage-location` default. */
export const SERVER_DEFAULT_LOCATION = 'default';

/** The location a Backup goes to, and whether the server chose it. */
export interface ChosenLocation {
  name: string;
  serverSpecified: boolean;
  bsl?: ProjectedBsl;
}

/**
 * `prepareBackupRequest`'s choice of storage location: the spec's, else the
 * first BackupStorageLocation (in list order, i.e. by name) marked
 * `spec.default`, else the server's `--default-backup-storage-location`.
 */
export function chooseStorageLocation(
  requested: string | undefined,
  locations: readonly ProjectedBsl[],
  serverDefault: string = SERVER_DEFAULT_LOCATION,
): ChosenLocation {
  const byName = (name: string) => locations.find(l => l.name === name);
  if (requested)
    return { name: requested, serverSpecified: false, bsl: byName(requested) };
  const marked = [...locations]
    .sort((a, b) => a.name.localeCompare(b.name))
    .find(l => l.default);
  const name = marked?.name ?? serverDefault;
  return { name, serverSpecified: true, bsl: byName(name) };
}

/** `veleroutil.BSLIsAvailable`. */
export function isLocationAvailable(bsl: ProjectedBsl | undefined): boolean {
  return bsl?.phase === 'Available';
}

/**
 * The validation errors `prepareBackupRequest` records for the location:
 * missing, read-only, or not Available. Each makes the Backup FailedValidation.
 */
export function storageLocationErrors(location: ChosenLocation): string[] {
  const { bsl, name } = location;
  if (!bsl) {
    return [
      location.serverSpecified
        ? `an existing backup storage location was not specified at backup creation time and the server default ${name} does not exist`
        : `backup storage location ${name} does not exist`,
    ];
  }
  const errors: string[] = [];
  if (bsl.accessMode === 'ReadOnly') {
    errors.push(
      `backup can't be created because backup storage location ${name} is currently in read-only mode`,
    );
  }
  if (!isLocationAvailable(bsl)) {
    errors.push(
      `backup can't be created because BackupStorageLocation ${name} is in Unavailable status.`,
    );
  }
  return errors;
}
