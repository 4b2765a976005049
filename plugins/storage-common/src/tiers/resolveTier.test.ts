import type { Tier } from '../model';
import { resolveTier } from './resolveTier';

const tiers: Tier[] = [
  {
    name: 'fast',
    storageClasses: ['storage-fast'],
    rpo: 'PT24H',
    rpoSeconds: 86400,
  },
  {
    name: 'nfs',
    storageClasses: ['storage-nfs', 'nfs-legacy'],
    rpo: 'PT6H',
    rpoSeconds: 21600,
  },
];

describe('resolveTier', () => {
  it.each([
    [
      'config lists the class',
      'storage-fast',
      undefined,
      'fast',
      'config',
      86400,
    ],
    [
      'config wins over the label',
      'nfs-legacy',
      'fast',
      'nfs',
      'config',
      21600,
    ],
    [
      'label names a configured tier',
      'ceph-rbd',
      'fast',
      'fast',
      'storage-class-label',
      86400,
    ],
    [
      'label names an unconfigured tier',
      'ceph-rbd',
      'replicated',
      'replicated',
      'storage-class-label',
      undefined,
    ],
    [
      'no config, no label',
      'standard',
      undefined,
      'unclassified',
      'unclassified',
      undefined,
    ],
    [
      'no class at all',
      undefined,
      undefined,
      'unclassified',
      'unclassified',
      undefined,
    ],
  ])('%s', (_name, storageClass, label, expected, from, rpoSeconds) => {
    const resolved = resolveTier(tiers, storageClass, label);
    expect(resolved.name).toBe(expected);
    expect(resolved.from).toBe(from);
    expect(resolved.tier?.rpoSeconds).toBe(rpoSeconds);
  });
});
