import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { ChangeSet } from '../types';

/**
 * The change set as a git-style unified diff (`a/` and `b/` prefixes, new
 * files from `/dev/null`, deleted files to it), the way a dry run shows it. Empty for an empty
 * change set.
 * @public
 */
export function renderUnifiedDiff(changeSet: ChangeSet): string {
  return changeSet.changes
    .map(change => {
      const isNew = change.action === 'create';
      const isGone = change.action === 'delete';
      const mode = isNew ? 'new file mode 100644\n' : '';
      const header = `diff --git a/${change.path} b/${change.path}\n${
        isGone ? 'deleted file mode 100644\n' : mode
      }`;
      const patch = createTwoFilesPatch(
        isNew ? '/dev/null' : `a/${change.path}`,
        isGone ? '/dev/null' : `b/${change.path}`,
        isNew ? '' : change.previous ?? '',
        isGone ? '' : change.content,
        undefined,
        undefined,
        { context: 3, headerOptions: FILE_HEADERS_ONLY },
      );
      return header + patch;
    })
    .join('');
}
