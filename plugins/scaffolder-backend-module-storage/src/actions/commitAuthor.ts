import type { UserEntity } from '@backstage/catalog-model';
import type { GitIdentity } from '../git/identity';

/**
 * The commit author: the explicit input, else the requesting user's catalog
 * profile, else the configured committer. The committer stays the backend.
 */
export function commitAuthor(
  input: { authorName?: string; authorEmail?: string },
  user: UserEntity | undefined,
  committer: GitIdentity,
): GitIdentity {
  const profile = user?.spec?.profile;
  const fromProfile =
    profile?.email && (profile.displayName || user?.metadata.name)
      ? {
          name: profile.displayName || user!.metadata.name,
          email: profile.email,
        }
      : undefined;
  const base = fromProfile ?? committer;
  return {
    name: input.authorName || base.name,
    email: input.authorEmail || base.email,
  };
}
