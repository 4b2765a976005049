import { parse, parseAllDocuments } from 'yaml';
// Test-only helper (never imported by the plugin's runtime code): the oracle is a dev dependency.
// eslint-disable-next-line @backstage/no-undeclared-imports
import {
  validateHelmValues,
  validateKubernetesObject,
} from '@gitops-storage/upstream-oracle';
import { kustomizationSchema } from './kustomizationSchema';
import { kroInstanceCrd } from './kroInstanceCrd';

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

function documents(text: string): Obj[] {
  return parseAllDocuments(text, { version: '1.1' })
    .map(doc => doc.toJS() as Obj)
    .filter(Boolean);
}

/** CRDs that kro generates from every ResourceGraphDefinition of the repository. */
function kroCrds(files: Record<string, string>): Obj[] {
  return Object.entries(files)
    .filter(
      ([path, text]) =>
        path.endsWith('.yaml') && text.includes('ResourceGraphDefinition'),
    )
    .flatMap(([, text]) => documents(text))
    .filter(obj => obj.kind === 'ResourceGraphDefinition')
    .map(kroInstanceCrd);
}

/** A kro template with every `${…}` expression replaced by a sample value. */
function withSampleValues(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\$\{[^}]*\}/g, '1');
  if (Array.isArray(value)) return value.map(withSampleValues);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, withSampleValues(v)]),
    );
  return value;
}

function objectProblems(
  obj: Obj,
  extraCrds: Obj[],
  isPatch: boolean,
): string[] {
  const problems = validateKubernetesObject(obj, { extraCrds });
  // A strategic-merge patch is a partial object: only required fields may be absent.
  const relevant = isPatch
    ? problems.filter(p => !p.endsWith(': Required value'))
    : problems;
  if (obj.kind === 'ResourceGraphDefinition')
    for (const [i, resource] of (obj.spec?.resources ?? []).entries())
      for (const problem of validateKubernetesObject(
        withSampleValues(resource.template),
      ))
        relevant.push(`spec.resources[${i}].template: ${problem}`);
  return relevant;
}

/**
 * Checks every YAML document of the given files (in the repository state
 * `files`) against the upstream definitions (the oracle): objects and
 * patches against the upstream CRDs and core kinds (strict about unknown
 * fields), chart values files against the chart's values.schema.json and
 * values.yaml, kro instances against the CRD their graph generates,
 * kustomizations against the fields kustomize reads. One line per problem.
 */
export function validateManifests(
  files: Record<string, string>,
  paths: string[],
): string[] {
  const problems: string[] = [];
  const extraCrds = kroCrds(files);
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
      for (const problem of validateHelmValues(
        { name: chart.name, version: chart.version },
        values[0],
      ))
        problems.push(
          `${path} (values of ${chart.name} ${chart.version}): ${problem}`,
        );
      continue;
    }
    const isPatch = (kustomization?.patches as Obj[] | undefined)?.some(
      p => p.path === name,
    );
    for (const value of values) {
      if (name === 'kustomization.yaml') {
        const result = kustomizationSchema.safeParse(value);
        if (!result.success)
          for (const issue of result.error.issues)
            problems.push(
              `${path} (Kustomization): ${issue.path.join('.')}: ${
                issue.message
              }`,
            );
        continue;
      }
      for (const problem of objectProblems(value, extraCrds, Boolean(isPatch)))
        problems.push(
          `${path} (${value?.kind}${isPatch ? ' patch' : ''}): ${problem}`,
        );
    }
  }
  return problems;
}
