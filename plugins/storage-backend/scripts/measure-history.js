#!/usr/bin/env node
/* eslint-disable @backstage/no-relative-monorepo-imports */
// Measures coverage history: database size per 10,000 volumes per year and
// the recording task's cost on a 50,000-volume fleet (docs/storage-history.md).
require('@backstage/cli/config/nodeTransform.cjs');
require('../src/history/measure/measureHistory.ts');
