import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { gitopsGenerators } from '@gitops-storage/plugin-storage-gitops';
import { seedFor } from '../__testUtils__/prerequisites';
import { createGitopsGeneratorAction } from './gitopsGenerator';
import { generatorExamples } from './gitopsGenerator.examples';

const cases = gitopsGenerators.flatMap(generator =>
  (generatorExamples[generator.id] ?? []).map(
    (example, index) => [generator.id, example.description, index] as const,
  ),
);

describe('storage:gitops:<generator> examples', () => {
  const mockDir = createMockDirectory();
  const workspacePath = mockDir.resolve('workspace');

  beforeEach(() => mockDir.clear());

  it('has at least one example for every generator', () => {
    for (const generator of gitopsGenerators) {
      expect(generatorExamples[generator.id]?.length).toBeGreaterThan(0);
    }
  });

  it.each(cases)('%s: %s', async (generatorId, _description, index) => {
    // The fixture repository, plus what the generator builds on (velero for its schedules).
    await seedFor(path.join(workspacePath, 'gitops'), generatorId);
    const generator = gitopsGenerators.find(g => g.id === generatorId)!;
    const action = createGitopsGeneratorAction(generator, {
      examples: generatorExamples[generatorId],
    });
    const step = yaml.parse(action.examples![index].example).steps[0];
    expect(step.action).toBe(action.id);

    const ctx = createMockActionContext({ input: step.input, workspacePath });
    await action.handler(ctx);

    const changedFiles: string[] = (ctx.output as jest.Mock).mock.calls.find(
      ([name]) => name === 'changedFiles',
    )[1];
    expect(changedFiles.length).toBeGreaterThan(0);
    // Every YAML file the change set names is on disk and parses.
    const yamlFiles = changedFiles.filter(file => /\.ya?ml$/.test(file));
    for (const file of yamlFiles) {
      const text = fs.readFileSync(
        path.join(workspacePath, 'gitops', file),
        'utf8',
      );
      const errors = yaml.parseAllDocuments(text).flatMap(d => d.errors);
      expect({ file, errors }).toEqual({ file, errors: [] });
    }

    // Running the same example again changes nothing.
    const again = createMockActionContext({ input: step.input, workspacePath });
    await action.handler(again);
    expect(again.output).toHaveBeenCalledWith('changedFiles', []);
  });
});
