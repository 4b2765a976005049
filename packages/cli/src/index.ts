/**
 * The `backstage-storage` command line: backup coverage reports and GitOps
 * generators, over the same engine and generators as the Backstage plugins.
 *
 * @packageDocumentation
 */

import { createProgram } from './program';

createProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(
      `backstage-storage: ${
        error instanceof Error ? error.message : String(error)
      }\n`,
    );
    process.exit(2);
  });
