import type { EvaluationContext } from '../engine/context';
import type { HumanDuration } from '@backstage/types';
import { UNCLASSIFIED_TIER, type Tier } from '../model';
import {
  durationToSeconds,
  formatIsoDuration,
  parseIsoDuration,
} from './isoDuration';

/** A `storage` config value that the engine cannot use. @public */
export class StorageConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageConfigError';
  }
}

/** What the coverage engine reads from `storage.*` config. @public */
export interface StorageEngineConfig {
  tiers: Tier[];
  /**
   * The Velero server's `--default-volumes-to-fs-backup`, for schedules that
   * do not say (`storage.defaultVolumesToFsBackup`).
   */
  defaultVolumesToFsBackup?: boolean;
  /** Namespace of the Velero objects (`storage.veleroNamespace`). */
  veleroNamespace?: string;
  /** The server's `--default-snapshot-move-data` (`storage.defaultSnapshotMoveData`). */
  defaultSnapshotMoveData?: boolean;
  /** The server's `--default-backup-storage-location` (`storage.defaultBackupStorageLocation`). */
  defaultBackupLocation?: string;
  /** Whether the server runs with `--features=EnableCSI` (`storage.csiSnapshots`, default true). */
  csiFeatureEnabled?: boolean;
}

const ACCESS_MODES = [
  'ReadWriteOnce',
  'ReadOnlyMany',
  'ReadWriteMany',
  'ReadWriteOncePod',
];

const DURATION_KEYS = [
  'years',
  'months',
  'weeks',
  'days',
  'hours',
  'minutes',
  'seconds',
  'milliseconds',
];

const TIER_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(path: string, message: string): never {
  throw new StorageConfigError(`${path}: ${message}`);
}

function readHumanDuration(
  value: Record<string, unknown>,
  path: string,
): HumanDuration {
  const duration: Record<string, number> = {};
  for (const [key, amount] of Object.entries(value)) {
    if (!DURATION_KEYS.includes(key)) {
      fail(
        path,
        `unknown duration unit "${key}" (use ${DURATION_KEYS.join(', ')})`,
      );
    }
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
      fail(`${path}.${key}`, 'must be a non-negative number');
    }
    duration[key] = amount;
  }
  return duration as HumanDuration;
}

/**
 * Read an RPO: a Backstage HumanDuration object (`{ hours: 24 }`) or an
 * ISO 8601 duration (`PT24H`). Returns its ISO text and seconds.
 * @public
 */
export function readRpo(
  value: unknown,
  path = 'rpo',
): { rpo: string; rpoSeconds: number } {
  let duration: HumanDuration;
  if (typeof value === 'string') {
    try {
      duration = parseIsoDuration(value);
    } catch (error) {
      fail(path, (error as Error).message);
    }
  } else if (isObject(value)) {
    duration = readHumanDuration(value, path);
  } else {
    fail(path, 'must be a duration such as { hours: 24 } or "PT24H"');
  }
  const rpoSeconds = durationToSeconds(duration);
  if (!(rpoSeconds > 0)) fail(path, 'must be longer than zero');
  return { rpo: formatIsoDuration(duration), rpoSeconds };
}

function readStringList(value: unknown, path: string): string[] {
  if (!Array.isArray(value) || value.some(v => typeof v !== 'string' || !v)) {
    fail(path, 'must be a list of non-empty strings');
  }
  return value as string[];
}

function readOptionalString(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') fail(path, 'must be a string');
  return value;
}

function readTier(value: unknown, path: string): Tier {
  if (!isObject(value)) fail(path, 'must be an object');
  const name = value.name;
  if (typeof name !== 'string' || !TIER_NAME.test(name)) {
    fail(`${path}.name`, 'must be a lowercase name such as "fast"');
  }
  if (name === UNCLASSIFIED_TIER) {
    fail(
      `${path}.name`,
      `"${UNCLASSIFIED_TIER}" is reserved for classes no tier lists`,
    );
  }
  const storageClasses = readStringList(
    value.storageClasses,
    `${path}.storageClasses`,
  );
  if (storageClasses.length === 0) {
    fail(`${path}.storageClasses`, 'must list at least one StorageClass');
  }
  if (value.rpo === undefined) fail(`${path}.rpo`, 'is required');
  const { rpo, rpoSeconds } = readRpo(value.rpo, `${path}.rpo`);
  let accessModes: string[] | undefined;
  if (value.accessModes !== undefined) {
    accessModes = readStringList(value.accessModes, `${path}.accessModes`);
    const invalid = accessModes.find(mode => !ACCESS_MODES.includes(mode));
    if (invalid) {
      fail(
        `${path}.accessModes`,
        `"${invalid}" is not one of ${ACCESS_MODES.join(', ')}`,
      );
    }
  }
  const restoreTest =
    value.restoreTestInterval === undefined
      ? undefined
      : readRpo(value.restoreTestInterval, `${path}.restoreTestInterval`);
  const title = readOptionalString(value.title, `${path}.title`);
  const description = readOptionalString(
    value.description,
    `${path}.description`,
  );
  return {
    name,
    ...(title ? { title } : {}),
    ...(description ? { description } : {}),
    storageClasses,
    rpo,
    rpoSeconds,
    ...(accessModes ? { accessModes } : {}),
    ...(restoreTest
      ? {
          restoreTestInterval: restoreTest.rpo,
          restoreTestIntervalSeconds: restoreTest.rpoSeconds,
        }
      : {}),
  };
}

/**
 * Read `storage.tiers` (DESIGN.md "Contract: tiers"). Absent means no tiers.
 * Throws a StorageConfigError naming the offending field.
 * @public
 */
export function readTiers(value: unknown, path = 'storage.tiers'): Tier[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) fail(path, 'must be a list of tiers');
  const tiers = value.map((entry, i) => readTier(entry, `${path}[${i}]`));
  const names = new Set<string>();
  const classes = new Map<string, string>();
  tiers.forEach((tier, i) => {
    if (names.has(tier.name)) {
      fail(`${path}[${i}].name`, `tier "${tier.name}" is defined twice`);
    }
    names.add(tier.name);
    for (const storageClass of tier.storageClasses) {
      const other = classes.get(storageClass);
      if (other) {
        fail(
          `${path}[${i}].storageClasses`,
          `StorageClass "${storageClass}" is already in tier "${other}"`,
        );
      }
      classes.set(storageClass, tier.name);
    }
  });
  return tiers;
}

/**
 * Read the engine's settings from a whole app-config object (the parsed YAML,
 * or `config.get()` of a Backstage Config): `storage.tiers`,
 * `storage.defaultVolumesToFsBackup`, `storage.defaultSnapshotMoveData`,
 * `storage.defaultBackupStorageLocation`, `storage.csiSnapshots` and
 * `storage.veleroNamespace`.
 * @public
 */
export function readStorageEngineConfig(
  appConfig: unknown,
): StorageEngineConfig {
  if (appConfig !== undefined && appConfig !== null && !isObject(appConfig)) {
    fail('<root>', 'must be an object');
  }
  const storage = isObject(appConfig) ? appConfig.storage : undefined;
  if (storage !== undefined && storage !== null && !isObject(storage)) {
    fail('storage', 'must be an object');
  }
  const section = isObject(storage) ? storage : {};
  const tiers = readTiers(section.tiers);
  const fsDefault = section.defaultVolumesToFsBackup;
  if (fsDefault !== undefined && typeof fsDefault !== 'boolean') {
    fail('storage.defaultVolumesToFsBackup', 'must be true or false');
  }
  const veleroNamespace = section.veleroNamespace;
  if (
    veleroNamespace !== undefined &&
    (typeof veleroNamespace !== 'string' || !veleroNamespace)
  ) {
    fail('storage.veleroNamespace', 'must be a namespace name');
  }
  const flag = (key: string): boolean | undefined => {
    const value = section[key];
    if (value !== undefined && typeof value !== 'boolean') {
      fail(`storage.${key}`, 'must be true or false');
    }
    return value as boolean | undefined;
  };
  const moveData = flag('defaultSnapshotMoveData');
  const csi = flag('csiSnapshots');
  const location = section.defaultBackupStorageLocation;
  if (
    location !== undefined &&
    (typeof location !== 'string' ||
      !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(location))
  ) {
    fail(
      'storage.defaultBackupStorageLocation',
      'must be a BackupStorageLocation name',
    );
  }
  return {
    tiers,
    ...(fsDefault !== undefined ? { defaultVolumesToFsBackup: fsDefault } : {}),
    ...(veleroNamespace ? { veleroNamespace: veleroNamespace as string } : {}),
    ...(moveData !== undefined ? { defaultSnapshotMoveData: moveData } : {}),
    ...(location ? { defaultBackupLocation: location as string } : {}),
    ...(csi !== undefined ? { csiFeatureEnabled: csi } : {}),
  };
}

/**
 * The Velero server settings of an engine config, as evaluation context
 * fields (for schedules and backups that do not say).
 * @public
 */
export function veleroServerDefaults(
  engine: StorageEngineConfig,
): Pick<
  EvaluationContext,
  | 'defaultVolumesToFsBackup'
  | 'defaultSnapshotMoveData'
  | 'defaultBackupLocation'
  | 'csiFeatureEnabled'
> {
  return {
    ...(engine.defaultVolumesToFsBackup !== undefined
      ? { defaultVolumesToFsBackup: engine.defaultVolumesToFsBackup }
      : {}),
    ...(engine.defaultSnapshotMoveData !== undefined
      ? { defaultSnapshotMoveData: engine.defaultSnapshotMoveData }
      : {}),
    ...(engine.defaultBackupLocation
      ? { defaultBackupLocation: engine.defaultBackupLocation }
      : {}),
    ...(engine.csiFeatureEnabled !== undefined
      ? { csiFeatureEnabled: engine.csiFeatureEnabled }
      : {}),
  };
}
