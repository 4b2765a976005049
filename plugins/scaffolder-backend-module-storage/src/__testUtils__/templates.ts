import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import type { JsonObject } from '@backstage/types';
import { TEMPLATES_DIR } from './gitTestRepos';

/** A template entity as the catalog would hold it (namespace filled in). */
export function loadTemplate(name: string): JsonObject & {
  metadata: { name: string; namespace: string };
  spec: {
    parameters: Array<{ properties?: Record<string, { default?: unknown }> }>;
  };
} {
  const file = path.join(TEMPLATES_DIR, name, 'template.yaml');
  const entity = yaml.parse(fs.readFileSync(file, 'utf8'));
  entity.metadata.namespace ??= 'default';
  entity.metadata.annotations = {
    'backstage.io/managed-by-location': `file:${file}`,
    'backstage.io/managed-by-origin-location': `file:${file}`,
    ...entity.metadata.annotations,
  };
  return entity;
}

/**
 * The values the scaffolder form would submit: the parameters' defaults,
 * overridden by what the user typed.
 */
export function formValues(
  template: ReturnType<typeof loadTemplate>,
  typed: JsonObject,
): JsonObject {
  const defaults: JsonObject = {};
  for (const step of template.spec.parameters) {
    for (const [key, property] of Object.entries(step.properties ?? {})) {
      if (property.default !== undefined) {
        defaults[key] = property.default as JsonObject[string];
      }
    }
  }
  return { ...defaults, ...typed };
}
