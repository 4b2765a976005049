import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import {
  createTemplateAction,
  TemplateAction,
  TemplateExample,
} from '@backstage/plugin-scaffolder-node';
import {
  applyChangeSet,
  ChangeSet,
  createDirectoryRepoReader,
  GitopsGenerator,
  isGeneratorError,
  parseGeneratorInput,
  renderUnifiedDiff,
} from '@gitops-storage/plugin-storage-gitops';
import type { JsonObject } from '@backstage/types';
import { ACTION_FIELDS, actionInputSchema } from './generatorInputSchema';
import {
  DEFAULT_REPO_PATH,
  isDirectory,
  resolveWorkspaceDir,
} from './workspacePaths';

/** The scaffolder action id for a generator. */
export function gitopsActionId(generatorId: string): string {
  return `storage:gitops:${generatorId}`;
}

function asInputError(
  generator: GitopsGenerator<unknown>,
  error: unknown,
): unknown {
  if (isGeneratorError(error)) {
    return new InputError(`${generator.id}: ${error.message}`);
  }
  return error;
}

function generatorInputOf(input: JsonObject, defaults: JsonObject): JsonObject {
  const copy: JsonObject = { ...defaults };
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined) {
      copy[key] = value;
    }
  }
  for (const field of ACTION_FIELDS) {
    delete copy[field];
  }
  return copy;
}

/** The new content of each created or updated file (a deletion has none). */
async function writeChangesCopy(root: string, changeSet: ChangeSet) {
  for (const change of changeSet.changes) {
    if (change.action === 'delete') continue;
    const target = resolveWorkspaceDir(root, change.path, 'changesPath');
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, change.content);
  }
}

/** Options of a generator action. */
export interface GitopsGeneratorActionOptions {
  examples?: TemplateExample[];
  /**
   * Values for generator fields that the template leaves out, e.g. `tiers`
   * from app-config `storage.tiers`, so the generators and the tier picker
   * agree on tiers. Fields the generator does not have are ignored.
   */
  inputDefaults?: JsonObject;
}

/**
 * `storage:gitops:<generator id>`: runs a GitOps generator on the checkout in
 * the workspace and writes its change set, all or nothing. A dry run
 * computes the change set and logs its diff, writing nothing to the checkout.
 * @public
 */
export function createGitopsGeneratorAction(
  generator: GitopsGenerator<any>,
  options: GitopsGeneratorActionOptions = {},
): TemplateAction<any, any> {
  const { examples = [], inputDefaults = {} } = options;
  const schema = actionInputSchema(generator.id, generator.inputSchema);
  // Defaults only for fields this generator has (e.g. the app's tiers).
  const defaults = Object.fromEntries(
    Object.entries(inputDefaults).filter(([key]) => key in schema.shape),
  ) as JsonObject;
  return createTemplateAction({
    id: gitopsActionId(generator.id),
    description: `${generator.title}: ${generator.description}`,
    supportsDryRun: true,
    examples,
    schema: {
      // The generator's schema is written with the `zod` package (v3 API);
      // the scaffolder only turns it into JSON Schema, which works the same.
      input: (() => schema) as unknown as (z: any) => any,
      output: {
        changedFiles: z =>
          z.array(z.string(), {
            description:
              'Repository paths the change set creates, changes or deletes',
          }),
        deletedFiles: z =>
          z.array(z.string(), {
            description:
              'Repository paths the change set deletes (for publish:github:pull-request filesToDelete)',
          }),
        summary: z =>
          z.string({ description: 'One line describing the change' }),
        diff: z =>
          z.string({
            description:
              'Unified diff of the change set (empty when nothing changes)',
          }),
      },
    },
    async handler(ctx) {
      const input = ctx.input as JsonObject;
      const repoPath =
        typeof input.repoPath === 'string' && input.repoPath
          ? input.repoPath
          : DEFAULT_REPO_PATH;
      const repoDir = resolveWorkspaceDir(
        ctx.workspacePath,
        repoPath,
        'repoPath',
      );
      if (!(await isDirectory(repoDir))) {
        throw new InputError(
          `repoPath '${repoPath}' is not a folder in the workspace; check the repository out first (storage:git:clone)`,
        );
      }
      const changesDir =
        typeof input.changesPath === 'string' && input.changesPath
          ? resolveWorkspaceDir(
              ctx.workspacePath,
              input.changesPath,
              'changesPath',
            )
          : undefined;

      let changeSet: ChangeSet;
      try {
        // Refuses secret material, then applies the generator's own schema.
        const parsed = parseGeneratorInput(
          generator,
          generatorInputOf(input, defaults),
        );
        changeSet = generator.generate(
          createDirectoryRepoReader(repoDir),
          parsed,
        );
      } catch (error) {
        throw asInputError(generator, error);
      }
      const diff = renderUnifiedDiff(changeSet);
      const changedFiles = changeSet.changes.map(change => change.path);

      if (changedFiles.length === 0) {
        ctx.logger.info(
          `${generator.id}: the repository already holds this; nothing to change`,
        );
      } else {
        ctx.logger.info(`${changeSet.summary}\n${diff}`);
      }

      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: nothing was written to ${repoPath}`);
      } else {
        try {
          await applyChangeSet(repoDir, changeSet);
        } catch (error) {
          throw asInputError(generator, error);
        }
        ctx.logger.info(
          `Wrote ${changedFiles.length} file(s) into ${repoPath}`,
        );
      }
      // The copy is a preview/upload area outside the checkout, so a dry run
      // fills it too: the dry-run result then lists exactly the new files.
      if (changesDir) {
        await writeChangesCopy(changesDir, changeSet);
      }

      ctx.output('changedFiles', changedFiles);
      ctx.output(
        'deletedFiles',
        changeSet.changes
          .filter(change => change.action === 'delete')
          .map(change => change.path),
      );
      ctx.output('summary', changeSet.summary);
      ctx.output('diff', diff);
    },
  });
}
