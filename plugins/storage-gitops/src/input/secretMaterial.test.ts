import { findSecretMaterial } from './secretMaterial';

describe('findSecretMaterial', () => {
  it.each([
    [{ credentials: { existingSecret: 'velero-s3' } }, undefined],
    [
      { bucket: 'velero-backups', s3Url: 'http://minio.minio.svc:9000' },
      undefined,
    ],
    [
      { reason: 'Scratch space; rebuilt on demand from the database' },
      undefined,
    ],
    [
      { path: '/mnt/disks/nvme0', pattern: '${.PVC.namespace}/${.PVC.name}' },
      undefined,
    ],
    [{ key: 'cloud' }, undefined],
    [
      { a: { b: ['AKIAIOSFODNN7EXAMPLE'] } },
      { field: 'a.b.0', what: 'an AWS access key id' },
    ],
    [
      { password: 'x' },
      { field: 'password', what: 'a field for secret material' },
    ],
    [
      { credentials: { 'secret-access-key': 'x' } },
      {
        field: 'credentials.secret-access-key',
        what: 'a field for secret material',
      },
    ],
    [
      { note: '-----BEGIN OPENSSH PRIVATE KEY-----' },
      { field: 'note', what: 'a PEM private key' },
    ],
    [
      { v: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      { field: 'v', what: 'a random key' },
    ],
    [
      { v: 'ghp_abcdefghijklmnopqrstuvwxyz0123' },
      { field: 'v', what: 'an access token' },
    ],
    [{ password: '' }, undefined],
  ])('%j → %j', (input, finding) => {
    expect(findSecretMaterial(input)).toEqual(finding);
  });
});
