import fs from 'node:fs';
import { createDirectoryRepoReader } from '../repo/directoryRepoReader';
import { runGenerator } from '../input/parseGeneratorInput';
import { applyChangeSet } from '../changes/applyChangeSet';
import {
  GeneratorError,
  type GeneratorErrorCode,
} from '../errors/GeneratorError';
import { exampleInput, hashTree } from '../testUtils/fixtureRepo';
import { runAndApply, tempFixture } from '../testUtils/harness';
import type { GitopsGenerator } from '../types';
import { findGenerator } from './registry';

type Input = Record<string, any>;

const nfs = () => exampleInput('nfs-provisioner') as Input;
const velero = () => exampleInput('velero') as Input;
const kro = () => exampleInput('kro-inventory') as Input;
const schedules = () => exampleInput('velero-schedules') as Input;
const volume = () => exampleInput('volume-request') as Input;
const waiver = () => exampleInput('volume-request-waiver') as Input;
const policies = () => exampleInput('kro-backup-policies') as Input;

interface Case {
  name: string;
  generator: string;
  input: Input;
  /** Prepares the repository copy (e.g. a conflicting file). */
  setup?: (dir: string) => void | Promise<void>;
  message: RegExp;
  code?: GeneratorErrorCode;
}

const VELERO_APP = async (dir: string) => {
  await runAndApply(dir, findGenerator('velero')!, velero());
};

const CASES: Case[] = [
  // Tighter input: regions, Velero's namespace rules, URLs
  {
    name: 'region with a space',
    generator: 'velero',
    input: {
      ...velero(),
      backupStorageLocations: [{ bucket: 'bkt', region: 'us east 1' }],
    },
    message: /backupStorageLocations\.0\.region: must be a region name/,
  },
  {
    name: 'region with a newline (YAML injection)',
    generator: 'velero',
    input: {
      ...velero(),
      backupStorageLocations: [{ bucket: 'bkt', region: 'minio\n  evil: x' }],
    },
    message: /region: must be a region name/,
  },
  {
    name: "'*' with other included namespaces",
    generator: 'velero',
    input: {
      ...velero(),
      schedules: [
        {
          name: 'daily',
          schedule: '0 2 * * *',
          includedNamespaces: ['*', 'payments'],
        },
      ],
    },
    message: /includedNamespaces: must either contain '\*' only/,
  },
  {
    name: "'*' in excluded namespaces",
    generator: 'velero',
    input: {
      ...velero(),
      schedules: [
        { name: 'daily', schedule: '0 2 * * *', excludedNamespaces: ['*'] },
      ],
    },
    message: /excludedNamespaces: cannot contain '\*'/,
  },
  {
    name: 'namespace both included and excluded',
    generator: 'velero',
    input: {
      ...velero(),
      schedules: [
        {
          name: 'daily',
          schedule: '0 2 * * *',
          includedNamespaces: ['payments', 'orders'],
          excludedNamespaces: ['orders'],
        },
      ],
    },
    message: /'orders' is also in includedNamespaces/,
  },
  {
    name: 'namespace glob that is no namespace name',
    generator: 'velero',
    input: {
      ...velero(),
      schedules: [
        { name: 'daily', schedule: '0 2 * * *', includedNamespaces: ['Pay_*'] },
      ],
    },
    message:
      /includedNamespaces\.0: must be a namespace name, with \* as a wildcard/,
  },
  {
    name: 's3Url with a tab (URL parsers drop it silently)',
    generator: 'velero',
    input: {
      ...velero(),
      backupStorageLocations: [
        { bucket: 'bkt', s3Url: 'http://minio\t.svc:9000' },
      ],
    },
    message: /s3Url: must not contain whitespace or control characters/,
  },
  {
    name: 'repoURL with a control character',
    generator: 'nfs-provisioner',
    input: {
      ...nfs(),
      argocd: { repoURL: 'https://git.example.com/gitops\u0007.git' },
    },
    message:
      /argocd\.repoURL: must not contain whitespace or control characters/,
  },
  // Paths
  {
    name: 'volume folder with ..',
    generator: 'volume-request',
    input: { ...volume(), folder: 'apps/../../etc' },
    message: /folder: path contains '\.\.'/,
  },
  {
    name: 'absolute volume folder',
    generator: 'volume-request',
    input: { ...volume(), folder: '/etc/payments' },
    message: /folder: path is absolute/,
  },
  {
    name: 'folder with NUL',
    generator: 'volume-request',
    input: { ...volume(), folder: 'apps/pay\0ments/base' },
    message: /folder: path contains a NUL character/,
  },
  {
    name: 'folder with backslash',
    generator: 'volume-request',
    input: { ...volume(), folder: 'apps\\payments' },
    message: /folder: path contains a backslash/,
  },
  {
    name: 'argocd-cm path traversal',
    generator: 'kro-inventory',
    input: { ...kro(), argocd: { configMapPath: '../argocd-cm.yaml' } },
    message: /argocd\.configMapPath: path contains '\.\.'/,
  },
  {
    name: 'vendored chart file escaping',
    generator: 'nfs-provisioner',
    input: {
      ...nfs(),
      chart: {
        vendor: { files: { 'Chart.yaml': 'name: x', '../../evil.yaml': 'x' } },
      },
    },
    message:
      /chart\.vendor\.files\.\.\.\/\.\.\/evil\.yaml: chart file path contains '\.\.'/,
  },
  {
    name: 'NFS export path with ..',
    generator: 'nfs-provisioner',
    input: { ...nfs(), nfs: { server: 'nas', path: '/mnt/../etc' } },
    message: /nfs\.path: must not contain '\.\.'/,
  },
  {
    name: 'relative drive path',
    generator: 'kro-inventory',
    input: {
      ...kro(),
      drives: [{ ...kro().drives[0], path: 'mnt/disks/nvme0' }],
    },
    message: /drives\.0\.path: must be an absolute path/,
  },
  // Names and sizes
  {
    name: 'claim name with capitals',
    generator: 'volume-request',
    input: { ...volume(), claimName: 'Payments_Data' },
    message: /claimName: must be lower-case letters/,
  },
  {
    name: 'claim name too long',
    generator: 'volume-request',
    input: { ...volume(), claimName: 'a'.repeat(64) },
    message: /claimName: must be at most 63 characters/,
  },
  {
    name: 'size without unit suffix form',
    generator: 'volume-request',
    input: { ...volume(), size: '50GB' },
    message: /size: '50GB' is not a storage size/,
  },
  {
    name: 'zero size',
    generator: 'volume-request',
    input: { ...volume(), size: '0Gi' },
    message: /size: must be greater than zero/,
  },
  {
    name: 'negative drive capacity',
    generator: 'kro-inventory',
    input: { ...kro(), drives: [{ ...kro().drives[0], capacity: '-1Ti' }] },
    message: /drives\.0\.capacity: '-1Ti' is not a storage size/,
  },
  {
    name: 'invalid namespace name',
    generator: 'velero-schedules',
    input: {
      ...schedules(),
      namespaces: [{ name: 'Payments!', tiers: ['fast'] }],
    },
    message: /namespaces\.0\.name: must be lower-case/,
  },
  {
    name: 'duplicate drive',
    generator: 'kro-inventory',
    input: { ...kro(), drives: [kro().drives[0], kro().drives[0]] },
    message: /drive 'nvme0' is listed twice on node 'worker-1'/,
  },
  {
    name: 'drive tier not a graph class',
    generator: 'kro-inventory',
    input: { ...kro(), drives: [{ ...kro().drives[0], tier: 'storage-nfs' }] },
    message: /drives\.0\.tier: must be one of storage-fast, storage-bulk/,
  },
  {
    name: 'unknown field (typo)',
    generator: 'velero',
    input: { ...velero(), uploadType: 'kopia' },
    message: /\(input\): unknown field\(s\) 'uploadType'/,
  },
  {
    name: 'bad cron override',
    generator: 'velero-schedules',
    input: {
      ...schedules(),
      namespaces: [
        { name: 'payments', tiers: ['fast'], schedule: 'every day' },
      ],
    },
    message: /namespaces\.0\.schedule: must be a five-field cron expression/,
    setup: VELERO_APP,
  },
  {
    name: 'chart version range',
    generator: 'velero',
    input: { ...velero(), chart: { version: '^12.0.0' } },
    message: /chart\.version: must be an exact version/,
  },
  {
    name: 'missing NFS server',
    generator: 'nfs-provisioner',
    input: { nfs: {} },
    message: /nfs\.server: Required/,
  },
  // Tiers and access modes
  {
    name: 'unknown tier (volume)',
    generator: 'volume-request',
    input: { ...volume(), tier: 'platinum' },
    message:
      /tier: unknown tier 'platinum' \(known tiers: fast, bulk, local, nfs\)/,
  },
  {
    name: 'unknown tier (schedules)',
    generator: 'velero-schedules',
    input: {
      ...schedules(),
      namespaces: [{ name: 'payments', tiers: ['gold'] }],
    },
    message: /namespaces\.0\.tiers\.0: unknown tier 'gold'/,
    setup: VELERO_APP,
  },
  {
    name: 'RWX on an RWO tier',
    generator: 'volume-request',
    input: { ...volume(), tier: 'fast', accessMode: 'ReadWriteMany' },
    message:
      /accessMode: tier 'fast' does not serve ReadWriteMany .*tiers that do: nfs/,
  },
  {
    name: 'class not in tier',
    generator: 'volume-request',
    input: { ...volume(), storageClass: 'storage-fast' },
    message: /storageClass: 'storage-fast' is not a class of tier 'nfs'/,
  },
  {
    name: 'class in two tiers',
    generator: 'volume-request',
    input: {
      ...volume(),
      tiers: [
        { name: 'a', storageClasses: ['x'], rpo: 'PT1H' },
        { name: 'b', storageClasses: ['x'], rpo: 'PT1H' },
      ],
    },
    message:
      /tiers\.1\.storageClasses: StorageClass 'x' already belongs to tier 'a'/,
  },
  {
    name: 'tier RPO not a duration',
    generator: 'velero-schedules',
    input: {
      ...schedules(),
      tiers: [{ name: 'fast', storageClasses: ['storage-fast'], rpo: 'daily' }],
    },
    message: /tiers\.0\.rpo: must be a positive duration/,
  },
  {
    name: 'both backup and waiver',
    generator: 'volume-request',
    input: { ...volume(), waiver: waiver().waiver },
    message: /waiver: give either backup or waiver, not both/,
  },
  {
    name: 'neither backup nor waiver',
    generator: 'volume-request',
    input: { ...waiver(), waiver: undefined },
    message: /backup: say how the volume is protected/,
  },
  {
    name: 'waiver without a real reason',
    generator: 'volume-request',
    input: { ...waiver(), waiver: { reason: 'no' } },
    message: /waiver\.reason: give a reason of at least 10 characters/,
  },
  {
    name: 'waiver expiry not RFC 3339',
    generator: 'volume-request',
    input: {
      ...waiver(),
      waiver: { reason: 'scratch data only', expires: 'next June' },
    },
    message: /waiver\.expires: must be an RFC 3339 time/,
  },
  {
    name: 'workload not in folder',
    generator: 'volume-request',
    input: { ...volume(), backup: { workload: { name: 'payments-worker' } } },
    message:
      /backup\.workload: Deployment 'payments-worker' is not among the resources/,
  },
  {
    name: 'unknown container',
    generator: 'volume-request',
    input: {
      ...volume(),
      backup: { ...volume().backup, container: 'sidecar' },
    },
    message:
      /backup\.container: Deployment 'payments-api' has no container 'sidecar'/,
  },
  // Secrets
  {
    name: 'AWS key in BSL config',
    generator: 'velero',
    input: {
      ...velero(),
      backupStorageLocations: [
        { bucket: 'b', s3Url: 'http://AKIAIOSFODNN7EXAMPLE@minio:9000' },
      ],
    },
    message:
      /backupStorageLocations\.0\.s3Url: looks like an AWS access key id.*never writes secret material/,
  },
  {
    name: 'secretContents field',
    generator: 'velero',
    input: {
      ...velero(),
      credentials: {
        existingSecret: 'velero-s3',
        secretContents: { cloud: '[default]' },
      },
    },
    message:
      /credentials\.secretContents: looks like a field for secret material/,
  },
  {
    name: 'credentials file pasted',
    generator: 'velero',
    input: {
      ...velero(),
      credentials: {
        existingSecret:
          '[default]\naws_access_key_id = x\naws_secret_access_key = y',
      },
    },
    message: /credentials\.existingSecret: looks like an AWS credentials file/,
  },
  {
    name: 'random secret key in a reason',
    generator: 'volume-request',
    input: {
      ...waiver(),
      waiver: { reason: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    },
    message: /waiver\.reason: looks like a random key/,
  },
  {
    name: 'PEM private key',
    generator: 'nfs-provisioner',
    input: {
      ...nfs(),
      storageClass: { pathPattern: '-----BEGIN RSA PRIVATE KEY-----\nMIIE' },
    },
    message: /storageClass\.pathPattern: looks like a PEM private key/,
  },
  {
    name: 'credentials key other than cloud',
    generator: 'velero',
    input: {
      ...velero(),
      credentials: { existingSecret: 'velero-s3', key: 'aws' },
    },
    message: /credentials\.key: must be "cloud"/,
  },
  // Velero rules
  {
    name: 'restic on Velero 1.18',
    generator: 'velero',
    input: { ...velero(), uploaderType: 'restic' },
    message:
      /uploaderType: restic cannot be used with Velero 1\.18\.1.*From Velero 1\.17 backups through restic are disabled/s,
  },
  {
    name: 'restic on Velero 1.17.0',
    generator: 'velero',
    input: {
      ...velero(),
      chart: { version: '11.0.0' },
      uploaderType: 'restic',
      veleroVersion: '1.17.0',
    },
    message: /restic cannot be used with Velero 1\.17\.0/,
  },
  {
    name: 'restic on chart 12.1.0, whatever veleroVersion says',
    generator: 'velero',
    input: { ...velero(), uploaderType: 'restic', veleroVersion: '1.16.2' },
    message: /chart 12\.1\.0 deploys Velero 1\.18\.1/,
  },
  {
    name: 'two default locations',
    generator: 'velero',
    input: {
      ...velero(),
      backupStorageLocations: [
        { name: 'a', bucket: 'aaa', default: true },
        { name: 'b', bucket: 'bbb', default: true },
      ],
    },
    message: /backupStorageLocations: only one location can be the default/,
  },
  {
    name: 'no node agent',
    generator: 'velero',
    input: { ...velero(), deployNodeAgent: false },
    message: /deployNodeAgent: must be true/,
  },
  // Repository state
  {
    name: 'missing parent kustomization (storage applications)',
    generator: 'velero',
    input: velero(),
    setup: dir =>
      fs.rmSync(
        `${dir}/apps/cicd/argocd/overlays/main/applications/prod/storage/kustomization.yaml`,
      ),
    message:
      /missing parent kustomization: 'apps\/cicd\/argocd\/overlays\/main\/applications\/prod\/storage\/kustomization\.yaml' does not exist/,
    code: 'missing-parent',
  },
  {
    name: 'missing parent kustomization (cluster overlay)',
    generator: 'kro-inventory',
    input: kro(),
    setup: dir =>
      fs.rmSync(`${dir}/apps/storage/overlays/prod/kustomization.yaml`),
    message:
      /missing parent kustomization: 'apps\/storage\/overlays\/prod\/kustomization\.yaml'/,
    code: 'missing-parent',
  },
  {
    name: 'missing parent kustomization (service folder)',
    generator: 'volume-request',
    input: { ...volume(), folder: 'apps/payments/payments-api' },
    message:
      /folder: missing parent kustomization: 'apps\/payments\/payments-api\/kustomization\.yaml'/,
    code: 'missing-parent',
  },
  {
    name: 'schedules before the Velero app',
    generator: 'velero-schedules',
    input: schedules(),
    message: /run the velero generator first/,
    code: 'missing-parent',
  },
  {
    name: 'missing argocd-cm',
    generator: 'nfs-provisioner',
    input: nfs(),
    setup: dir => fs.rmSync(`${dir}/apps/cicd/argocd/base/argocd-cm.yaml`),
    message: /argocd-cm ConfigMap\) does not exist/,
    code: 'missing-parent',
  },
  {
    name: 'conflicting values file',
    generator: 'velero',
    input: velero(),
    setup: dir => {
      fs.mkdirSync(`${dir}/apps/storage/velero/base`, { recursive: true });
      fs.writeFileSync(
        `${dir}/apps/storage/velero/base/values.yaml`,
        '# hand-written\nconfiguration: {}\n',
      );
    },
    message:
      /'apps\/storage\/velero\/base\/values\.yaml' already exists with different content/,
    code: 'conflict',
  },
  {
    name: 'conflicting claim file',
    generator: 'volume-request',
    input: volume(),
    setup: dir =>
      fs.writeFileSync(
        `${dir}/apps/payments/payments-api/base/payments-uploads-pvc.yaml`,
        'kind: PersistentVolumeClaim\nmetadata: {name: other}\n',
      ),
    message:
      /payments-uploads-pvc\.yaml' already exists with different content/,
    code: 'conflict',
  },
  {
    name: 're-run with a different input over a file someone took over (no generator marker)',
    generator: 'nfs-provisioner',
    input: { ...nfs(), nfs: { server: 'nas-2.storage.internal' } },
    setup: async dir => {
      await runAndApply(dir, findGenerator('nfs-provisioner')!, nfs());
      const file = `${dir}/apps/storage/nfs-subdir-external-provisioner/overlays/prod/nfs-export.yaml`;
      fs.writeFileSync(
        file,
        fs
          .readFileSync(file, 'utf8')
          .replace(
            /^# Written by backstage-storage\.\n/m,
            '# Edited by hand.\n',
          ),
      );
    },
    message:
      /nfs-export\.yaml' already exists with different content and was not written by a generator/,
    code: 'conflict',
  },
  {
    name: 'pod volume name taken by another claim',
    generator: 'volume-request',
    input: {
      folder: 'apps/orders/orders-service/base',
      claimName: 'orders-files',
      tier: 'fast',
      size: '1Gi',
      backup: { workload: { name: 'orders-service' }, volumeName: 'db' },
    },
    message:
      /backup\.volumeName: Deployment 'orders-service' already has a pod volume 'db'/,
  },
  {
    name: 'kustomization that is not YAML',
    generator: 'volume-request',
    input: volume(),
    setup: dir =>
      fs.writeFileSync(
        `${dir}/apps/payments/payments-api/base/kustomization.yaml`,
        'resources: [deployment.yaml\n',
      ),
    message: /kustomization\.yaml' is not valid YAML/,
    code: 'invalid-repository',
  },
  // kro-backup-policies (each needs the Velero app first)
  {
    name: 'policy with both tiers and rpo',
    generator: 'kro-backup-policies',
    input: {
      policies: [{ namespace: 'a', tiers: ['fast'], rpo: 'PT6H' }],
    },
    setup: VELERO_APP,
    message: /policies\.0\.tiers: give either tiers or rpo/,
  },
  {
    name: 'policy with neither tiers nor rpo',
    generator: 'kro-backup-policies',
    input: { policies: [{ namespace: 'a' }] },
    setup: VELERO_APP,
    message: /policies\.0\.tiers: give either tiers or rpo/,
  },
  {
    name: 'two policies for one namespace',
    generator: 'kro-backup-policies',
    input: {
      policies: [
        { namespace: 'a', tiers: ['fast'] },
        { namespace: 'a', rpo: 'PT6H' },
      ],
    },
    setup: VELERO_APP,
    message: /policies\.1\.namespace: namespace 'a' is listed twice/,
  },
  {
    name: 'policy label selector with a bad key',
    generator: 'kro-backup-policies',
    input: {
      policies: [
        {
          namespace: 'a',
          tiers: ['fast'],
          labelSelector: { matchLabels: { 'bad key': 'x' } },
        },
      ],
    },
    setup: VELERO_APP,
    message: /must be a label key/,
  },
  {
    name: 'policy RPO under ten minutes without a schedule',
    generator: 'kro-backup-policies',
    input: { policies: [{ namespace: 'a', rpo: 'PT5M' }] },
    setup: VELERO_APP,
    message: /policies\.0: the RPO has an RPO under ten minutes/,
  },
  {
    name: 'policy storage location the Velero app does not create',
    generator: 'kro-backup-policies',
    input: {
      ...policies(),
      policies: [
        { namespace: 'a', tiers: ['fast'], storageLocation: 'offsite' },
      ],
    },
    setup: VELERO_APP,
    message:
      /policies\.0\.storageLocation: 'offsite' is not a backup storage location of the Velero app/,
  },
  {
    name: 'policies without the Velero app',
    generator: 'kro-backup-policies',
    input: policies(),
    message: /has no velero chart: schedules extend the Velero app/,
    code: 'missing-parent',
  },
  {
    name: 'policy for a namespace with a static Schedule',
    generator: 'kro-backup-policies',
    input: { policies: [{ namespace: 'orders', tiers: ['fast'] }] },
    setup: async dir => {
      await VELERO_APP(dir);
      await runAndApply(dir, findGenerator('velero-schedules')!, schedules());
    },
    message: /namespace 'orders' already has a static Velero Schedule/,
  },
  {
    name: 'static Schedule for a namespace with a BackupPolicy',
    generator: 'velero-schedules',
    input: { namespaces: [{ name: 'media', tiers: ['nfs'] }] },
    setup: async dir => {
      await VELERO_APP(dir);
      await runAndApply(dir, findGenerator('kro-backup-policies')!, policies());
    },
    message: /namespace 'media' is backed up by its BackupPolicy/,
  },
];

describe('bad input: a clear error and nothing written', () => {
  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES.map(c => [c.name, c] as const))(
    '%s',
    async (_name, testCase) => {
      const { dir, cleanup } = tempFixture();
      try {
        await testCase.setup?.(dir);
        const before = hashTree(dir);
        const generator = findGenerator(
          testCase.generator,
        ) as GitopsGenerator<unknown>;
        let error: unknown;
        try {
          // What the command line and the actions do: generate, then apply.
          await applyChangeSet(
            dir,
            runGenerator(
              generator,
              createDirectoryRepoReader(dir),
              testCase.input,
            ),
          );
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(GeneratorError);
        expect((error as Error).message).toMatch(testCase.message);
        expect((error as GeneratorError).code).toBe(
          testCase.code ?? 'invalid-input',
        );
        expect(hashTree(dir)).toBe(before);
      } finally {
        cleanup();
      }
    },
  );
});
