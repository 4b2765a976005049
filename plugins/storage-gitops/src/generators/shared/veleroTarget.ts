import { GeneratorError } from '../../errors/GeneratorError';
import type { VeleroApp } from '../velero-schedules/veleroApp';

/**
 * The Velero namespace schedules go to (the app's); a `veleroNamespace`
 * the input gives must be that one, and each storage location one the app
 * creates. `locations` pairs each input field with its value.
 */
export function veleroTarget(
  velero: VeleroApp,
  veleroNamespace: string | undefined,
  locations: Array<[field: string, location: string | undefined]>,
): string {
  if (veleroNamespace && veleroNamespace !== velero.namespace) {
    throw new GeneratorError(
      `veleroNamespace: the repository's Velero app runs in '${velero.namespace}', not '${veleroNamespace}'; Velero only reads Schedules in its own namespace. Leave veleroNamespace out.`,
      { field: 'veleroNamespace' },
    );
  }
  for (const [field, location] of locations) {
    if (location && !velero.storageLocations.includes(location))
      throw new GeneratorError(
        `${field}: '${location}' is not a backup storage location of the Velero app (it has: ${
          velero.storageLocations.join(', ') || 'none'
        }); every backup of the schedule would fail validation.`,
        { field },
      );
  }
  return velero.namespace;
}
