// The load-generating and fan-out client process.
require('@backstage/cli/config/nodeTransform.cjs');
require('../src/client/clientProcess.ts');
