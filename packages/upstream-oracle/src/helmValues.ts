import fs from 'node:fs';
import nodePath from 'node:path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { unknownChartValueKeys } from './chartValuesKeys';
import {
  resolveUpstreamDir,
  UpstreamDefinitionsMissingError,
} from './upstreamDir';

/** An upstream chart: its folder of the upstream directory and what it holds. */
export type UpstreamChart = {
  name: string;
  version: string;
  appVersion?: string;
  folder: string;
  valuesFile: string;
  schemaFile?: string;
};

/** The charts of the upstream directory (folders with Chart.yaml, and local-path-provisioner's chart values). */
export function upstreamCharts(
  dir: string = resolveUpstreamDir(),
): UpstreamChart[] {
  const charts: UpstreamChart[] = [];
  for (const folder of fs.readdirSync(dir).sort()) {
    const path = nodePath.join(dir, folder);
    if (!fs.statSync(path).isDirectory()) continue;
    const chartYaml = nodePath.join(path, 'Chart.yaml');
    const schema = nodePath.join(path, 'values.schema.json');
    if (fs.existsSync(chartYaml)) {
      const chart = parse(fs.readFileSync(chartYaml, 'utf8')) as Record<
        string,
        string
      >;
      // A chart's source at a release tag may carry a placeholder version
      // (kro's helm/Chart.yaml says 0.0.0-dev; its release sets the tag's):
      // then the folder's version is the release's.
      const folderVersion = /-(\d+\.\d+\.\d+)$/.exec(folder)?.[1];
      const released = (v: unknown) =>
        v !== undefined && /^0\.0\.0(-|$)/.test(String(v)) && folderVersion
          ? folderVersion
          : v;
      const appVersion = released(chart.appVersion);
      charts.push({
        name: chart.name,
        version: String(released(chart.version)),
        appVersion: appVersion === undefined ? undefined : String(appVersion),
        folder,
        valuesFile: nodePath.join(path, 'values.yaml'),
        schemaFile: fs.existsSync(schema) ? schema : undefined,
      });
    } else if (fs.existsSync(nodePath.join(path, 'chart-values.yaml'))) {
      const match = /^(.*)-(\d+\.\d+\.\d+)$/.exec(folder);
      if (match)
        charts.push({
          name: match[1],
          version: match[2],
          folder,
          valuesFile: nodePath.join(path, 'chart-values.yaml'),
        });
    }
  }
  return charts;
}

/** The upstream chart of that name (and version, when given); throws when there is none. */
export function findUpstreamChart(
  chart: string | { name: string; version?: string },
  dir?: string,
): UpstreamChart {
  const wanted = typeof chart === 'string' ? { name: chart } : chart;
  const charts = upstreamCharts(dir);
  const found = charts.find(
    c =>
      c.name === wanted.name &&
      (!wanted.version || c.version === wanted.version),
  );
  if (!found)
    throw new UpstreamDefinitionsMissingError(
      `no upstream chart ${wanted.name}${
        wanted.version ? ` ${wanted.version}` : ''
      } (have: ${charts.map(c => `${c.name} ${c.version}`).join(', ')})`,
    );
  return found;
}

const isMapValue = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Helm's coalescing of user values over a chart's defaults (what its schema
 * is checked against): maps merge key by key, anything else replaces the
 * default, and null removes the key.
 */
export function coalesceValues(defaults: unknown, values: unknown): unknown {
  if (!isMapValue(values)) return values === undefined ? defaults : values;
  if (!isMapValue(defaults)) return stripNulls(values);
  const result: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(values)) {
    if (value === null) delete result[key];
    else result[key] = coalesceValues(defaults[key], value);
  }
  return result;
}

function stripNulls(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, isMapValue(v) ? stripNulls(v) : v]),
  );
}

const validators = new Map<string, ValidateFunction>();

function schemaValidator(file: string): ValidateFunction {
  let validate = validators.get(file);
  if (!validate) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    validate = ajv.compile(JSON.parse(fs.readFileSync(file, 'utf8')));
    validators.set(file, validate);
  }
  return validate;
}

function describe(error: ErrorObject): string {
  const at =
    error.instancePath.replace(/^\//, '').replace(/\//g, '.') || '<root>';
  let extra = '';
  if (error.keyword === 'additionalProperties')
    extra = `: ${String(error.params.additionalProperty)}`;
  if (error.keyword === 'enum')
    extra = `: ${(error.params.allowedValues as unknown[]).join(', ')}`;
  return `${at}: ${
    error.message ?? error.keyword
  }${extra} (values.schema.json)`;
}

/**
 * Problems of a chart's values against the upstream chart: its
 * values.schema.json when it has one (velero), and, for every chart, each
 * key set that its values.yaml neither sets nor documents.
 */
export function validateHelmValues(
  chart: string | { name: string; version?: string },
  values: unknown,
  options: { upstreamDir?: string } = {},
): string[] {
  const upstream = findUpstreamChart(chart, options.upstreamDir);
  const problems: string[] = [];
  if (upstream.schemaFile) {
    const validate = schemaValidator(upstream.schemaFile);
    const merged = coalesceValues(
      parse(fs.readFileSync(upstream.valuesFile, 'utf8')),
      values,
    );
    if (!validate(merged))
      problems.push(...(validate.errors ?? []).map(describe));
  }
  problems.push(
    ...unknownChartValueKeys(
      fs.readFileSync(upstream.valuesFile, 'utf8'),
      values,
    ),
  );
  return problems;
}
