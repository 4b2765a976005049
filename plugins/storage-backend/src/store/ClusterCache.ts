import {
  ClusterState,
  createClaimEvaluator,
  type ClaimEvaluator,
  RESOURCE_KIND_INFO,
  RESOURCE_KINDS,
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
import { volumesHiddenBy } from '../entities/clusterRelevance';

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
  /** The other Velero server settings (snapshot move data, default location, CSI). */
  serverDefaults?: Pick<
    EvaluationContext,
    'defaultSnapshotMoveData' | 'defaultBackupLocation' | 'csiFeatureEnabled'
  >;
  /**
   * Live clusters: every claim is unknown while a kind the cluster serves was
   * not confirmed current within this many seconds. Unset for snapshots.
   */
  staleAfterSeconds?: number;
  /** How long changes may gather before verdicts are recomputed. */
  flushDelayMs?: number;
  now?: () => Date;
  /** Called after verdicts changed. */
  onChange?: () => void;
  /**
   * Called after verdicts were recomputed because of source events, with
   * the time from the batch's first event to its verdicts (metrics).
   */
  onVerdicts?: (info: { claims: number; eventToVerdictMs: number }) => void;
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
  /** Relists of folded kinds, folded into fresh evidence as they stream in. */
  #folding = new Map<ResourceKind, ReturnType<ClusterState['replaceFolded']>>();
  /** Kinds listed before: a new list of them replaces what is held. */
  #listed = new Set<ResourceKind>();
  #initialSyncDone = false;
  #flushTimer?: NodeJS.Timeout;
  #revision = 0;
  #lastEventAt?: number;
  /** When the first event of the batch now waiting for a flush arrived. */
  #batchSince?: number;
  /** Kinds whose data was too old at the last evaluation. */
  #staleKinds = new Set<ResourceKind>();
  /** When the next kind's data turns too old (ms), if it is tracked. */
  #nextStaleAt?: number;
  #staleTimer?: NodeJS.Timeout;
  /** Bumped on every sink call: the source's status may have changed. */
  #statusEpoch = 0;
  #statusMemo?: { epoch: number; status: ClusterStatus };
  #hiddenMemo?: { epoch: number; now: boolean; after?: number };

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
    clearTimeout(this.#staleTimer);
    await this.options.source.stop();
  }

  /**
   * The source's status, with the objects refused on ingest per kind. Read
   * from the source again only after a sink call (see ClusterSource.status);
   * the same object until then, which callers must not change.
   */
  clusterStatus(): ClusterStatus {
    const memo = this.#statusMemo;
    if (memo?.epoch === this.#statusEpoch) return memo.status;
    const status = this.options.source.status();
    const { staleAfterSeconds } = this.options;
    const full: ClusterStatus = {
      ...status,
      ...(staleAfterSeconds !== undefined ? { staleAfterSeconds } : {}),
      resources: status.resources?.map(resource => {
        const skipped = isKind(resource.resource)
          ? this.state.skipped(resource.resource).count
          : 0;
        return skipped > 0 ? { ...resource, skipped } : resource;
      }),
    };
    this.#statusMemo = { epoch: this.#statusEpoch, status: full };
    return full;
  }

  /**
   * Whether this cluster could hold volumes an entity's answer cannot show
   * (see volumesHiddenBy), decided once per status change.
   */
  mayHideVolumes(nowMs: number): boolean {
    let memo = this.#hiddenMemo;
    if (memo?.epoch !== this.#statusEpoch) {
      memo = {
        epoch: this.#statusEpoch,
        ...volumesHiddenBy(this.clusterStatus()),
      };
      this.#hiddenMemo = memo;
    }
    return memo.now || (memo.after !== undefined && nowMs > memo.after);
  }

  // ---- ClusterSink --------------------------------------------------------

  listStarted(kind: ResourceKind): void {
    this.#statusEpoch++;
    // The first list of a kind fills an empty state, so its objects are
    // projected as they arrive: a cold sync never holds a kind's raw objects
    // (tens of thousands of pods across a fleet). A relist (after 410 Gone
    // or a failed list) replaces what is held, so it is buffered.
    if (this.#listed.has(kind)) {
      if (FOLDED_KINDS.has(kind))
        this.#folding.set(kind, this.state.replaceFolded(kind));
      else this.#buffers.set(kind, []);
    }
    this.#listed.add(kind);
  }

  upsert(kind: ResourceKind, object: unknown): void {
    this.#statusEpoch++;
    const folding = this.#folding.get(kind);
    if (folding) {
      folding.add(withKind(kind, object));
      return;
    }
    const buffer = this.#buffers.get(kind);
    if (buffer) {
      buffer.push(object);
      return;
    }
    this.#mark(
      this.state.apply({ type: 'MODIFIED', object: withKind(kind, object) }),
    );
    this.#reindex(kind, object);
  }

  remove(kind: ResourceKind, object: unknown): void {
    this.#statusEpoch++;
    this.#mark(
      this.state.apply({ type: 'DELETED', object: withKind(kind, object) }),
    );
    this.#reindex(kind, object);
  }

  listFinished(kind: ResourceKind): void {
    this.#statusEpoch++;
    const folding = this.#folding.get(kind);
    this.#folding.delete(kind);
    if (folding) this.#mark(folding.finish());
    const buffer = this.#buffers.get(kind);
    this.#buffers.delete(kind);
    if (buffer) {
      this.#mark(
        this.state.replaceAll(
          kind,
          buffer.map(o => withKind(kind, o)),
        ),
      );
      this.#rebuildIndex(kind);
    }
  }

  confirmed(kind: ResourceKind, atMs: number): void {
    this.#statusEpoch++;
    this.state.confirm(kind, atMs);
    // Data that was too old is fresh again: every verdict may come back.
    if (this.#staleKinds.has(kind)) {
      this.#staleKinds.delete(kind);
      this.#markEverything();
    }
  }

  sourceStatusChanged(): void {
    this.#statusEpoch++;
  }

  status(kind: ResourceKind, status: ResourceStatus): void {
    this.#statusEpoch++;
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
    this.#refreshStale();
    this.#refreshDue([key]);
    return this.#coverage.get(key);
  }

  /** Every claim's current verdict. */
  allCoverage(): ClaimCoverage[] {
    this.#refreshStale();
    this.#refreshDue(this.#changesAt.keys());
    return [...this.#coverage.values()];
  }

  /**
   * The earliest time (ms) at which the clock alone changes the verdict of
   * one of `keys` or turns this cluster's data too old; undefined: never.
   * Until then, with the same `revision`, their verdicts stay as they are.
   */
  changeDueAt(keys: Iterable<ClaimKey>): number | undefined {
    let due = this.#nextStaleAt;
    for (const key of keys) {
      const at = this.#changesAt.get(key);
      if (at !== undefined && (due === undefined || at < due)) due = at;
    }
    return due;
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
    if (this.#batchSince !== undefined) {
      this.options.onVerdicts?.({
        claims: this.#dirty.size,
        eventToVerdictMs: Date.now() - this.#batchSince,
      });
      this.#batchSince = undefined;
    }
    this.#dirty.clear();
    this.#trackStaleness(ctx.now.getTime());
    this.#revision++;
    this.options.onChange?.();
  }

  // ---- internals ----------------------------------------------------------

  /**
   * Which kinds are too old now, and when the next one will be: verdicts
   * turn unknown at that moment (a timer, and a check on every read).
   */
  #trackStaleness(now: number) {
    const { staleAfterSeconds } = this.options;
    if (staleAfterSeconds === undefined) return;
    const limit = staleAfterSeconds * 1000;
    this.#staleKinds.clear();
    let next: number | undefined;
    for (const kind of RESOURCE_KINDS) {
      if (this.state.readability(kind).status !== 'readable') continue;
      const at = this.state.confirmedAt(kind);
      if (at === undefined || now - at > limit) {
        this.#staleKinds.add(kind);
      } else if (next === undefined || at + limit < next) {
        next = at + limit;
      }
    }
    this.#nextStaleAt = next === undefined ? undefined : next + 1;
    clearTimeout(this.#staleTimer);
    this.#staleTimer = undefined;
    if (this.#nextStaleAt !== undefined) {
      this.#staleTimer = setTimeout(
        () => this.#refreshStale(),
        Math.max(0, this.#nextStaleAt - now),
      );
      this.#staleTimer.unref?.();
    }
  }

  /** Recomputes every verdict when some kind's data has just turned too old. */
  #refreshStale() {
    if (this.#nextStaleAt === undefined) return;
    if (this.#now().getTime() < this.#nextStaleAt) return;
    this.#nextStaleAt = undefined;
    this.#markEverything();
    this.flush();
  }

  #markEverything() {
    if (!this.#initialSyncDone) return;
    this.#markAll();
    if (!this.#flushTimer) {
      this.#flushTimer = setTimeout(
        () => this.flush(),
        this.options.flushDelayMs ?? 50,
      );
    }
  }

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
      ...this.options.serverDefaults,
      staleAfterSeconds: this.options.staleAfterSeconds,
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
    this.#batchSince ??= this.#lastEventAt;
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

  /**
   * Entity lookups index what the state accepted (validated labels), not
   * the raw object: a refused object is not found by any selector.
   */
  #reindex(kind: ResourceKind, object: unknown) {
    if (kind !== 'Pod' && kind !== 'PersistentVolumeClaim') return;
    const meta = (object as { metadata?: unknown })?.metadata as
      | { name?: unknown; namespace?: unknown }
      | undefined;
    if (typeof meta?.name !== 'string' || typeof meta.namespace !== 'string')
      return;
    const key = `${meta.namespace}/${meta.name}`;
    const held =
      kind === 'Pod'
        ? this.state.pod(meta.namespace, meta.name)
        : this.state.claim(key);
    const index = kind === 'Pod' ? this.pods : this.claims;
    if (held) index.set(key, held.labels);
    else index.delete(key);
  }

  #rebuildIndex(kind: ResourceKind) {
    if (kind === 'Pod') {
      this.pods.clear();
      for (const pod of this.state.pods())
        this.pods.set(`${pod.namespace}/${pod.name}`, pod.labels);
    } else if (kind === 'PersistentVolumeClaim') {
      this.claims.clear();
      for (const key of this.state.claimKeys()) {
        const claim = this.state.claim(key);
        if (claim) this.claims.set(key, claim.labels);
      }
    }
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

function isKind(name: string): name is ResourceKind {
  return (RESOURCE_KINDS as readonly string[]).includes(name);
}
