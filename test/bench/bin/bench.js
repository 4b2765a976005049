#!/usr/bin/env node
// `yarn bench`: the fleet-scale benchmark (docs/benchmarks.md).
const { spawnSync } = require('node:child_process');

// Memory is measured after a full GC, which needs --expose-gc.
if (typeof global.gc !== 'function') {
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', __filename, ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exit(run.status ?? 1);
}
require('@backstage/cli/config/nodeTransform.cjs');
require('../src/main.ts');
