import type { Document } from 'yaml';
import type { ChangeSet, FileChange, RepoReader } from '../types';
import { GeneratorError } from '../errors/GeneratorError';
import { assertRepoPath, joinRepoPath } from '../repo/repoPath';
import { editYamlText, renderYaml, sameYamlData } from '../yaml/yamlDocument';
import { ensureKustomizationResource } from '../yaml/kustomization';
import { YamlShapeError } from '../yaml/collections';

/** Every file a generator creates says so in its leading comment. */
export const OWNED_MARKER = 'Written by backstage-storage';

/** True when the file's leading comment block carries OWNED_MARKER. */
export function isOwnedFile(text: string): boolean {
  const leading: string[] = [];
  for (const line of text.split('\n')) {
    if (/^\s*#/.test(line)) leading.push(line);
    else if (line.trim() === '' && leading.length > 0) continue;
    else break;
  }
  return leading.some(line => line.includes(OWNED_MARKER));
}

const KUSTOMIZATION_NAMES = [
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
];

/**
 * Collects the files a generator creates or edits, reading through its own
 * pending changes so that later steps see earlier ones. Never writes.
 */
export class ChangeSetBuilder {
  private readonly pending = new Map<string, FileChange>();

  constructor(
    private readonly repo: RepoReader,
    private readonly generator: string,
  ) {}

  /** The file's content with the pending changes applied. */
  read(path: string): string | undefined {
    const pending = this.pending.get(path);
    if (pending)
      return pending.action === 'delete' ? undefined : pending.content;
    return this.repo.readFile(assertRepoPath(path));
  }

  /** The repository as it is, without the pending changes. */
  get repository(): RepoReader {
    return this.repo;
  }

  /**
   * A file the generator owns. Nothing happens when it already exists with
   * the same content (or the same YAML data). A file that a generator wrote
   * before (its leading comment says so, OWNED_MARKER) is reconciled: it is
   * replaced by the new content, so a changed input is a minimal diff (day
   * 2). Any other content is a conflict: files the generators did not write
   * are never overwritten.
   */
  createFile(path: string, content: string): void {
    assertRepoPath(path, 'file path');
    const existing = this.read(path);
    if (existing === undefined) {
      const deleted = this.pending.get(path);
      // Deleted earlier in this run and wanted again: an update (or nothing).
      if (deleted?.previous === content) this.pending.delete(path);
      else if (deleted)
        this.pending.set(path, { ...deleted, action: 'update', content });
      else this.pending.set(path, { path, action: 'create', content });
      return;
    }
    if (
      existing === content ||
      (isYamlPath(path) && sameYamlData(existing, content, path))
    ) {
      return;
    }
    if (isOwnedFile(existing)) {
      const earlier = this.pending.get(path);
      this.pending.set(
        path,
        earlier
          ? { ...earlier, content }
          : { path, action: 'update', content, previous: existing },
      );
      return;
    }
    throw new GeneratorError(
      `'${path}' already exists with different content and was not written by a generator (its first comment lacks "${OWNED_MARKER}"); the generator would create it. ` +
        'Remove or rename it, or run the generator with the input that produced it.',
      { code: 'conflict', file: path },
    );
  }

  /**
   * Deletes a file the generator wrote and the input no longer asks for.
   * Nothing happens when it is already gone (idempotent). The caller proves
   * ownership by the path (a folder the generator owns) and by `edited`,
   * which says how the file differs from what the generator writes for the
   * data it holds (undefined: it is exactly that). A file without
   * OWNED_MARKER, or one a human edited, is a conflict and is kept.
   */
  deleteOwnedFile(
    path: string,
    edited: (text: string) => string | undefined,
  ): void {
    assertRepoPath(path, 'file path');
    const existing = this.read(path);
    if (existing === undefined) return;
    if (!isOwnedFile(existing)) {
      throw new GeneratorError(
        `'${path}' is no longer asked for by the input, but it was not written by a generator (its first comment lacks "${OWNED_MARKER}"), so it is not deleted. ` +
          'Delete it yourself (and its entry in the kustomization), or keep it in the input.',
        { code: 'conflict', file: path },
      );
    }
    const change = edited(existing);
    if (change !== undefined) {
      throw new GeneratorError(
        `'${path}' is no longer asked for by the input, but it was edited after the generator wrote it (${change}), so it is not deleted: a removal must not lose a human's change. ` +
          'Delete it yourself (and its entry in the kustomization), or keep it in the input.',
        { code: 'conflict', file: path },
      );
    }
    const earlier = this.pending.get(path);
    if (earlier?.action === 'create') {
      this.pending.delete(path);
      return;
    }
    this.pending.set(path, {
      path,
      action: 'delete',
      content: '',
      previous: earlier?.previous ?? existing,
    });
  }

  /**
   * Edits an existing single-document YAML file in place, keeping comments
   * and layout. `missing` is the message when the file does not exist.
   */
  editYaml(path: string, missing: string, edit: (doc: Document) => void): void {
    assertRepoPath(path, 'file path');
    const existing = this.read(path);
    if (existing === undefined) {
      throw new GeneratorError(missing, { code: 'missing-parent', file: path });
    }
    let next: string;
    try {
      next = editYamlText(existing, path, edit);
    } catch (error) {
      if (error instanceof YamlShapeError) {
        throw new GeneratorError(`cannot edit '${path}': ${error.message}`, {
          code: 'invalid-repository',
          file: path,
        });
      }
      throw error;
    }
    if (next === existing) return;
    const earlier = this.pending.get(path);
    if (earlier) {
      this.pending.set(path, { ...earlier, content: next });
    } else {
      this.pending.set(path, {
        path,
        action: 'update',
        content: next,
        previous: existing,
      });
    }
  }

  /** The kustomization file of a folder, or undefined when it has none. */
  findKustomization(folder: string): string | undefined {
    return KUSTOMIZATION_NAMES.map(name => joinRepoPath(folder, name)).find(
      path => this.read(path) !== undefined,
    );
  }

  /**
   * Edits the kustomization of `folder`; a folder without one is a
   * `missing-parent` error whose message ends with `hint`.
   */
  editKustomization(
    folder: string,
    hint: string,
    edit: (doc: Document) => void,
  ): void {
    const path = this.findKustomization(folder);
    if (!path) {
      throw new GeneratorError(
        `missing parent kustomization: '${folder}/kustomization.yaml' does not exist. ${hint}`,
        {
          code: 'missing-parent',
          file: joinRepoPath(folder, 'kustomization.yaml'),
        },
      );
    }
    this.editYaml(path, `'${path}' does not exist`, edit);
  }

  /**
   * A kustomization the generator starts but other generators extend (e.g.
   * the Velero overlay, which velero-schedules adds to): created when
   * absent, otherwise only its missing `resources` entries are added.
   */
  createOrExtendKustomization(
    path: string,
    resources: string[],
    header: string,
  ): void {
    if (this.read(path) === undefined) {
      this.createFile(
        path,
        renderYaml(
          {
            apiVersion: 'kustomize.config.k8s.io/v1beta1',
            kind: 'Kustomization',
            resources,
          },
          { header },
        ),
      );
      return;
    }
    this.editYaml(path, `'${path}' does not exist`, doc =>
      resources.forEach(entry => ensureKustomizationResource(doc, entry)),
    );
  }

  build(summary: string): ChangeSet {
    const changes = [...this.pending.values()].sort((a, b) =>
      a.path.localeCompare(b.path),
    );
    return {
      generator: this.generator,
      changes,
      summary,
    };
  }
}

function isYamlPath(path: string): boolean {
  return /\.ya?ml$/.test(path) || path.endsWith('/Kustomization');
}
