import type { Reason } from '../model';
import type { ClusterState, KindReadability } from '../state/ClusterState';
import {
  REQUIRED_CORE_KINDS,
  REQUIRED_VELERO_KINDS,
  RESOURCE_KIND_INFO,
  RESOURCE_KINDS,
  resourceName,
  type ResourceKind,
} from '../state/resourceKinds';
import type { EvaluationContext } from './context';
import { formatSeconds, listText } from './humanize';
import * as reasons from './messages';

/** What readability depends on besides the state: the cluster, and the clock. */
export type ReadabilityContext = Pick<
  EvaluationContext,
  'cluster' | 'now' | 'staleAfterSeconds'
>;

/**
 * Reasons that make every claim of the cluster unknown, if any: the cluster
 * is unreachable; a required kind is forbidden, absent or erroring; or (when
 * `staleAfterSeconds` is set) a kind's data was not confirmed current within
 * it, whatever its status says.
 */
export function clusterUnknownReasons(
  state: ClusterState,
  ctx: ReadabilityContext | string,
): Reason[] {
  const context = typeof ctx === 'string' ? { cluster: ctx } : ctx;
  const { cluster } = context;
  const reachability = state.reachability();
  if (!reachability.reachable)
    return [reasons.clusterUnreachable(cluster, reachability.message)];
  const found: Reason[] = [];
  for (const kind of REQUIRED_CORE_KINDS) {
    const readability = state.readability(kind);
    if (readability.status !== 'readable')
      found.push(reasons.coreUnreadable(cluster, kind, readability));
  }
  const velero: Array<[ResourceKind, KindReadability]> =
    REQUIRED_VELERO_KINDS.map((kind): [ResourceKind, KindReadability] => [
      kind,
      state.readability(kind),
    ]).filter(([, r]) => r.status !== 'readable');
  if (velero.length > 0) found.push(reasons.veleroUnreadable(cluster, velero));
  if ('now' in context) found.push(...staleReasons(state, context));
  return found;
}

/** A kind whose data is older than allowed, and how old (undefined: never confirmed). */
export interface StaleKind {
  kind: ResourceKind;
  ageSeconds?: number;
}

/**
 * The kinds that count as readable but whose data was not confirmed within
 * `staleAfterSeconds` of `now`. Kinds that are forbidden, absent or erroring
 * are left to their own reasons.
 */
export function staleKinds(
  state: ClusterState,
  ctx: Pick<EvaluationContext, 'now' | 'staleAfterSeconds'>,
): StaleKind[] {
  if (ctx.staleAfterSeconds === undefined) return [];
  const now = ctx.now.getTime();
  const stale: StaleKind[] = [];
  for (const kind of RESOURCE_KINDS) {
    if (state.readability(kind).status !== 'readable') continue;
    const at = state.confirmedAt(kind);
    if (at === undefined) stale.push({ kind });
    else if (now - at > ctx.staleAfterSeconds * 1000)
      stale.push({ kind, ageSeconds: (now - at) / 1000 });
  }
  return stale;
}

function staleReasons(state: ClusterState, ctx: ReadabilityContext): Reason[] {
  const stale = staleKinds(state, ctx);
  if (stale.length === 0) return [];
  const isVelero = (s: StaleKind) =>
    RESOURCE_KIND_INFO[s.kind].group === 'velero.io';
  const out: Reason[] = [];
  const core = stale.filter(s => !isVelero(s));
  const velero = stale.filter(isVelero);
  if (core.length > 0)
    out.push(staleData(ctx.cluster, core, ctx.staleAfterSeconds!));
  if (velero.length > 0)
    out.push(staleData(ctx.cluster, velero, ctx.staleAfterSeconds!));
  return out;
}

/**
 * Data older than `storage.sync.staleAfterSeconds` (`data-stale`): the
 * reason names each kind and its age, one reason for the core kinds and one
 * for Velero's.
 */
export function staleData(
  cluster: string,
  kinds: readonly StaleKind[],
  staleAfterSeconds: number,
): Reason {
  const what = listText(
    kinds.map(({ kind, ageSeconds }) =>
      ageSeconds === undefined
        ? `${resourceName(kind)} (never confirmed)`
        : `${resourceName(kind)} (last confirmed ${formatSeconds(
            ageSeconds,
          )} ago)`,
    ),
  );
  return {
    code: 'data-stale',
    message: `The data of ${what} in cluster "${cluster}" is older than the ${formatSeconds(
      staleAfterSeconds,
    )} allowed (storage.sync.staleAfterSeconds), so this volume's backup state is unknown. It comes back once the storage plugin reads the cluster again.`,
  };
}
