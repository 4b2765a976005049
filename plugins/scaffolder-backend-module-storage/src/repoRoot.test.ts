import { createMockDirectory } from '@backstage/backend-test-utils';
import { findRepoRoot } from './repoRoot';

describe('findRepoRoot', () => {
  const mockDir = createMockDirectory();

  it('finds the folder whose package.json declares workspaces', () => {
    mockDir.setContent({
      'package.json': JSON.stringify({
        workspaces: { packages: ['packages/*'] },
      }),
      'packages/backend/package.json': JSON.stringify({ name: 'backend' }),
      'packages/backend/src': {},
    });
    expect(findRepoRoot(mockDir.resolve('packages/backend/src'))).toBe(
      mockDir.path,
    );
  });

  it('falls back to the start folder outside a monorepo', () => {
    mockDir.setContent({ 'app/package.json': JSON.stringify({ name: 'app' }) });
    expect(findRepoRoot(mockDir.resolve('app'))).toBe(mockDir.resolve('app'));
  });
});
