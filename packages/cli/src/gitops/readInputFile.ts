import fs from 'node:fs';
import nodePath from 'node:path';
import { parse } from 'yaml';
import { GeneratorError } from '@gitops-storage/plugin-storage-gitops';

type Obj = Record<string, unknown>;

function readChartDirectory(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    const full = nodePath.join(dir, entry.name);
    if (entry.isDirectory())
      Object.assign(files, readChartDirectory(full, path));
    else if (entry.isFile()) files[path] = fs.readFileSync(full, 'utf8');
  }
  return files;
}

/**
 * `chart.vendor.directory` (an unpacked chart, e.g. from `helm pull --untar`)
 * and `chart.vendor.indexFile` (a Helm repository index.yaml) are paths
 * relative to the input file; the generator takes their contents.
 */
function resolveVendoredChart(input: Obj, baseDir: string): void {
  const vendor = (input.chart as Obj | undefined)?.vendor as Obj | undefined;
  if (!vendor || typeof vendor !== 'object') return;
  const { directory, indexFile, ...rest } = vendor;
  const resolved: Obj = { ...rest };
  if (typeof directory === 'string') {
    const dir = nodePath.resolve(baseDir, directory);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
      throw new GeneratorError(
        `chart.vendor.directory: '${dir}' is not a folder`,
        { field: 'chart.vendor.directory' },
      );
    }
    resolved.files = readChartDirectory(dir);
  }
  if (typeof indexFile === 'string') {
    const file = nodePath.resolve(baseDir, indexFile);
    if (!fs.existsSync(file)) {
      throw new GeneratorError(
        `chart.vendor.indexFile: '${file}' does not exist`,
        { field: 'chart.vendor.indexFile' },
      );
    }
    resolved.index = fs.readFileSync(file, 'utf8');
  }
  (input.chart as Obj).vendor = resolved;
}

/** The generator input from a YAML (or JSON) file. */
export function readInputFile(path: string): unknown {
  if (!fs.existsSync(path) || !fs.statSync(path).isFile()) {
    throw new GeneratorError(`--input: '${path}' does not exist`, {
      field: '--input',
    });
  }
  let input: unknown;
  try {
    input = parse(fs.readFileSync(path, 'utf8'));
  } catch (error) {
    throw new GeneratorError(
      `--input: '${path}' is not valid YAML: ${
        (error as Error).message.split('\n')[0]
      }`,
      {
        field: '--input',
      },
    );
  }
  if (input === null || input === undefined) return {};
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new GeneratorError(
      `--input: '${path}' must hold a YAML mapping of input fields`,
      { field: '--input' },
    );
  }
  resolveVendoredChart(input as Obj, nodePath.dirname(path));
  return input;
}
