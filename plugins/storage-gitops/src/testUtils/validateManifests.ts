import { parse, parseAllDocuments } from 'yaml';
import { KIND_SCHEMAS, PATCH_SCHEMAS, VALUES_SCHEMAS } from './kindSchemas';

type Obj = Record<string, any>;

function folderOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

function kustomizationOf(
  files: Record<string, string>,
  folder: string,
): Obj | undefined {
  const text = files[`${folder}/kustomization.yaml`];
  return text === undefined ? undefined : parse(text, { version: '1.1' });
}

/**
 * Checks every YAML document of the given files (in the repository state
 * `files`) against the schema of its kind: patches (listed in their folder's
 * kustomization `patches:`) against patch schemas, chart values files against
 * the chart's values schema. Returns one line per problem.
 */
export function validateManifests(
  files: Record<string, string>,
  paths: string[],
): string[] {
  const problems: string[] = [];
  for (const path of paths) {
    if (/\/charts\/[^/]+-\d+\.\d+\.\d+\//.test(path)) continue; // a vendored chart's own files
    const text = files[path];
    const folder = folderOf(path);
    const name = path.slice(folder.length + 1);
    const kustomization = kustomizationOf(files, folder);
    const docs = parseAllDocuments(text, { version: '1.1' });
    const values = [...docs].map(doc => {
      if (doc.errors.length > 0)
        problems.push(`${path}: ${doc.errors[0].message}`);
      return doc.toJS() as Obj;
    });
    const chart = (kustomization?.helmCharts as Obj[] | undefined)?.find(
      c => c.valuesFile === name,
    );
    if (chart) {
      const schema = VALUES_SCHEMAS[chart.name];
      if (!schema)
        problems.push(`${path}: no values schema for chart ${chart.name}`);
      else collect(problems, path, schema.safeParse(values[0]));
      continue;
    }
    const isPatch = (kustomization?.patches as Obj[] | undefined)?.some(
      p => p.path === name,
    );
    for (const value of values) {
      const kind =
        name === 'kustomization.yaml' ? 'Kustomization' : value?.kind;
      const schema = (isPatch ? PATCH_SCHEMAS : KIND_SCHEMAS)[kind];
      if (!schema) {
        problems.push(
          `${path}: no ${isPatch ? 'patch ' : ''}schema for kind ${kind}`,
        );
        continue;
      }
      collect(problems, `${path} (${kind})`, schema.safeParse(value));
    }
  }
  return problems;
}

function collect(
  problems: string[],
  where: string,
  result: {
    success: boolean;
    error?: { issues: Array<{ path: (string | number)[]; message: string }> };
  },
) {
  if (!result.success) {
    for (const issue of result.error!.issues)
      problems.push(`${where}: ${issue.path.join('.')}: ${issue.message}`);
  }
}
