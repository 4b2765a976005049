import { Command } from 'commander';
import { registerCoverageCommand } from './commands/coverage';
import { registerGitopsCommand } from './commands/gitops';

export function createProgram(): Command {
  const program = new Command('backstage-storage')
    .description(
      'Kubernetes storage on a GitOps platform: backup coverage per volume, and generators that write storage apps into the GitOps repository.',
    )
    .showHelpAfterError();
  registerCoverageCommand(program);
  registerGitopsCommand(program);
  return program;
}
