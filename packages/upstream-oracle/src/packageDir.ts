import fs from 'node:fs';
import nodePath from 'node:path';

/** The installed folder of an npm package, found the way Node looks up node_modules. */
export function packageDir(
  name: string,
  // A test-only package, never bundled: its own folder is where node_modules are looked up.
  // eslint-disable-next-line no-restricted-syntax
  from: string = __dirname,
): string {
  for (let dir = from; ; dir = nodePath.dirname(dir)) {
    const candidate = nodePath.join(dir, 'node_modules', name);
    if (fs.existsSync(nodePath.join(candidate, 'package.json')))
      return candidate;
    if (nodePath.dirname(dir) === dir)
      throw new Error(`${name} is not installed (run yarn install)`);
  }
}
