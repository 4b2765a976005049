import { createMemoryRepoReader } from '../repo/memoryRepoReader';
import { ChangeSetBuilder } from './ChangeSetBuilder';

const OWNED = '# Written by backstage-storage.\na: 1\n';

function builder(files: Record<string, string> = { 'x/owned.yaml': OWNED }) {
  return new ChangeSetBuilder(createMemoryRepoReader(files), 'test');
}

const unedited = () => undefined;

describe('ChangeSetBuilder.deleteOwnedFile', () => {
  it('deletes an owned, unedited file: later reads see it gone', () => {
    const b = builder();
    b.deleteOwnedFile('x/owned.yaml', unedited);
    expect(b.read('x/owned.yaml')).toBeUndefined();
    expect(b.build('s').changes).toEqual([
      { path: 'x/owned.yaml', action: 'delete', content: '', previous: OWNED },
    ]);
  });

  it('does nothing for a file that is already gone', () => {
    const b = builder({});
    b.deleteOwnedFile('x/owned.yaml', unedited);
    expect(b.build('s').changes).toEqual([]);
  });

  it('a file created in the same run and then deleted leaves no change', () => {
    const b = builder({});
    b.createFile('x/new.yaml', OWNED);
    b.deleteOwnedFile('x/new.yaml', unedited);
    expect(b.build('s').changes).toEqual([]);
  });

  it('deleted and then wanted again: back to the original (no change) or an update', () => {
    const same = builder();
    same.deleteOwnedFile('x/owned.yaml', unedited);
    same.createFile('x/owned.yaml', OWNED);
    expect(same.build('s').changes).toEqual([]);

    const other = builder();
    other.deleteOwnedFile('x/owned.yaml', unedited);
    other.createFile('x/owned.yaml', '# Written by backstage-storage.\na: 2\n');
    expect(other.build('s').changes).toEqual([
      {
        path: 'x/owned.yaml',
        action: 'update',
        content: '# Written by backstage-storage.\na: 2\n',
        previous: OWNED,
      },
    ]);
  });

  it('refuses a file without the marker and one the check finds edited, saying why', () => {
    expect(() =>
      builder({ 'x/mine.yaml': '# hand-written\na: 1\n' }).deleteOwnedFile(
        'x/mine.yaml',
        unedited,
      ),
    ).toThrow(/was not written by a generator .* so it is not deleted/);
    expect(() =>
      builder().deleteOwnedFile('x/owned.yaml', () => 'its value changed'),
    ).toThrow(
      /edited after the generator wrote it \(its value changed\), so it is not deleted/,
    );
  });
});
