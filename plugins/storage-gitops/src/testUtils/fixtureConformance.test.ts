import { fixtureFiles } from './fixtureRepo';
import { validateManifests } from './validateManifests';

describe('the fixture GitOps repository', () => {
  it('validates against the upstream definitions, file by file', () => {
    const files = fixtureFiles();
    const yamlFiles = Object.keys(files).filter(p => /\.ya?ml$/.test(p));
    expect(yamlFiles.length).toBeGreaterThan(10);
    expect(validateManifests(files, yamlFiles)).toEqual([]);
  });
});
