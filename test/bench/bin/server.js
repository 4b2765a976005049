// The fake API servers' process: Backstage's node transform, then the TypeScript.
require('@backstage/cli/config/nodeTransform.cjs');
require('../src/server/serverProcess.ts');
