import {
  coalesceValues,
  findUpstreamChart,
  validateHelmValues,
} from './helmValues';

describe('validateHelmValues', () => {
  it('finds the upstream charts by name and version', () => {
    expect(findUpstreamChart('velero')).toMatchObject({
      version: '12.1.0',
      appVersion: '1.18.1',
    });
    expect(
      findUpstreamChart({
        name: 'nfs-subdir-external-provisioner',
        version: '4.0.18',
      }).schemaFile,
    ).toBeUndefined();
    // kro's Chart.yaml at the tag says 0.0.0-dev: the release is the folder's version.
    expect(findUpstreamChart({ name: 'kro', version: '0.9.3' })).toMatchObject({
      appVersion: '0.9.3',
    });
    expect(() =>
      findUpstreamChart({ name: 'velero', version: '99.0.0' }),
    ).toThrow(/no upstream chart velero 99\.0\.0/);
  });

  it('accepts velero values that the chart schema and values.yaml know', () => {
    expect(
      validateHelmValues('velero', {
        configuration: {
          uploaderType: 'kopia',
          backupStorageLocation: [
            {
              name: 'default',
              provider: 'aws',
              bucket: 'b',
              config: { region: 'minio' },
            },
          ],
        },
        deployNodeAgent: true,
        credentials: { useSecret: true, existingSecret: 'velero-cloud' },
      }),
    ).toEqual([]);
  });

  it('reports values the velero chart does not have, and schema violations', () => {
    expect(
      validateHelmValues('velero', {
        deployNodeAgent: 'yes',
        configuration: {
          backupStorageLocation: [{ bucket: 'b', regoin: 'x' }],
        },
        restic: { podVolumePath: '/var/lib' },
      }),
    ).toEqual([
      'deployNodeAgent: must be equal to constant (values.schema.json)',
      'deployNodeAgent: must be equal to constant (values.schema.json)',
      '<root>: must match exactly one schema in oneOf (values.schema.json)',
      "configuration.backupStorageLocation.0: must have required property 'provider' (values.schema.json)",
      'deployNodeAgent: must be boolean (values.schema.json)',
      'configuration.backupStorageLocation[0].regoin: not a value of the chart (absent from its values.yaml)',
      'restic: not a value of the chart (absent from its values.yaml)',
    ]);
  });

  it('accepts keys the chart documents as comments (nfs storageClass.provisionerName), refuses others', () => {
    expect(
      validateHelmValues('nfs-subdir-external-provisioner', {
        nfs: { server: '10.0.0.1', path: '/export', mountOptions: ['hard'] },
        storageClass: {
          name: 'storage-nfs',
          provisionerName: 'k8s-sigs.io/nfs',
          pathPattern: 'x',
        },
      }),
    ).toEqual([]);
    expect(
      validateHelmValues('nfs-subdir-external-provisioner', {
        storageClass: { mountOptions: ['hard'] },
      }),
    ).toEqual([
      'storageClass.mountOptions: not a value of the chart (absent from its values.yaml)',
    ]);
  });

  it('coalesces like Helm: maps merge, null removes, lists replace', () => {
    expect(
      coalesceValues(
        { a: { b: 1, c: 2 }, l: [1, 2] },
        { a: { c: null, d: 3 }, l: [3] },
      ),
    ).toEqual({
      a: { b: 1, d: 3 },
      l: [3],
    });
  });
});
