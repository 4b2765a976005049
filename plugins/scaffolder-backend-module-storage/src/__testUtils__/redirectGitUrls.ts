import fs from 'node:fs';
import path from 'node:path';

/**
 * Points git at local repositories instead of remote URLs (`url.<x>.insteadOf`
 * in a private global config), so examples that name GitHub or a server path
 * run for real, offline. Returns a function that restores the environment.
 */
export function redirectGitUrls(
  configDir: string,
  redirects: Record<string, string>,
): () => void {
  const file = path.join(configDir, 'gitconfig');
  fs.mkdirSync(configDir, { recursive: true });
  fs.writeFileSync(
    file,
    Object.entries(redirects)
      .map(([from, to]) => `[url "${to}"]\n\tinsteadOf = ${from}\n`)
      .join(''),
  );
  const previous = process.env.GIT_CONFIG_GLOBAL;
  process.env.GIT_CONFIG_GLOBAL = file;
  return () => {
    if (previous === undefined) {
      delete process.env.GIT_CONFIG_GLOBAL;
    } else {
      process.env.GIT_CONFIG_GLOBAL = previous;
    }
  };
}
