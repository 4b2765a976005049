import { applyPatch, parsePatch } from 'diff';
import { renderUnifiedDiff } from './renderUnifiedDiff';

describe('renderUnifiedDiff', () => {
  const changeSet = {
    generator: 't',
    summary: 's',
    changes: [
      {
        path: 'apps/a.yaml',
        action: 'create' as const,
        content: 'a: 1\nb: 2\n',
      },
      {
        path: 'apps/k.yaml',
        action: 'update' as const,
        previous: 'resources:\n  - x\n',
        content: 'resources:\n  - x\n  - y\n',
      },
    ],
  };

  it('prints git-style hunks: new files from /dev/null, updates against their previous content', () => {
    expect(renderUnifiedDiff(changeSet)).toBe(
      [
        'diff --git a/apps/a.yaml b/apps/a.yaml',
        'new file mode 100644',
        '--- /dev/null',
        '+++ b/apps/a.yaml',
        '@@ -0,0 +1,2 @@',
        '+a: 1',
        '+b: 2',
        'diff --git a/apps/k.yaml b/apps/k.yaml',
        '--- a/apps/k.yaml',
        '+++ b/apps/k.yaml',
        '@@ -1,2 +1,3 @@',
        ' resources:',
        '   - x',
        '+  - y',
        '',
      ].join('\n'),
    );
  });

  it('is a patch that turns the old content into the new', () => {
    const patches = parsePatch(renderUnifiedDiff(changeSet));
    expect(applyPatch('resources:\n  - x\n', patches[1])).toBe(
      'resources:\n  - x\n  - y\n',
    );
  });

  it('is empty for an empty change set', () => {
    expect(
      renderUnifiedDiff({ generator: 't', summary: 's', changes: [] }),
    ).toBe('');
  });
});
