import { VERDICT_NEEDS } from '../backend/startKubernetesBackend';

/** What Backstage's Kubernetes backend answers for one entity, by kind. */
export interface PeerAnswerContents {
  /** Objects per kind across every cluster. */
  objects: Record<string, number>;
  /** Kinds a verdict needs that the answer has none of, with why they are needed. */
  missing: Array<{ kind: string; neededFor: string }>;
  /** Errors the backend reported per cluster. */
  errors: number;
}

interface ObjectsByEntityResponse {
  items: Array<{
    errors?: unknown[];
    resources: Array<{
      type: string;
      resources: Array<{ kind?: string }>;
    }>;
  }>;
}

const KIND_OF_TYPE: Record<string, string> = { pods: 'Pod' };

/** Counts an ObjectsByEntityResponse by kind and names what a verdict needs and it lacks. */
export function peerAnswerContents(body: unknown): PeerAnswerContents {
  const objects: Record<string, number> = {};
  let errors = 0;
  for (const cluster of (body as ObjectsByEntityResponse).items ?? []) {
    errors += cluster.errors?.length ?? 0;
    for (const fetched of cluster.resources ?? []) {
      for (const object of fetched.resources ?? []) {
        const kind = KIND_OF_TYPE[fetched.type] ?? object.kind ?? fetched.type;
        objects[kind] = (objects[kind] ?? 0) + 1;
      }
    }
  }
  const missing = Object.entries(VERDICT_NEEDS)
    .filter(([kind]) => !objects[kind])
    .map(([kind, neededFor]) => ({ kind, neededFor }));
  return { objects, missing, errors };
}
