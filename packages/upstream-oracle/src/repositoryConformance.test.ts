import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  RESOURCE_KIND_INFO,
  type ResourceKind,
} from '@gitops-storage/plugin-storage-common';
import * as k from '@gitops-storage/plugin-storage-common/testing';
// The benchmark's generator is not a package, but its objects must be ones
// a real API server accepts, like every other object the project reads.
/* eslint-disable @backstage/no-relative-monorepo-imports */
import { fleetLayouts } from '../../../test/bench/src/fleet/fleetModel';
import { kindTables } from '../../../test/bench/src/fleet/kindTables';
import { QUICK_FLEET } from '../../../test/bench/src/fleet/FleetSize';
/* eslint-enable @backstage/no-relative-monorepo-imports */
import { validateKubernetesObject } from './validateKubernetesObject';

/**
 * Every Velero (and core) object the project reads in tests, demos and
 * benchmarks must be one the real API server would accept: validated
 * against Velero 1.18.1's CRDs and the Kubernetes schemas from
 * GITOPS_STORAGE_UPSTREAM_DIR.
 */
const ROOT = join(__dirname, '../../..');
const CLUSTERS = join(ROOT, 'test/fixtures/clusters');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

function objectsOf(path: string): Array<Record<string, unknown>> {
  return parseAllDocuments(readFileSync(path, 'utf8')).flatMap(doc => {
    const value = doc.toJS() as Record<string, unknown> | null;
    if (!value || value.kind === 'ClusterSnapshot') return [];
    return value.kind === 'List'
      ? (value.items as Array<Record<string, unknown>>)
      : [value];
  });
}

function problemsOf(
  objects: Iterable<Record<string, unknown>>,
  where: (o: Record<string, unknown>) => string,
): string[] {
  const out: string[] = [];
  for (const object of objects) {
    for (const problem of validateKubernetesObject(object)) {
      out.push(`${where(object)}: ${problem}`);
    }
  }
  return out;
}

const describeObject = (o: Record<string, unknown>) =>
  `${o.kind} ${(o.metadata as { namespace?: string })?.namespace ?? ''}/${
    (o.metadata as { name?: string })?.name
  }`;

describe('conformance with the upstream definitions', () => {
  it.each(['demo', 'velero-rules'])(
    'every object of the %s snapshot validates',
    cluster => {
      const problems = yamlFiles(join(CLUSTERS, cluster)).flatMap(file =>
        problemsOf(
          objectsOf(file),
          o => `${relative(ROOT, file)}: ${describeObject(o)}`,
        ),
      );
      expect(problems).toEqual([]);
    },
  );

  it('the test builders write valid objects', () => {
    const built = [
      k.pvc(),
      k.pv(),
      k.pv({ source: 'csi' }),
      k.pv({ source: 'nfs' }),
      k.pv({ source: 'hostPath' }),
      k.storageClass(),
      k.pod({ devices: ['data'] }),
      k.schedule(),
      k.backup({ name: 'daily-1', schedule: 'daily' }),
      k.backup({ name: 'daily-2', phase: 'Failed', failureReason: 'x' }),
      k.pvb({ backup: 'daily-1' }),
      k.dataUpload({ backup: 'daily-1' }),
      k.bsl({ accessMode: 'ReadOnly' }),
      k.namespaceObject('app'),
      k.configMap('policy', { 'policy.yaml': 'version: v1\n' }),
      k.deleteBackupRequest('daily-1', 'InProgress'),
      k.restore({ mapping: { app: 'app-restore-test' } }),
      k.restore({ name: 'r-2', phase: 'InProgress' }),
      k.podVolumeRestore({ target: 'app-restore-test', restoredClaimUid: 'u' }),
      k.dataDownload({ phase: 'Failed', message: 'x' }),
    ] as Array<Record<string, unknown>>;
    expect(problemsOf(built, describeObject)).toEqual([]);
  });

  it("the benchmark's generated fleet writes valid objects", () => {
    const now = Date.parse('2026-11-26T06:00:00Z');
    const [layout] = fleetLayouts(QUICK_FLEET, now);
    const kindByPlural = new Map(
      Object.entries(RESOURCE_KIND_INFO).map(([kind, info]) => [
        `${info.group}/${info.plural}`,
        kind as ResourceKind,
      ]),
    );
    const problems: string[] = [];
    for (const table of kindTables(layout)) {
      const kind = kindByPlural.get(
        `${table.path.group}/${table.path.resource}`,
      );
      const apiVersion = table.path.group
        ? `${table.path.group}/${table.path.version}`
        : table.path.version;
      // A spread of each kind: first, last and a few between.
      const step = Math.max(1, Math.floor(table.count / 5));
      for (let i = 0; i < table.count; i += step) {
        const object = { apiVersion, kind, ...table.object(i) };
        problems.push(...problemsOf([object], describeObject));
      }
    }
    expect(problems).toEqual([]);
  });
});
