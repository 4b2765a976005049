import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Commit the changes in ./gitops to a new branch and push it to the repository it was cloned from',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'storage:git:publish',
          name: 'Push a branch to the GitOps repository',
          input: {
            branchName: 'storage/team-a-data',
            commitMessage: 'Add a 50Gi storage-nfs volume for team-a/data',
          },
        },
      ],
    }),
  },
  {
    description:
      'Publish with an explicit checkout folder, commit body and author',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'storage:git:publish',
          name: 'Push a branch to the GitOps repository',
          input: {
            repoPath: 'gitops',
            branchName: 'storage/velero',
            commitMessage: 'Install Velero',
            description: 'Velero with node agent and kopia uploader.',
            authorName: 'Platform Team',
            authorEmail: 'platform@example.com',
          },
        },
      ],
    }),
  },
];
