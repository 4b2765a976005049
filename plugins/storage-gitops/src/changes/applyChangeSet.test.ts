import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import type { ChangeSet, FileChange } from '../types';
import { hashTree } from '../testUtils/fixtureRepo';
import { applyChangeSet } from './applyChangeSet';

function repo(): string {
  const dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'apply-'));
  fs.mkdirSync(nodePath.join(dir, 'apps'));
  fs.writeFileSync(
    nodePath.join(dir, 'apps/kustomization.yaml'),
    'resources: []\n',
  );
  return dir;
}

const set = (...changes: FileChange[]): ChangeSet => ({
  generator: 'test',
  summary: 'test',
  changes,
});

describe('applyChangeSet', () => {
  it('creates folders and files and updates files', async () => {
    const dir = repo();
    const result = await applyChangeSet(
      dir,
      set(
        {
          path: 'apps/new/deep/file.yaml',
          action: 'create',
          content: 'a: 1\n',
        },
        {
          path: 'apps/kustomization.yaml',
          action: 'update',
          content: 'resources: [new]\n',
          previous: 'resources: []\n',
        },
      ),
    );
    expect(result).toEqual({
      written: ['apps/new/deep/file.yaml', 'apps/kustomization.yaml'],
      deleted: [],
      unchanged: [],
    });
    expect(
      fs.readFileSync(nodePath.join(dir, 'apps/new/deep/file.yaml'), 'utf8'),
    ).toBe('a: 1\n');
    expect(
      fs.readFileSync(nodePath.join(dir, 'apps/kustomization.yaml'), 'utf8'),
    ).toBe('resources: [new]\n');
    expect(
      fs
        .readdirSync(nodePath.join(dir, 'apps'))
        .filter(n => n.endsWith('.tmp')),
    ).toEqual([]);
  });

  it('treats a change already on disk as unchanged', async () => {
    const dir = repo();
    const result = await applyChangeSet(
      dir,
      set({
        path: 'apps/kustomization.yaml',
        action: 'create',
        content: 'resources: []\n',
      }),
    );
    expect(result).toEqual({
      written: [],
      deleted: [],
      unchanged: ['apps/kustomization.yaml'],
    });
  });

  it('deletes a file that still has its previous content, and the folder it leaves empty', async () => {
    const dir = repo();
    fs.mkdirSync(nodePath.join(dir, 'apps/old'));
    fs.writeFileSync(nodePath.join(dir, 'apps/old/gone.yaml'), 'a: 1\n');
    const change: FileChange = {
      path: 'apps/old/gone.yaml',
      action: 'delete',
      content: '',
      previous: 'a: 1\n',
    };
    expect(await applyChangeSet(dir, set(change))).toEqual({
      written: [],
      deleted: ['apps/old/gone.yaml'],
      unchanged: [],
    });
    expect(fs.existsSync(nodePath.join(dir, 'apps/old'))).toBe(false);
    expect(fs.existsSync(nodePath.join(dir, 'apps/kustomization.yaml'))).toBe(
      true,
    );
    // Already gone: done, not an error.
    expect(await applyChangeSet(dir, set(change))).toEqual({
      written: [],
      deleted: [],
      unchanged: ['apps/old/gone.yaml'],
    });
  });

  it.each<[string, FileChange[], RegExp]>([
    [
      'a create over a different file',
      [
        {
          path: 'apps/kustomization.yaml',
          action: 'create',
          content: 'x: 1\n',
        },
      ],
      /already exists with different content; refusing to overwrite/,
    ],
    [
      'an update whose previous content is stale',
      [
        {
          path: 'apps/kustomization.yaml',
          action: 'update',
          content: 'x\n',
          previous: 'old\n',
        },
      ],
      /changed since the change set was made/,
    ],
    [
      'an update without previous content',
      [{ path: 'apps/kustomization.yaml', action: 'update', content: 'x\n' }],
      /carries no previous content/,
    ],
    [
      'an update of a missing file',
      [
        {
          path: 'apps/missing.yaml',
          action: 'update',
          content: 'x\n',
          previous: 'y\n',
        },
      ],
      /was to be updated but does not exist/,
    ],
    [
      'a delete of a file edited since',
      [
        {
          path: 'apps/kustomization.yaml',
          action: 'delete',
          content: '',
          previous: 'resources: [old]\n',
        },
      ],
      /changed since the change set was made; refusing to delete it/,
    ],
    [
      'a delete without previous content',
      [{ path: 'apps/kustomization.yaml', action: 'delete', content: '' }],
      /the delete of 'apps\/kustomization\.yaml' carries no previous content/,
    ],
    [
      'a path with ..',
      [{ path: 'apps/../../escape.yaml', action: 'create', content: 'x\n' }],
      /contains '\.\.'/,
    ],
    [
      'an absolute path',
      [{ path: '/tmp/escape.yaml', action: 'create', content: 'x\n' }],
      /is absolute/,
    ],
    [
      'a file where a folder must go',
      [
        {
          path: 'apps/kustomization.yaml/x.yaml',
          action: 'create',
          content: 'x\n',
        },
      ],
      /'apps\/kustomization\.yaml' is a file/,
    ],
    [
      'the same path twice',
      [
        { path: 'apps/a.yaml', action: 'create', content: 'x\n' },
        { path: 'apps/a.yaml', action: 'create', content: 'y\n' },
      ],
      /changes 'apps\/a\.yaml' twice/,
    ],
  ])('writes nothing for %s', async (_name, changes, message) => {
    const dir = repo();
    const before = hashTree(dir);
    // A valid change first: it must not be written either.
    await expect(
      applyChangeSet(
        dir,
        set(
          { path: 'apps/first/ok.yaml', action: 'create', content: 'ok\n' },
          ...changes,
        ),
      ),
    ).rejects.toThrow(message);
    expect(hashTree(dir)).toBe(before);
  });

  it('rolls back what it wrote when a write fails midway', async () => {
    const dir = repo();
    const before = hashTree(dir);
    let renames = 0;
    const failingThirdRename = {
      renameSync(from: string, to: string) {
        if (++renames === 3) throw new Error('disk full');
        fs.renameSync(from, to);
      },
    };
    await expect(
      applyChangeSet(
        dir,
        set(
          { path: 'apps/new/ok.yaml', action: 'create', content: 'ok\n' },
          {
            path: 'apps/kustomization.yaml',
            action: 'update',
            content: 'changed\n',
            previous: 'resources: []\n',
          },
          { path: 'apps/other/x.yaml', action: 'create', content: 'x\n' },
        ),
        failingThirdRename,
      ),
    ).rejects.toThrow(
      'writing the change set failed and was rolled back: disk full',
    );
    expect(renames).toBe(3);
    expect(hashTree(dir)).toBe(before);
  });

  it('puts a deleted file back when a later change fails', async () => {
    const dir = repo();
    const before = hashTree(dir);
    let renames = 0;
    const failingSecondRename = {
      renameSync(from: string, to: string) {
        if (++renames === 2) throw new Error('disk full');
        fs.renameSync(from, to);
      },
    };
    await expect(
      applyChangeSet(
        dir,
        set(
          {
            path: 'apps/kustomization.yaml',
            action: 'delete',
            content: '',
            previous: 'resources: []\n',
          },
          { path: 'apps/other/x.yaml', action: 'create', content: 'x\n' },
        ),
        failingSecondRename,
      ),
    ).rejects.toThrow('rolled back: disk full');
    expect(hashTree(dir)).toBe(before);
  });
});
