import { parse, parseAllDocuments } from 'yaml';
// Test-only helper (never imported by the plugin's runtime code): the oracle is a dev dependency.
// eslint-disable-next-line @backstage/no-undeclared-imports
import {
  validateHelmValues,
  validateKubernetesObject,
} from '@gitops-storage/upstream-oracle';
import { kustomizationSchema } from './kustomizationSchema';
import { kroInstanceCrd } from './kroInstanceCrd';
import { renderGraph } from './kroTemplate';

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

/** Instances of kro kinds in the repository, by kind. */
function kroInstances(files: Record<string, string>): Map<string, Obj[]> {
  const byKind = new Map<string, Obj[]>();
  for (const [path, text] of Object.entries(files)) {
    if (!path.endsWith('.yaml') || !text.includes('kro.run/')) continue;
    for (const obj of documents(text))
      if (obj.apiVersion === 'kro.run/v1alpha1' && obj.kind)
        byKind.set(obj.kind, [...(byKind.get(obj.kind) ?? []), obj]);
  }
  return byKind;
}

/**
 * A graph's templates, checked as kro would render them for each of its
 * instances in the repository (when the template renderer supports the
 * graph), else with sample values for every expression.
 */
function graphTemplateProblems(graph: Obj, instances: Obj[]): string[] {
  const problems: string[] = [];
  const simple = (graph.spec?.resources ?? []).every(
    (r: Obj) => !r.forEach && !r.includeWhen,
  );
  if (simple && instances.length > 0) {
    for (const instance of instances) {
      let rendered: Obj[];
      try {
        rendered = renderGraph(graph, instance);
      } catch (e) {
        problems.push(
          `rendering for ${instance.metadata?.namespace}/${
            instance.metadata?.name
          }: ${(e as Error).message}`,
        );
        continue;
      }
      rendered.forEach((obj, i) => {
        for (const problem of validateKubernetesObject(obj))
          problems.push(
            `spec.resources[${i}].template (for ${instance.metadata?.namespace}/${instance.metadata?.name}): ${problem}`,
          );
      });
    }
    return problems;
  }
  for (const [i, resource] of (graph.spec?.resources ?? []).entries())
    for (const problem of validateKubernetesObject(
      withSampleValues(resource.template),
    ))
      problems.push(`spec.resources[${i}].template: ${problem}`);
  return problems;
}

function objectProblems(
  obj: Obj,
  extraCrds: Obj[],
  isPatch: boolean,
  instances: Map<string, Obj[]>,
): string[] {
  const problems = validateKubernetesObject(obj, { extraCrds });
  // A strategic-merge patch is a partial object: only required fields may be absent.
  const relevant = isPatch
    ? problems.filter(p => !p.endsWith(': Required value'))
    : problems;
  if (obj.kind === 'ResourceGraphDefinition')
    relevant.push(
      ...graphTemplateProblems(
        obj,
        instances.get(obj.spec?.schema?.kind) ?? [],
      ),
    );
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
  const instances = kroInstances(files);
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
      for (const problem of objectProblems(
        value,
        extraCrds,
        Boolean(isPatch),
        instances,
      ))
        problems.push(
          `${path} (${value?.kind}${isPatch ? ' patch' : ''}): ${problem}`,
        );
    }
  }
  return problems;
}
