import fs from 'node:fs';
import { parse, parseAllDocuments } from 'yaml';
// eslint-disable-next-line @backstage/no-undeclared-imports
import { upstreamFile } from '@gitops-storage/upstream-oracle';
import { fixtureFiles } from '../../testUtils/fixtureRepo';
import { createMemoryRepoReader } from '../../repo/memoryRepoReader';
import {
  hostPathClasses,
  LOCAL_PATH_PROVISIONER,
  localPathClasses,
} from './localPathVolumeType';

const FOLDER = 'local-path-provisioner-0.0.37';

describe('local-path-provisioner volume types (rancher/local-path-provisioner v0.0.37)', () => {
  it('matches upstream: the provisioner name, and hostPath unless the class says local', () => {
    const manifest = parseAllDocuments(
      fs.readFileSync(upstreamFile(FOLDER, 'local-path-storage.yaml'), 'utf8'),
    ).map(d => d.toJS());
    const storageClass = manifest.find(o => o?.kind === 'StorageClass');
    expect(storageClass.provisioner).toBe(LOCAL_PATH_PROVISIONER);
    expect(
      storageClass.metadata.annotations?.defaultVolumeType,
    ).toBeUndefined();
    const chartValues = parse(
      fs.readFileSync(upstreamFile(FOLDER, 'chart-values.yaml'), 'utf8'),
    );
    expect(chartValues.storageClass.defaultVolumeType).toBe('hostPath');
  });

  it("reads the fixture's storage-local as a hostPath class until it is patched", () => {
    const repo = createMemoryRepoReader(fixtureFiles());
    expect([...localPathClasses(repo)]).toEqual([['storage-local', false]]);
    expect(hostPathClasses(repo, ['storage-local', 'storage-nfs'])).toEqual([
      'storage-local',
    ]);
  });
});
