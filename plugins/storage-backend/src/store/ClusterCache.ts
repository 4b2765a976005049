import {
  ClusterState,
  createClaimEvaluator,
  type ClaimEvaluator,
  RESOURCE_KIND_INFO,
  type ClaimCoverage,
  type ClaimKey,
  type ClusterStatus,
  type EvaluationContext,
  type KindReadability,
  type ResourceKind,
  type ResourceStatus,
  type Tier,
} from '@gitops-storage/plugin-storage-common';
import type { ClusterSink, ClusterSource } from '../sources/ClusterSource';
import { nextTimeDependentChange } from './timeDependence';
import { LabelIndex } from './LabelIndex';

/** Kinds folded into per-volume evidence: streamed, never buffered. */
const FOLDED_KINDS: ReadonlySet<ResourceKind> = new Set([
  'PodVolumeBackup',
  'DataUpload',
]);

export interface ClusterCacheOptions {
  source: ClusterSource;
  tiers: readonly Tier[];
  veleroNamespace: string;
  defaultVolumesToFsBackup?: boolean;
  /** How long changes may gather before verdicts are recomputed. */
  flushDelayMs?: number;
  now?: () => Date;
  /** Called after verdicts changed. */
  onChange?: () => void;
}

/**
 * One cluster's projected objects (a ClusterState fed by its source) and the
 * verdicts derived from them. Each change marks only the claims it can affect;
 * those are recomputed together shortly after, once the first full sync is in.
 * Verdicts that depend on the clock (RPO, waiver expiry) are recomputed when
 * their time comes, on read.
 */
export class ClusterCache implements ClusterSink {
  readonly state = new ClusterState();
  readonly pods = new LabelIndex();
  readonly claims = new LabelIndex();
  #coverage = new Map<ClaimKey, ClaimCoverage>();
  #changesAt = new Map<ClaimKey, number>();
  #dirty = new Set<ClaimKey>();
  #buffers = new Map<ResourceKind, unknown[]>();
  /** Kinds listed before: a new list of them replaces what is held. */
  #listed = new Set<ResourceKind>();
  #initialSyncDone = false;
  #flushTimer?: NodeJS.Timeout;
  #revision = 0;
  #lastEventAt?: number;

  constructor(private readonly options: ClusterCacheOptions) {}

  get name(): string {
    return this.options.source.name;
  }

  get source(): ClusterSource {
    return this.options.source;
  }

  /** Increases whenever a verdict may have changed. */
  get revision(): number {
    return this.#revision;
  }

  get synced(): boolean {
    return this.#initialSyncDone;
  }

  async start(): Promise<void> {
    await this.options.source.start(this);
    this.#initialSyncDone = true;
    this.#markAll();
    this.flush();
  }

  async stop(): Promise<void> {
    clearTimeout(this.#flushTimer);
    await this.options.source.stop();
  }

  clusterStatus(): ClusterStatus {
    return this.options.source.status();
  }

  // ---- ClusterSink --------------------------------------------------------

  listStarted(kind: ResourceKind): void {
    // The first list of a kind fills an empty state, so its objects are
    // projected as they arrive: a cold sync never holds a kind's raw objects
    // (tens of thousands of pods across a fleet). A relist (after 410 Gone
    // or a failed list) replaces what is held, so it is buffered.
    if (!FOLDED_KINDS.has(kind) && this.#listed.has(kind)) {
      this.#buffers.set(kind, []);
    }
    this.#listed.add(kind);
    if (kind === 'Pod') this.pods.clear();
    if (kind === 'PersistentVolumeClaim') this.claims.clear();
  }

  upsert(kind: ResourceKind, object: unknown): void {
    this.#indexUpsert(kind, object);
    const buffer = this.#buffers.get(kind);
    if (buffer) {
      buffer.push(object);
      return;
    }
    this.#mark(
      this.state.apply({ type: 'MODIFIED', object: withKind(kind, object) }),
    );
  }

  remove(kind: ResourceKind, object: unknown): void {
    this.#indexRemove(kind, object);
    this.#mark(
      this.state.apply({ type: 'DELETED', object: withKind(kind, object) }),
    );
  }

  listFinished(kind: ResourceKind): void {
    const buffer = this.#buffers.get(kind);
    this.#buffers.delete(kind);
    if (buffer) {
      this.#mark(
        this.state.replaceAll(
          kind,
          buffer.map(o => withKind(kind, o)),
        ),
      );
    }
  }

  status(kind: ResourceKind, status: ResourceStatus): void {
    this.#mark(this.state.setReadability(kind, readabilityOf(status)));
    const sourceStatus = this.options.source.status();
    this.#mark(
      this.state.setReachability({
        reachable: sourceStatus.status !== 'unreachable',
        message:
          sourceStatus.status === 'unreachable'
            ? sourceStatus.error
            : undefined,
      }),
    );
  }

  // ---- reads ------------------------------------------------------------

  /** The current verdict of a claim, recomputed first if the clock changed it. */
  coverage(key: ClaimKey): ClaimCoverage | undefined {
    this.#refreshDue([key]);
    return this.#coverage.get(key);
  }

  /** Every claim's current verdict. */
  allCoverage(): ClaimCoverage[] {
    this.#refreshDue(this.#changesAt.keys());
    return [...this.#coverage.values()];
  }

  /** When the last change arrived from the source (ms since epoch). */
  get lastEventAt(): number | undefined {
    return this.#lastEventAt;
  }

  /** Recomputes the verdicts of changed claims now. */
  flush(): void {
    clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    if (!this.#initialSyncDone || this.#dirty.size === 0) return;
    const ctx = this.#context();
    // One evaluator per batch: it prepares the schedules once for all claims.
    const evaluator = createClaimEvaluator(this.state, ctx);
    for (const key of this.#dirty) this.#evaluate(key, evaluator, ctx);
    this.#dirty.clear();
    this.#revision++;
    this.options.onChange?.();
  }

  // ---- internals ----------------------------------------------------------

  #evaluate(key: ClaimKey, evaluator: ClaimEvaluator, ctx: EvaluationContext) {
    const coverage = this.state.claim(key) ? evaluator(key) : undefined;
    if (!coverage) {
      this.#coverage.delete(key);
      this.#changesAt.delete(key);
      return;
    }
    this.#coverage.set(key, coverage);
    const at = nextTimeDependentChange(coverage, this.state.claim(key), ctx);
    if (at === undefined) this.#changesAt.delete(key);
    else this.#changesAt.set(key, at);
  }

  /** Recomputes the verdicts among `keys` whose time-dependent change is due. */
  #refreshDue(keys: Iterable<ClaimKey>) {
    const now = this.#now().getTime();
    const due: ClaimKey[] = [];
    for (const key of keys) {
      const at = this.#changesAt.get(key);
      if (at !== undefined && at <= now) due.push(key);
    }
    if (due.length === 0) return;
    const ctx = this.#context();
    const evaluator = createClaimEvaluator(this.state, ctx);
    for (const key of due) this.#evaluate(key, evaluator, ctx);
    this.#revision++;
  }

  #context(): EvaluationContext {
    return {
      cluster: this.name,
      tiers: this.options.tiers,
      now: this.#now(),
      veleroNamespace: this.options.veleroNamespace,
      defaultVolumesToFsBackup: this.options.defaultVolumesToFsBackup,
    };
  }

  #now(): Date {
    return this.options.now?.() ?? new Date();
  }

  #mark(keys: ReadonlySet<ClaimKey>) {
    if (keys.size === 0) return;
    this.#lastEventAt = Date.now();
    // Until the first sync is in, start() marks every claim at once: keys
    // gathered object by object (1.5 million PodVolumeBackups in a fleet)
    // would only be thrown away.
    if (!this.#initialSyncDone) return;
    for (const key of keys) this.#dirty.add(key);
    if (!this.#flushTimer) {
      this.#flushTimer = setTimeout(
        () => this.flush(),
        this.options.flushDelayMs ?? 50,
      );
    }
  }

  #markAll() {
    for (const key of this.state.claimKeys()) this.#dirty.add(key);
    for (const key of this.#coverage.keys()) this.#dirty.add(key);
  }

  #indexUpsert(kind: ResourceKind, object: unknown) {
    if (kind === 'Pod') this.pods.upsert(object);
    else if (kind === 'PersistentVolumeClaim') this.claims.upsert(object);
  }

  #indexRemove(kind: ResourceKind, object: unknown) {
    if (kind === 'Pod') this.pods.remove(object);
    else if (kind === 'PersistentVolumeClaim') this.claims.remove(object);
  }
}

/**
 * List items from typed list endpoints omit apiVersion and kind; the state
 * recognises objects by them, so they are filled in from the kind listed.
 */
function withKind(kind: ResourceKind, object: unknown): unknown {
  const o = object as { apiVersion?: string; kind?: string };
  if (o && typeof o === 'object' && o.kind && o.apiVersion) return object;
  return { ...(object as object), kind, apiVersion: apiVersionOf(kind) };
}

function apiVersionOf(kind: ResourceKind): string {
  const { group, version } = RESOURCE_KIND_INFO[kind];
  return group ? `${group}/${version}` : version;
}

/** What a resource's read status means for the engine. */
function readabilityOf(status: ResourceStatus): KindReadability {
  switch (status.status) {
    case 'synced':
    case 'syncing':
    case 'lagging':
      return { status: 'readable' };
    case 'forbidden':
    case 'absent':
      return { status: status.status, message: status.error };
    default:
      return { status: 'error', message: status.error };
  }
}
