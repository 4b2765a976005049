import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Clone the default GitOps repository (storage.gitops.repoUrl, or the embedded local one) on its base branch into ./gitops',
    example: yaml.stringify({
      steps: [
        {
          id: 'clone',
          action: 'storage:git:clone',
          name: 'Check out the GitOps repository',
          input: {},
        },
      ],
    }),
  },
  {
    description:
      'Clone a GitHub repository with the GitHub integration credentials',
    example: yaml.stringify({
      steps: [
        {
          id: 'clone',
          action: 'storage:git:clone',
          name: 'Check out the GitOps repository',
          input: {
            repoUrl: 'https://github.com/acme/gitops',
            branch: 'main',
            targetPath: 'gitops',
          },
        },
      ],
    }),
  },
  {
    description: 'Clone a local bare repository by file:// URL',
    example: yaml.stringify({
      steps: [
        {
          id: 'clone',
          action: 'storage:git:clone',
          name: 'Check out the GitOps repository',
          input: {
            repoUrl: 'file:///srv/git/gitops.git',
            targetPath: 'repo',
          },
        },
      ],
    }),
  },
];
