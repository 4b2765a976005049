#!/usr/bin/env node
/* eslint-disable @backstage/no-relative-monorepo-imports */
// Runs the TypeScript benchmark through Backstage's node transform.
require('@backstage/cli/config/nodeTransform.cjs');
require('./coverageBench.ts');
