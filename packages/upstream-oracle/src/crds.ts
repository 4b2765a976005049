import fs from 'node:fs';
import nodePath from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  resolveUpstreamDir,
  UpstreamDefinitionsMissingError,
} from './upstreamDir';
import type { StructuralSchema } from './structuralSchema';

/** The folders of the upstream directory whose CRDs the oracle serves. */
export const CRD_FOLDERS = ['velero-1.18.1', 'kro-0.9.3', 'argo-cd-3.5.1'];

/** One served version of an upstream CustomResourceDefinition. */
export type UpstreamCrdVersion = {
  /** `<group>/<version>` */
  apiVersion: string;
  kind: string;
  scope: 'Namespaced' | 'Cluster';
  schema: StructuralSchema;
  /** The upstream file it was read from, relative to the upstream directory. */
  source: string;
};

type Crd = {
  kind?: string;
  spec?: {
    group: string;
    scope: 'Namespaced' | 'Cluster';
    names: { kind: string };
    versions: Array<{
      name: string;
      served: boolean;
      schema?: { openAPIV3Schema?: StructuralSchema };
    }>;
  };
};

const cache = new Map<string, Map<string, UpstreamCrdVersion>>();

const key = (apiVersion: string, kind: string) => `${apiVersion}|${kind}`;

/** The served versions (with a schema) of a CustomResourceDefinition object. */
export function crdVersions(
  object: unknown,
  source: string,
): UpstreamCrdVersion[] {
  const crd = object as Crd | null;
  if (crd?.kind !== 'CustomResourceDefinition' || !crd.spec) return [];
  const spec = crd.spec;
  return spec.versions.flatMap(version => {
    const schema = version.schema?.openAPIV3Schema;
    if (!version.served || !schema) return [];
    return [
      {
        apiVersion: `${spec.group}/${version.name}`,
        kind: spec.names.kind,
        scope: spec.scope,
        schema,
        source,
      },
    ];
  });
}

/** Every served version of every upstream CRD, keyed by `apiVersion|kind`. */
export function loadUpstreamCrds(
  dir: string = resolveUpstreamDir(),
): Map<string, UpstreamCrdVersion> {
  const cached = cache.get(dir);
  if (cached) return cached;
  const crds = new Map<string, UpstreamCrdVersion>();
  for (const folder of CRD_FOLDERS) {
    const folderPath = nodePath.join(dir, folder);
    if (!fs.existsSync(folderPath))
      throw new UpstreamDefinitionsMissingError(`${folderPath} does not exist`);
    for (const file of fs.readdirSync(folderPath).sort()) {
      if (!/\.ya?ml$/.test(file)) continue;
      const text = fs.readFileSync(nodePath.join(folderPath, file), 'utf8');
      for (const doc of parseAllDocuments(text)) {
        for (const version of crdVersions(doc.toJS(), `${folder}/${file}`))
          crds.set(key(version.apiVersion, version.kind), version);
      }
    }
  }
  cache.set(dir, crds);
  return crds;
}

/** The upstream CRD version serving `apiVersion` + `kind`, if any. */
export function findUpstreamCrd(
  apiVersion: string,
  kind: string,
  dir?: string,
): UpstreamCrdVersion | undefined {
  return loadUpstreamCrds(dir).get(key(apiVersion, kind));
}

/** The API groups the upstream CRDs define (an object of such a group with an unknown kind/version is an error). */
export function upstreamCrdGroups(dir?: string): Set<string> {
  return new Set(
    [...loadUpstreamCrds(dir).values()].map(c => c.apiVersion.split('/')[0]),
  );
}
