import { assertRepoPath, relativeRepoPath, repoPathProblem } from './repoPath';

describe('repoPathProblem', () => {
  it.each([
    ['apps/storage/velero/base/values.yaml', undefined],
    ['kustomization.yaml', undefined],
    ['', 'is empty'],
    ['/etc/passwd', 'is absolute (it must be relative to the repository root)'],
    ['C:/x', 'is absolute (it must be relative to the repository root)'],
    ['apps/../secrets', "contains '..'"],
    ['..', "contains '..'"],
    ['apps/./x', "contains a '.' segment"],
    ['apps\\x', 'contains a backslash (use POSIX "/")'],
    ['apps/x\0y', 'contains a NUL character'],
    ['apps//x', 'contains an empty segment (a doubled or trailing "/")'],
    ['apps/x/', 'contains an empty segment (a doubled or trailing "/")'],
  ])('%j → %s', (path, problem) => {
    expect(repoPathProblem(path)).toBe(problem);
  });

  it('throws a GeneratorError naming the field', () => {
    expect(() => assertRepoPath('../x', 'folder')).toThrow(
      "folder '../x' contains '..'",
    );
  });

  it('computes relative paths between folders', () => {
    expect(relativeRepoPath('apps/a/overlays/prod', 'apps/a/base')).toBe(
      '../../base',
    );
    expect(relativeRepoPath('apps/a', 'apps/a')).toBe('.');
  });
});
