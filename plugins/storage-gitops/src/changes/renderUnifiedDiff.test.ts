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

  it('prints a deletion as git does: to /dev/null, every line removed', () => {
    const deletion = {
      generator: 't',
      summary: 's',
      changes: [
        {
          path: 'apps/old.yaml',
          action: 'delete' as const,
          content: '',
          previous: 'a: 1\nb: 2\n',
        },
      ],
    };
    const diff = renderUnifiedDiff(deletion);
    expect(diff).toBe(
      [
        'diff --git a/apps/old.yaml b/apps/old.yaml',
        'deleted file mode 100644',
        '--- a/apps/old.yaml',
        '+++ /dev/null',
        '@@ -1,2 +0,0 @@',
        '-a: 1',
        '-b: 2',
        '',
      ].join('\n'),
    );
    expect(applyPatch('a: 1\nb: 2\n', parsePatch(diff)[0])).toBe('');
  });
});
