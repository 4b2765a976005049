import {
  Document,
  isMap,
  isSeq,
  parseAllDocuments,
  parseDocument,
  type ToStringOptions,
} from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import { GeneratorError } from '../errors/GeneratorError';

/**
 * Kubernetes reads YAML 1.1 (`on`, `yes`, timestamps and `0777` are not
 * strings there), so documents are read and written as 1.1: strings that
 * 1.1 would read otherwise get quoted.
 */
const YAML_OPTIONS = { version: '1.1' } as const;

/** How a file writes what the `yaml` package lets us choose. */
export interface YamlStyle {
  /** `true` when block sequences are indented under their key (`key:\n  - a`). */
  indentSeq: boolean;
  /** `true` when flow collections are padded (`[ a ]` rather than `[a]`). */
  flowCollectionPadding: boolean;
}

/**
 * Reads the sequence indentation a file uses, so an edit writes it back the
 * same way. Files without block sequences get the indented style.
 */
export function detectYamlStyle(text: string): YamlStyle {
  const flowCollectionPadding =
    /[[{] [^\s\]}]/.test(text) && !/[[{][^\s\]}]/.test(text);
  return { indentSeq: detectIndentSeq(text), flowCollectionPadding };
}

function detectIndentSeq(text: string): boolean {
  const lines = text.split('\n');
  for (let i = 0; i + 1 < lines.length; i++) {
    const key = /^(\s*)(?:- )?[^\s#-][^:#]*:\s*(#.*)?$/.exec(lines[i]);
    if (!key) continue;
    const item = /^(\s*)- /.exec(lines[i + 1]);
    if (!item) continue;
    const keyIndent =
      key[1].length + (lines[i].trimStart().startsWith('- ') ? 2 : 0);
    return item[1].length > keyIndent;
  }
  return true;
}

/** Options for writing YAML: no line folding, the file's own sequence style. */
export function toStringOptions(style: YamlStyle): ToStringOptions {
  return {
    lineWidth: 0,
    indentSeq: style.indentSeq,
    flowCollectionPadding: style.flowCollectionPadding,
  };
}

function syntaxError(
  file: string,
  errors: ReadonlyArray<Error>,
): GeneratorError {
  return new GeneratorError(
    `'${file}' is not valid YAML: ${errors[0].message.split('\n')[0]}`,
    { code: 'invalid-repository', file },
  );
}

/** Parses a single-document YAML file, keeping comments and layout. */
export function parseYamlDocument(text: string, file: string): Document {
  const doc = parseDocument(text, YAML_OPTIONS);
  if (doc.errors.length > 0) throw syntaxError(file, doc.errors);
  return doc;
}

/** Parses every document of a (multi-document) YAML file. */
export function parseYamlDocuments(text: string, file: string): Document[] {
  const docs = [...parseAllDocuments(text, YAML_OPTIONS)];
  for (const doc of docs) {
    if (doc.errors.length > 0) throw syntaxError(file, doc.errors);
  }
  return docs as unknown as Document[];
}

/** The plain data of every document in a YAML text (comments dropped). */
export function yamlData(text: string, file: string): unknown[] {
  return parseYamlDocuments(text, file).map(doc => doc.toJS());
}

/** True when two YAML texts hold the same data, whatever their layout. */
export function sameYamlData(a: string, b: string, file: string): boolean {
  try {
    return isDeepStrictEqual(yamlData(a, file), yamlData(b, file));
  } catch {
    return false;
  }
}

/**
 * Applies `edit` to the document of a single-document YAML file and returns
 * the new text. Comments, key order and quoting of what the edit does not
 * touch are kept; when the data does not change, the original text is
 * returned unchanged (byte for byte).
 */
export function editYamlText(
  text: string,
  file: string,
  edit: (doc: Document) => void,
): string {
  const doc = parseYamlDocument(text, file);
  const before = doc.toJS();
  edit(doc);
  if (isDeepStrictEqual(before, doc.toJS())) return text;
  return doc.toString(toStringOptions(detectYamlStyle(text)));
}

/**
 * A new YAML file from plain data, with an optional header comment and
 * comments before chosen keys (each key path given as a dotted string).
 */
export function renderYaml(
  data: unknown,
  options: { header?: string; keyComments?: Record<string, string> } = {},
): string {
  const doc = new Document(data, YAML_OPTIONS);
  if (options.header) doc.commentBefore = prefixLines(options.header);
  for (const [path, comment] of Object.entries(options.keyComments ?? {})) {
    commentKey(doc, path.split('.'), comment);
  }
  return doc.toString(
    toStringOptions({ indentSeq: true, flowCollectionPadding: false }),
  );
}

/** Several documents in one file, separated by `---`. */
export function renderYamlDocuments(
  documents: Array<{
    data: unknown;
    header?: string;
    keyComments?: Record<string, string>;
  }>,
): string {
  return documents
    .map(({ data, header, keyComments }) =>
      renderYaml(data, { header, keyComments }),
    )
    .join('---\n');
}

function prefixLines(comment: string): string {
  return comment
    .split('\n')
    .map(line => (line.length > 0 ? ` ${line}` : ''))
    .join('\n');
}

/** Puts a comment line (or lines) above the key at `path` in the document. */
export function commentKey(
  doc: Document,
  path: string[],
  comment: string,
): void {
  const parentPath = path
    .slice(0, -1)
    .map(p => (/^\d+$/.test(p) ? Number(p) : p));
  const parent =
    parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
  if (!isMap(parent)) {
    throw new Error(
      `cannot comment '${path.join('.')}': its parent is not a map`,
    );
  }
  const pair = parent.items.find(
    item => (item.key as { value?: unknown })?.value === path[path.length - 1],
  );
  if (!pair) throw new Error(`cannot comment '${path.join('.')}': no such key`);
  const key = pair.key as { commentBefore?: string | null };
  key.commentBefore = prefixLines(comment);
}

export { isMap, isSeq };
