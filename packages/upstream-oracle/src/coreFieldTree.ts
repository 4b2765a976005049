import fs from 'node:fs';
import nodePath from 'node:path';
import { packageDir } from './packageDir';
import { joinPath } from './structuralSchema';

/**
 * The field tree of core Kubernetes kinds, read from the models that
 * @kubernetes/client-node generates from the Kubernetes OpenAPI spec
 * (v1.34): each model lists every JSON field and its type. Used to report
 * fields that the API server does not know (kubernetes-models' validators
 * check types and enums but accept unknown fields).
 */
type Attribute = { baseName: string; type: string };

const modelsDir = () =>
  nodePath.join(packageDir('@kubernetes/client-node'), 'dist', 'gen', 'models');

const attributeCache = new Map<string, Attribute[] | undefined>();

/** The attributes of a generated model, or undefined when there is no such model. */
export function modelAttributes(model: string): Attribute[] | undefined {
  if (attributeCache.has(model)) return attributeCache.get(model);
  const file = nodePath.join(modelsDir(), `${model}.js`);
  let attributes: Attribute[] | undefined;
  if (/^[A-Za-z0-9]+$/.test(model) && fs.existsSync(file)) {
    const text = fs.readFileSync(file, 'utf8');
    const match = /\.attributeTypeMap = (\[[\s\S]*?\n\]);/.exec(text);
    if (!match) throw new Error(`no attributeTypeMap in ${file}`);
    attributes = JSON.parse(match[1]) as Attribute[];
  }
  attributeCache.set(model, attributes);
  return attributes;
}

/** The client-node model of a kind: `v1` Pod → V1Pod, `apps/v1` Deployment → V1Deployment. */
export function modelOfKind(apiVersion: string, kind: string): string {
  const version = apiVersion.split('/').pop()!;
  return `${version[0].toUpperCase()}${version.slice(1)}${kind}`;
}

const ARRAY = /^Array<(.+)>$/;
const MAP = /^\{ \[key: string\]: (.+); \}$/;

/** Appends one problem per field of `value` that the type `type` does not declare. */
export function unknownCoreFields(
  type: string,
  value: unknown,
  path: string,
  problems: string[],
): void {
  if (value === null || value === undefined) return;
  const array = ARRAY.exec(type);
  if (array) {
    if (Array.isArray(value))
      value.forEach((item, i) =>
        unknownCoreFields(array[1], item, joinPath(path, i), problems),
      );
    return;
  }
  const map = MAP.exec(type);
  if (map) {
    if (typeof value === 'object' && !Array.isArray(value))
      for (const [key, child] of Object.entries(value))
        unknownCoreFields(map[1], child, joinPath(path, key), problems);
    return;
  }
  const attributes = modelAttributes(type);
  if (!attributes || typeof value !== 'object' || Array.isArray(value)) return;
  const known = new Map(attributes.map(a => [a.baseName, a.type]));
  for (const [key, child] of Object.entries(value)) {
    const childType = known.get(key);
    if (childType === undefined)
      problems.push(`${joinPath(path, key)}: unknown field "${key}"`);
    else unknownCoreFields(childType, child, joinPath(path, key), problems);
  }
}
