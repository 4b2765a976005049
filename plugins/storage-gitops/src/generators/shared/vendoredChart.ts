import { z } from 'zod';
import { parse } from 'yaml';
import type { ChangeSetBuilder } from '../../changes/ChangeSetBuilder';
import { GeneratorError } from '../../errors/GeneratorError';
import { repoPathProblem } from '../../repo/repoPath';

/**
 * An unpacked chart to vendor (e.g. from `helm pull --untar`): its files by
 * path inside the chart, plus optionally the Helm repository's `index.yaml`
 * to check that the pinned version is the one published there.
 */
export const vendoredChartSchema = z
  .object({
    files: z.record(z.string()).superRefine((files, ctx) => {
      for (const path of Object.keys(files)) {
        const problem = repoPathProblem(path);
        if (problem) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [path],
            message: `chart file path ${problem}`,
          });
        }
      }
      if (!('Chart.yaml' in files)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: 'the chart has no Chart.yaml',
        });
      }
    }),
    index: z.string().optional(),
  })
  .strict();

export type VendoredChart = z.infer<typeof vendoredChartSchema>;

interface IndexEntry {
  version?: string;
  digest?: string;
  urls?: string[];
}

/** The index entry of `name` at `version` in a Helm repository index.yaml. */
export function findChartInIndex(
  indexText: string,
  name: string,
  version: string,
): IndexEntry {
  let index: { entries?: Record<string, IndexEntry[]> };
  try {
    index = parse(indexText) ?? {};
  } catch (error) {
    throw new GeneratorError(
      `chart.vendor.index: not valid YAML (${
        (error as Error).message.split('\n')[0]
      })`,
      {
        field: 'chart.vendor.index',
      },
    );
  }
  const entry = index.entries?.[name]?.find(e => String(e.version) === version);
  if (!entry) {
    const known = (index.entries?.[name] ?? [])
      .map(e => e.version)
      .slice(0, 5)
      .join(', ');
    throw new GeneratorError(
      `chart.vendor.index: the Helm repository index has no ${name} ${version}${
        known ? ` (it has ${known}, …)` : ''
      }`,
      { field: 'chart.vendor.index' },
    );
  }
  return entry;
}

/**
 * Writes the chart where kustomize looks for a chart with `repo` and
 * `version` set: `<chartHome>/<name>-<version>/<name>/` (kustomize ≥ 5.3).
 * Returns a line describing the vendored chart for the kustomization comment.
 */
export function vendorChart(
  builder: ChangeSetBuilder,
  chartHomeDir: string,
  chart: { name: string; version: string; repo: string },
  vendored: VendoredChart,
): string {
  const meta = parse(vendored.files['Chart.yaml']) as {
    name?: string;
    version?: string;
  } | null;
  if (meta?.name !== chart.name || String(meta?.version) !== chart.version) {
    throw new GeneratorError(
      `chart.vendor.files: Chart.yaml is ${meta?.name} ${meta?.version}, not the pinned ${chart.name} ${chart.version}`,
      { field: 'chart.vendor.files' },
    );
  }
  const digest = vendored.index
    ? findChartInIndex(vendored.index, chart.name, chart.version).digest
    : undefined;
  const dir = `${chartHomeDir}/${chart.name}-${chart.version}/${chart.name}`;
  for (const [path, content] of Object.entries(vendored.files).sort(
    ([a], [b]) => a.localeCompare(b),
  )) {
    builder.createFile(`${dir}/${path}`, content);
  }
  return `Chart vendored into charts/${chart.name}-${chart.version}/${
    chart.name
  } from ${chart.repo}${
    digest ? ` (index digest ${digest})` : ''
  }; kustomize uses it and never pulls.`;
}
