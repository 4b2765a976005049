import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import { createDirectoryRepoReader } from './directoryRepoReader';
import { createMemoryRepoReader } from './memoryRepoReader';
import { overlayRepoReader } from './overlayRepoReader';

const FILES = {
  'a/b/c.yaml': 'c: 1\n',
  'a/d.yaml': 'd: 1\n',
  'top.txt': 'top\n',
};

function onDisk(): string {
  const dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'reader-'));
  for (const [path, content] of Object.entries(FILES)) {
    fs.mkdirSync(nodePath.dirname(nodePath.join(dir, path)), {
      recursive: true,
    });
    fs.writeFileSync(nodePath.join(dir, path), content);
  }
  fs.mkdirSync(nodePath.join(dir, '.git'));
  return dir;
}

describe.each([
  ['memory', () => createMemoryRepoReader(FILES)],
  ['directory', () => createDirectoryRepoReader(onDisk())],
])('%s repo reader', (_name, make) => {
  const repo = make();

  it('reads files and reports absent ones as undefined', () => {
    expect(repo.readFile('a/b/c.yaml')).toBe('c: 1\n');
    expect(repo.readFile('a/nope.yaml')).toBeUndefined();
    expect(repo.readFile('a/b')).toBeUndefined();
  });

  it('knows folders and lists their entries by name, without .git', () => {
    expect(repo.isDirectory('a')).toBe(true);
    expect(repo.isDirectory('a/d.yaml')).toBe(false);
    expect(repo.isDirectory('zzz')).toBe(false);
    expect(repo.listDirectory('a')).toEqual(['b', 'd.yaml']);
    expect(repo.listDirectory('')).toEqual(['a', 'top.txt']);
    expect(repo.listDirectory('missing')).toEqual([]);
  });

  it.each(['../outside', '/etc/passwd', 'a/../../x', 'a\0b'])(
    'refuses the path %j',
    path => {
      expect(() => repo.readFile(path)).toThrow(/path/);
    },
  );
});

describe('directory repo reader', () => {
  it('refuses to follow a symbolic link out of the repository', () => {
    const dir = onDisk();
    const outside = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'outside-'));
    fs.writeFileSync(nodePath.join(outside, 'secret.txt'), 'secret');
    fs.symlinkSync(outside, nodePath.join(dir, 'link'));
    expect(() =>
      createDirectoryRepoReader(dir).readFile('link/secret.txt'),
    ).toThrow(/leaves the repository through a symbolic link/);
  });

  it('says when the folder does not exist', () => {
    expect(() => createDirectoryRepoReader('/nonexistent/repo')).toThrow(
      "repository folder '/nonexistent/repo' does not exist",
    );
  });
});

describe('overlay repo reader', () => {
  it('shows a change set on top of a repository', () => {
    const repo = overlayRepoReader(createMemoryRepoReader(FILES), {
      generator: 't',
      summary: '',
      changes: [
        {
          path: 'a/d.yaml',
          action: 'update',
          content: 'd: 2\n',
          previous: 'd: 1\n',
        },
        { path: 'new/x/y.yaml', action: 'create', content: 'y\n' },
      ],
    });
    expect(repo.readFile('a/d.yaml')).toBe('d: 2\n');
    expect(repo.readFile('a/b/c.yaml')).toBe('c: 1\n');
    expect(repo.isDirectory('new/x')).toBe(true);
    expect(repo.listDirectory('')).toEqual(['a', 'new', 'top.txt']);
  });

  it('hides the files a change set deletes', () => {
    const repo = overlayRepoReader(createMemoryRepoReader(FILES), {
      generator: 't',
      summary: '',
      changes: [
        {
          path: 'a/d.yaml',
          action: 'delete',
          content: '',
          previous: 'd: 1\n',
        },
      ],
    });
    expect(repo.readFile('a/d.yaml')).toBeUndefined();
    expect(repo.listDirectory('a')).toEqual(['b']);
    expect(repo.readFile('a/b/c.yaml')).toBe('c: 1\n');
  });
});
