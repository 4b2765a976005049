import { randomBytes } from 'node:crypto';
import type { EntityStorageResponse } from '@gitops-storage/plugin-storage-common';
import type { EntityTarget } from '../entities/entityTarget';
import type { FleetStore } from '../store/FleetStore';
import { entitySummary } from './entitySummary';

/** An entity's answer, serialized, with a validator for conditional GETs. */
export interface EntityAnswer {
  json: string;
  etag: string;
}

interface Entry {
  targetKey: string;
  generation: string;
  validUntilMs?: number;
  /** The answer up to its `clusters` value, which is added per request. */
  prefix: string;
  holding: string[];
  serial: number;
}

export interface EntityAnswersOptions {
  /** Bound on the serialized answers kept (UTF-16 length as a proxy for bytes). */
  maxChars?: number;
  now?: () => number;
}

/**
 * 64 Mi characters of JSON (one byte each in V8's one-byte strings): every
 * answer of a fleet of 2,000 entities with 25 volumes each (about 25 KiB
 * apiece) with room to spare. A bound that holds fewer answers than are
 * asked for in turn makes least-recently-used eviction drop each answer
 * just before it is asked for again (measured: a third of the floor's
 * throughput with 16 Mi at that fleet size).
 */
const DEFAULT_MAX_CHARS = 64 * 1024 * 1024;

/** FNV-1a, 32 bit: a short, cheap fingerprint of the cluster part. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/**
 * The entity endpoint's answers, serialized once and reused until the store
 * says they may have changed: a verdict was recomputed or a pod or claim
 * changed in a targeted cluster (`entityGeneration`), or the clock reaches a
 * verdict's next time-dependent change. Cluster status (whose confirmation
 * times move on their own) is read and serialized on every request; it is a
 * small part since only the clusters the answer depends on are included.
 * Least recently used answers go first when the bound is reached. Answers
 * hold no caller-specific data: callers are checked before they get one.
 */
export class EntityAnswers {
  readonly #entries = new Map<string, Entry>();
  readonly #maxChars: number;
  readonly #now: () => number;
  /** Differs per process, so a validator never matches another instance's answer. */
  readonly #instance = randomBytes(4).toString('hex');
  #chars = 0;
  #serial = 0;

  constructor(
    private readonly store: FleetStore,
    options: EntityAnswersOptions = {},
  ) {
    this.#maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
    this.#now = options.now ?? Date.now;
  }

  answer(entityRef: string, target: EntityTarget | undefined): EntityAnswer {
    const nowMs = this.#now();
    const entry = this.#current(entityRef, target, nowMs);
    const clusters = JSON.stringify(
      target ? this.store.entityClusters(target, entry.holding, nowMs) : [],
    );
    return {
      json: `${entry.prefix}${clusters}}`,
      etag: `W/"${this.#instance}.${entry.serial.toString(36)}.${fingerprint(
        clusters,
      )}"`,
    };
  }

  #current(
    entityRef: string,
    target: EntityTarget | undefined,
    nowMs: number,
  ): Entry {
    const targetKey = target ? JSON.stringify(target) : '';
    const generation = target ? this.store.entityGeneration(target) : '';
    const cached = this.#entries.get(entityRef);
    if (
      cached &&
      cached.targetKey === targetKey &&
      cached.generation === generation &&
      (cached.validUntilMs === undefined || nowMs < cached.validUntilMs)
    ) {
      // Most recently used last, so eviction takes the oldest first.
      this.#entries.delete(entityRef);
      this.#entries.set(entityRef, cached);
      return cached;
    }
    if (cached) this.#forget(entityRef, cached);

    const { claims, holding, validUntilMs } = target
      ? this.store.entityClaims(target)
      : { claims: [], holding: [], validUntilMs: undefined };
    // The generation read before the claims: a change in between only makes
    // the next request recompute.
    const body: Omit<EntityStorageResponse, 'clusters'> = {
      entityRef,
      claims,
      summary: entitySummary(claims),
    };
    const json = JSON.stringify(body);
    const entry: Entry = {
      targetKey,
      generation,
      validUntilMs,
      prefix: `${json.slice(0, -1)},"clusters":`,
      holding,
      serial: ++this.#serial,
    };
    this.#entries.set(entityRef, entry);
    this.#chars += entry.prefix.length;
    for (const [ref, old] of this.#entries) {
      if (this.#chars <= this.#maxChars || ref === entityRef) break;
      this.#forget(ref, old);
    }
    return entry;
  }

  #forget(entityRef: string, entry: Entry) {
    this.#entries.delete(entityRef);
    this.#chars -= entry.prefix.length;
  }

  /** How many answers are kept, and their size (for tests and metrics). */
  get size(): { entries: number; chars: number } {
    return { entries: this.#entries.size, chars: this.#chars };
  }
}
