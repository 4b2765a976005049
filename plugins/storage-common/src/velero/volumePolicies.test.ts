import {
  matchVolumePolicy,
  readResourcePolicies,
  type PolicyVolume,
} from './volumePolicies';

const GI = 1024 ** 3;
const volume = (v: Partial<PolicyVolume> = {}): PolicyVolume => ({
  capacityBytes: 10 * GI,
  storageClass: 'storage-fast',
  volumeType: 'csi',
  csi: { driver: 'ebs.csi.aws.com', volumeAttributes: {} },
  pvcLabels: { app: 'db' },
  pvcPhase: 'Bound',
  ...v,
});
const policies = (yaml: string) => {
  const result = readResourcePolicies({ policies: yaml });
  if (!result.ok) throw new Error(result.error);
  return result.policies;
};

// Mirrors resourcepolicies.getResourcePoliciesFromConfig + Policies.Validate
// (resource_policies_test.go TestLoadResourcePolicies, TestGetResourcePoliciesFromConfig).
describe('readResourcePolicies (GetResourcePoliciesFromBackup)', () => {
  it.each<[string, Record<string, string>, boolean]>([
    [
      'a valid policy',
      {
        p: 'version: v1\nvolumePolicies:\n  - conditions: {}\n    action: {type: skip}\n',
      },
      true,
    ],
    ['two data keys', { a: 'version: v1', b: 'version: v1' }, false],
    ['no data', {}, false],
    ['wrong version', { p: 'version: v2\nvolumePolicies: []\n' }, false],
    [
      'unknown top-level field (KnownFields)',
      { p: 'version: v1\nvolumePolicy: []\n' },
      false,
    ],
    [
      'unknown condition',
      {
        p: 'version: v1\nvolumePolicies:\n  - conditions: {size: 1Gi}\n    action: {type: skip}\n',
      },
      false,
    ],
    [
      'unknown action',
      {
        p: 'version: v1\nvolumePolicies:\n  - conditions: {}\n    action: {type: copy}\n',
      },
      false,
    ],
    [
      'capacity upper below lower',
      {
        p: 'version: v1\nvolumePolicies:\n  - conditions: {capacity: "10Gi,1Gi"}\n    action: {type: skip}\n',
      },
      false,
    ],
    [
      'capacity without comma',
      {
        p: 'version: v1\nvolumePolicies:\n  - conditions: {capacity: "10Gi"}\n    action: {type: skip}\n',
      },
      false,
    ],
    [
      'csi attributes without driver',
      {
        p: 'version: v1\nvolumePolicies:\n  - conditions: {csi: {volumeAttributes: {a: b}}}\n    action: {type: skip}\n',
      },
      false,
    ],
    [
      'pvcLabels not a map',
      {
        p: 'version: v1\nvolumePolicies:\n  - conditions: {pvcLabels: [a]}\n    action: {type: skip}\n',
      },
      false,
    ],
    [
      "'*' in an include-exclude policy",
      {
        p: 'version: v1\nincludeExcludePolicy:\n  excludedNamespaceScopedResources: ["*"]\n',
      },
      false,
    ],
  ])('%s → valid %s', (_name, data, valid) => {
    expect(readResourcePolicies(data).ok).toBe(valid);
  });
});

// Mirrors Policies.GetMatchAction / match and each condition's match
// (TestGetResourceMatchedAction, TestCapacityIsInRange, TestStorageClassConditionMatch,
// TestNFSConditionMatch, TestCSIConditionMatch, TestPVCLabelsMatch, TestPVCPhaseMatch).
describe('matchVolumePolicy (Policies.GetMatchAction)', () => {
  const rules = policies(`version: v1
volumePolicies:
  - conditions: {capacity: "0,5Gi"}
    action: {type: skip}
  - conditions: {storageClass: [storage-nfs], nfs: {}}
    action: {type: fs-backup}
  - conditions: {csi: {driver: ebs.csi.aws.com}, pvcLabels: {app: db}}
    action: {type: snapshot}
  - conditions: {volumeTypes: [hostPath, local]}
    action: {type: skip}
  - conditions: {pvcPhase: [Pending]}
    action: {type: skip}
`);
  it.each<[string, Partial<PolicyVolume>, string | undefined]>([
    ['small volume: first match wins', { capacityBytes: 1 * GI }, 'skip'],
    ['exactly the upper bound is in range', { capacityBytes: 5 * GI }, 'skip'],
    [
      'NFS class',
      {
        storageClass: 'storage-nfs',
        volumeType: 'nfs',
        csi: undefined,
        nfs: { server: 'nas', path: '/x' },
      },
      'fs-backup',
    ],
    [
      'NFS condition needs an NFS volume',
      { storageClass: 'storage-nfs' },
      'snapshot',
    ],
    ['CSI driver and PVC labels', {}, 'snapshot'],
    ['PVC labels must all match', { pvcLabels: { app: 'web' } }, undefined],
    [
      'PVC without labels never matches pvcLabels',
      { pvcLabels: undefined },
      undefined,
    ],
    ['volume type local', { volumeType: 'local', csi: undefined }, 'skip'],
    ['pending claim', { pvcLabels: undefined, pvcPhase: 'Pending' }, 'skip'],
    [
      'nothing matches',
      { csi: { driver: 'other' }, pvcLabels: undefined },
      undefined,
    ],
  ])('%s → %s', (_name, v, action) => {
    expect(matchVolumePolicy(rules, volume(v))).toBe(action);
  });

  it('an empty capacity range matches every size (parseCapacity ",")', () => {
    const all = policies(
      'version: v1\nvolumePolicies:\n  - conditions: {}\n    action: {type: fs-backup}\n',
    );
    expect(matchVolumePolicy(all, volume({ capacityBytes: 0 }))).toBe(
      'fs-backup',
    );
    expect(matchVolumePolicy(all, volume({ capacityBytes: 1e15 }))).toBe(
      'fs-backup',
    );
  });
});
