#!/usr/bin/env node
/*
 * The repository's yarnPath (.yarnrc.yml): every `yarn …` in this repository
 * starts here, whichever yarn shim the user has. It refuses an unsupported
 * Node with one sentence (instead of native-module errors much later), points
 * native addon builds at the running Node's headers, then hands over to the
 * committed Yarn release.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const release = path.join(root, '.yarn', 'releases', 'yarn-4.13.0.cjs');
const supported = JSON.parse(
  fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
).engines.node; // "22 || 24"
const majors = supported.split('||').map(v => Number(v.trim()));
// GITOPS_STORAGE_NODE_VERSION: for this script's own test only.
const version =
  process.env.GITOPS_STORAGE_NODE_VERSION || process.versions.node;
const major = Number(version.split('.')[0]);

if (!majors.some(m => major >= m)) {
  const args = process.argv.slice(2).join(' ') || 'install';
  process.stderr.write(
    `This repository needs Node.js ${majors.join(
      ' or ',
    )}, but yarn is running on Node ` +
      `v${version} (${process.execPath}): run "./scripts/dev ${args}", which brings ` +
      `Node ${majors[0]} from the npm registry, or put Node ${majors[0]}+ first on your PATH.\n`,
  );
  process.exit(1);
}

// better-sqlite3 and other native addons must be built against the headers
// of the Node that runs them; a global `nodedir=/usr` (Node 20's headers on
// Debian) builds modules that later fail with "NODE_MODULE_VERSION" errors.
const prefix = path.dirname(path.dirname(process.execPath));
const header = path.join(prefix, 'include', 'node', 'node_version.h');
function headerMajor(file) {
  try {
    const m = /#define NODE_MAJOR_VERSION (\d+)/.exec(
      fs.readFileSync(file, 'utf8'),
    );
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}
if (headerMajor(header) === major) {
  process.env.npm_config_nodedir = prefix;
} else {
  const configured = process.env.npm_config_nodedir;
  if (
    configured &&
    headerMajor(path.join(configured, 'include', 'node', 'node_version.h')) !==
      major
  ) {
    // Wrong headers are worse than none: node-gyp then fetches the right ones.
    delete process.env.npm_config_nodedir;
  }
}

require(release);
