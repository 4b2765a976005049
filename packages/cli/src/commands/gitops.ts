import type { Command } from 'commander';
import { listGenerators, runGitops } from '../gitops/runGitops';

export function registerGitopsCommand(program: Command): void {
  program
    .command('gitops')
    .argument('[generator]', 'the generator to run (see --list)')
    .description(
      'Write storage apps, schedules and volume requests into a GitOps repository',
    )
    .option('--repo <dir>', 'the GitOps repository checkout to change')
    .option('--input <file>', 'the generator input (YAML)')
    .option('--dry-run', 'print the unified diff and write nothing')
    .option('--list', 'list the generators')
    .addHelpText(
      'after',
      `\nGenerators:\n${listGenerators()}\nExit status: 0 done or nothing to change, 2 invalid input or conflict.`,
    )
    .action(
      async (
        generator: string | undefined,
        opts: {
          repo?: string;
          input?: string;
          dryRun?: boolean;
          list?: boolean;
        },
      ) => {
        process.exitCode = await runGitops(
          { generator, ...opts },
          {
            out: text => process.stdout.write(text),
            err: text => process.stderr.write(text),
          },
        );
      },
    );
}
