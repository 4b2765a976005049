import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  GeneratorError,
  GitopsGenerator,
} from '@gitops-storage/plugin-storage-gitops';
import { createGitopsGeneratorAction } from './gitopsGenerator';

/** A small generator with the real contract: one note per name. */
const noteGenerator: GitopsGenerator<{
  name: string;
  text: string;
  tiers: string[];
}> = {
  id: 'note',
  title: 'Note',
  description: 'Writes notes/<name>.md',
  inputSchema: z
    .object({
      name: z.string().regex(/^[a-z-]+$/, 'must be lower-case letters'),
      text: z.string().min(1),
      tiers: z.array(z.string()).default(['fast']),
    })
    .strict(),
  generate(repo, input) {
    const file = `notes/${input.name}.md`;
    const content = `${input.text}\ntiers: ${input.tiers.join(',')}\n`;
    const existing = repo.readFile(file);
    if (existing === content) {
      return { generator: 'note', changes: [], summary: `Note ${input.name}` };
    }
    if (existing !== undefined) {
      throw new GeneratorError(`'${file}' already exists with other text`, {
        code: 'conflict',
        file,
      });
    }
    return {
      generator: 'note',
      summary: `Add note ${input.name}`,
      changes: [{ path: file, action: 'create', content }],
    };
  },
};

describe('storage:gitops:<generator>', () => {
  const mockDir = createMockDirectory();
  const workspacePath = mockDir.resolve('workspace');
  const checkout = path.join(workspacePath, 'gitops');
  const action = createGitopsGeneratorAction(noteGenerator, {
    inputDefaults: { tiers: ['bulk', 'nfs'], unrelated: 'ignored' },
  });

  beforeEach(() => {
    mockDir.setContent({ 'workspace/gitops/README.md': 'repo\n' });
  });

  function context(input: Record<string, unknown>) {
    return createMockActionContext({ input: input as any, workspacePath });
  }

  function filesInCheckout(): string[] {
    return fs.readdirSync(checkout, { recursive: true }).map(String).sort();
  }

  it("exposes the generator's own fields, plus repoPath and changesPath, as the input schema", () => {
    expect(action.id).toBe('storage:gitops:note');
    expect(action.supportsDryRun).toBe(true);
    const schema = action.schema?.input as any;
    expect(Object.keys(schema.properties).sort()).toEqual([
      'changesPath',
      'name',
      'repoPath',
      'text',
      'tiers',
    ]);
    expect(schema.required).toEqual(['name', 'text']);
    expect(schema.properties.name.pattern).toBe('^[a-z-]+$');
    expect(schema.additionalProperties).toBe(false);
  });

  it('writes the change set into the checkout and reports it', async () => {
    const ctx = context({ name: 'hello', text: 'Hello' });
    await action.handler(ctx);

    expect(fs.readFileSync(path.join(checkout, 'notes/hello.md'), 'utf8')).toBe(
      // The app's tiers (inputDefaults) stand in for the generator's default.
      'Hello\ntiers: bulk,nfs\n',
    );
    expect(ctx.output).toHaveBeenCalledWith('changedFiles', ['notes/hello.md']);
    expect(ctx.output).toHaveBeenCalledWith('summary', 'Add note hello');
    expect(ctx.output).toHaveBeenCalledWith(
      'diff',
      expect.stringContaining('+Hello'),
    );
  });

  it('lets the template override a default', async () => {
    await action.handler(context({ name: 'x', text: 'X', tiers: ['local'] }));
    expect(fs.readFileSync(path.join(checkout, 'notes/x.md'), 'utf8')).toBe(
      'X\ntiers: local\n',
    );
  });

  it('writes nothing in a dry run, and still outputs and logs the diff', async () => {
    const ctx = {
      ...context({ name: 'hello', text: 'Hello' }),
      isDryRun: true,
    };
    const info = jest.spyOn(ctx.logger, 'info');
    await action.handler(ctx);

    expect(filesInCheckout()).toEqual(['README.md']);
    expect(ctx.output).toHaveBeenCalledWith('changedFiles', ['notes/hello.md']);
    expect(ctx.output).toHaveBeenCalledWith(
      'diff',
      expect.stringContaining('notes/hello.md'),
    );
    expect(info).toHaveBeenCalledWith(expect.stringContaining('+Hello'));
  });

  it('changes nothing the second time', async () => {
    await action.handler(context({ name: 'hello', text: 'Hello' }));
    const ctx = context({ name: 'hello', text: 'Hello' });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('changedFiles', []);
    expect(ctx.output).toHaveBeenCalledWith('diff', '');
  });

  it('also copies only the changed files to changesPath', async () => {
    await action.handler(
      context({ name: 'hello', text: 'Hello', changesPath: 'pr' }),
    );
    expect(
      fs
        .readdirSync(path.join(workspacePath, 'pr'), { recursive: true })
        .map(String)
        .sort(),
    ).toEqual(['notes', 'notes/hello.md']);
  });

  it.each([
    [{ name: 'Bad Name', text: 'x' }, /name: must be lower-case letters/],
    [{ name: 'hello' }, /text: Required/],
    [{ name: 'hello', text: 'x', extra: 1 }, /unknown field|Unrecognized key/i],
    [
      { name: 'hello', text: 'AKIAIOSFODNN7EXAMPLE' },
      /text: looks like an AWS access key id/,
    ],
    [
      { name: 'hello', text: 'x', repoPath: '../..' },
      /repoPath '\.\.\/\.\.' must be a folder inside the task workspace/,
    ],
    [
      { name: 'hello', text: 'x', repoPath: 'nope' },
      /repoPath 'nope' is not a folder in the workspace/,
    ],
    [
      { name: 'hello', text: 'x', changesPath: '/etc' },
      /changesPath '\/etc' must be a folder inside the task workspace/,
    ],
  ])(
    'refuses %j, naming the field, and writes nothing',
    async (input, message) => {
      const error = await action.handler(context(input)).catch(e => e);
      expect(error.name).toBe('InputError');
      expect(error.message).toMatch(message);
      expect(filesInCheckout()).toEqual(['README.md']);
    },
  );

  it('turns a generator error into an InputError and writes nothing', async () => {
    fs.mkdirSync(path.join(checkout, 'notes'));
    fs.writeFileSync(path.join(checkout, 'notes/hello.md'), 'mine\n');
    const error = await action
      .handler(context({ name: 'hello', text: 'Hello' }))
      .catch(e => e);
    expect(error.name).toBe('InputError');
    expect(error.message).toBe(
      "note: 'notes/hello.md' already exists with other text",
    );
    expect(fs.readFileSync(path.join(checkout, 'notes/hello.md'), 'utf8')).toBe(
      'mine\n',
    );
  });

  it('refuses a generator whose fields clash with the action fields', () => {
    expect(() =>
      createGitopsGeneratorAction({
        ...noteGenerator,
        id: 'clash',
        inputSchema: z.object({ repoPath: z.string() }) as any,
      }),
    ).toThrow(/generator 'clash' has an input field 'repoPath'/);
  });
});
