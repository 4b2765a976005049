import {
  readRpo,
  readStorageEngineConfig,
  veleroServerDefaults,
  readTiers,
  StorageConfigError,
} from './readStorageConfig';

const fast = {
  name: 'fast',
  title: 'Fast local NVMe',
  storageClasses: ['storage-fast'],
  rpo: { hours: 24 },
  accessModes: ['ReadWriteOnce'],
};

describe('readTiers', () => {
  it('reads the DESIGN.md example', () => {
    expect(readTiers([fast])).toEqual([
      {
        name: 'fast',
        title: 'Fast local NVMe',
        storageClasses: ['storage-fast'],
        rpo: 'PT24H',
        rpoSeconds: 86400,
        accessModes: ['ReadWriteOnce'],
      },
    ]);
  });

  it('accepts ISO 8601 RPOs and leaves optional fields out', () => {
    expect(
      readTiers([{ name: 'nfs', storageClasses: ['storage-nfs'], rpo: 'P1D' }]),
    ).toEqual([
      {
        name: 'nfs',
        storageClasses: ['storage-nfs'],
        rpo: 'P1D',
        rpoSeconds: 86400,
      },
    ]);
  });

  it('reads an optional restoreTestInterval like an RPO', () => {
    const [tier] = readTiers([{ ...fast, restoreTestInterval: { days: 30 } }]);
    expect(tier).toMatchObject({
      restoreTestInterval: 'P30D',
      restoreTestIntervalSeconds: 30 * 86400,
    });
    expect(() =>
      readTiers([{ ...fast, restoreTestInterval: 'monthly' }]),
    ).toThrow(/storage\.tiers\[0\]\.restoreTestInterval/);
  });

  it('treats absent tiers as none', () => {
    expect(readTiers(undefined)).toEqual([]);
    expect(readTiers(null)).toEqual([]);
  });

  it.each<[string, unknown, RegExp]>([
    ['not a list', { fast }, /^storage\.tiers: must be a list of tiers/],
    ['tier not an object', ['fast'], /^storage\.tiers\[0\]: must be an object/],
    [
      'missing name',
      [{ ...fast, name: undefined }],
      /storage\.tiers\[0\]\.name: must be a lowercase name/,
    ],
    [
      'upper-case name',
      [{ ...fast, name: 'Fast' }],
      /storage\.tiers\[0\]\.name/,
    ],
    ['reserved name', [{ ...fast, name: 'unclassified' }], /reserved/],
    [
      'no classes',
      [{ ...fast, storageClasses: [] }],
      /storageClasses: must list at least one/,
    ],
    [
      'classes not strings',
      [{ ...fast, storageClasses: [1] }],
      /storageClasses: must be a list of non-empty strings/,
    ],
    [
      'missing rpo',
      [{ ...fast, rpo: undefined }],
      /storage\.tiers\[0\]\.rpo: is required/,
    ],
    [
      'bad ISO rpo',
      [{ ...fast, rpo: '24h' }],
      /storage\.tiers\[0\]\.rpo: "24h" is not an ISO 8601 duration/,
    ],
    [
      'bad unit',
      [{ ...fast, rpo: { hour: 24 } }],
      /unknown duration unit "hour"/,
    ],
    [
      'negative amount',
      [{ ...fast, rpo: { hours: -1 } }],
      /rpo\.hours: must be a non-negative number/,
    ],
    ['zero rpo', [{ ...fast, rpo: { hours: 0 } }], /must be longer than zero/],
    ['number rpo', [{ ...fast, rpo: 86400 }], /rpo: must be a duration/],
    [
      'bad access mode',
      [{ ...fast, accessModes: ['RWX'] }],
      /"RWX" is not one of/,
    ],
    ['title not a string', [{ ...fast, title: 3 }], /title: must be a string/],
    [
      'duplicate name',
      [fast, { ...fast, storageClasses: ['x'] }],
      /storage\.tiers\[1\]\.name: tier "fast" is defined twice/,
    ],
    [
      'class in two tiers',
      [fast, { ...fast, name: 'bulk' }],
      /storage\.tiers\[1\]\.storageClasses: StorageClass "storage-fast" is already in tier "fast"/,
    ],
  ])('rejects %s with a message naming the field', (_name, value, message) => {
    expect(() => readTiers(value)).toThrow(StorageConfigError);
    expect(() => readTiers(value)).toThrow(message);
  });
});

describe('readRpo', () => {
  it.each([
    [{ hours: 24 }, 'PT24H', 86400],
    [{ days: 1, hours: 12 }, 'P1DT12H', 129600],
    ['PT6H', 'PT6H', 21600],
    [{ minutes: 90 }, 'PT90M', 5400],
  ])('reads %j', (value, rpo, rpoSeconds) => {
    expect(readRpo(value)).toEqual({ rpo, rpoSeconds });
  });
});

describe('readStorageEngineConfig', () => {
  it('reads tiers and the server FSB default from an app-config object', () => {
    expect(
      readStorageEngineConfig({
        app: { title: 'x' },
        storage: {
          tiers: [fast],
          defaultVolumesToFsBackup: true,
          veleroNamespace: 'backup',
        },
      }),
    ).toEqual({
      tiers: [expect.objectContaining({ name: 'fast', rpoSeconds: 86400 })],
      defaultVolumesToFsBackup: true,
      veleroNamespace: 'backup',
    });
  });

  it('reads the Velero server settings for schedules that do not say', () => {
    const engine = readStorageEngineConfig({
      storage: {
        defaultSnapshotMoveData: true,
        defaultBackupStorageLocation: 'primary',
        csiSnapshots: false,
      },
    });
    expect(veleroServerDefaults(engine)).toEqual({
      defaultSnapshotMoveData: true,
      defaultBackupLocation: 'primary',
      csiFeatureEnabled: false,
    });
  });

  it('is empty without a storage section', () => {
    expect(readStorageEngineConfig({})).toEqual({ tiers: [] });
    expect(readStorageEngineConfig(undefined)).toEqual({ tiers: [] });
  });

  it.each<[unknown, RegExp]>([
    [[], /<root>: must be an object/],
    [{ storage: 'yes' }, /^storage: must be an object/],
    [
      { storage: { defaultVolumesToFsBackup: 'true' } },
      /storage\.defaultVolumesToFsBackup: must be true or false/,
    ],
    [
      { storage: { veleroNamespace: 3 } },
      /storage\.veleroNamespace: must be a namespace name/,
    ],
    [
      { storage: { csiSnapshots: 'yes' } },
      /storage\.csiSnapshots: must be true or false/,
    ],
    [
      { storage: { defaultBackupStorageLocation: 'Not A Name' } },
      /storage\.defaultBackupStorageLocation: must be a BackupStorageLocation name/,
    ],
  ])('rejects %j', (value, message) => {
    expect(() => readStorageEngineConfig(value)).toThrow(message);
  });
});
