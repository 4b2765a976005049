import type { Command } from 'commander';
import { runCoverage } from '../coverage/runCoverage';
import { UsageError } from '../coverage/readOptions';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function registerCoverageCommand(program: Command): void {
  program
    .command('coverage')
    .description(
      'Backup coverage of every PVC in one or more cluster snapshots, worst first',
    )
    .option(
      '--snapshot <dir>',
      'a directory of kubectl get -o yaml|json output; its name is the cluster name (repeatable)',
      collect,
      [],
    )
    .option(
      '--config <file>',
      'app-config.yaml with storage.tiers (and storage.defaultVolumesToFsBackup)',
    )
    .option(
      '--now <time>',
      'evaluate at this RFC 3339 time (default: when the snapshots were captured, if they say, else now)',
    )
    .option('--format <format>', 'table, json or csv', 'table')
    .option(
      '--wide',
      'table: every reason code in full (claim names are never cut)',
    )
    .option(
      '--fail-under <percent>',
      'exit 1 when protected + waived claims are below this percentage',
    )
    .addHelpText(
      'after',
      '\nExit status: 0 done, 1 coverage below --fail-under, 2 bad flags or unreadable input.',
    )
    // Usage errors exit with 2 (through the program's error handler);
    // --help still exits with 0.
    .exitOverride(error => {
      if (error.exitCode !== 0)
        throw new UsageError(error.message.replace(/^error: /, ''));
    })
    .configureOutput({ outputError: () => {} })
    .action(
      async (options: {
        snapshot: string[];
        config?: string;
        now?: string;
        format?: string;
        failUnder?: string;
        wide?: boolean;
      }) => {
        process.exitCode = await runCoverage(options, {
          out: text => process.stdout.write(text),
          err: text => process.stderr.write(text),
        });
      },
    );
}
