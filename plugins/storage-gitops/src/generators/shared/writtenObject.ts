import { yamlData } from '../../yaml/yamlDocument';

type Obj = Record<string, any>;

/**
 * The one object of a file a generator wrote, while the file still is just
 * that (valid YAML, one document, which `matches`); otherwise why it is
 * not, as an edited-file check reports it.
 */
export function writtenObject(
  text: string,
  file: string,
  what: string,
  matches: (object: Obj) => boolean,
): Obj | string {
  let docs: unknown[];
  try {
    docs = yamlData(text, file);
  } catch {
    return 'it is no longer valid YAML';
  }
  const object = docs[0] as Obj | undefined;
  if (docs.length !== 1 || !object || !matches(object))
    return `it is no longer just the ${what}`;
  return object;
}
