import { SERVICES_PER_NAMESPACE, type FleetSize } from './FleetSize';
import { hash32, unit, uuid } from './random';

/** The storage tiers of the generated fleet (the seed's four classes). */
export type TierName = 'fast' | 'bulk' | 'nfs' | 'local';

export const STORAGE_CLASSES: Record<
  TierName,
  { name: string; provisioner: string; source: 'local' | 'nfs' | 'hostPath' }
> = {
  fast: {
    name: 'storage-fast',
    provisioner: 'kubernetes.io/no-provisioner',
    source: 'local',
  },
  bulk: {
    name: 'storage-bulk',
    provisioner: 'kubernetes.io/no-provisioner',
    source: 'local',
  },
  nfs: {
    name: 'storage-nfs',
    provisioner: 'cluster.local/nfs-subdir-external-provisioner',
    source: 'nfs',
  },
  local: {
    name: 'storage-local',
    provisioner: 'rancher.io/local-path',
    source: 'hostPath',
  },
};

/** What each hash is for; part of every hash so values are independent. */
export const Purpose = {
  Tier: 1,
  OptIn: 2,
  Stall: 3,
  Hour: 4,
  Failure: 5,
  PvcUid: 6,
  PodUid: 7,
  BackupUid: 8,
  PvbUid: 9,
  PvbSuffix: 10,
  Capacity: 11,
  Duration: 12,
  NamespaceUid: 13,
  ClassUid: 14,
  ScheduleUid: 15,
  BslUid: 16,
  Age: 17,
  Node: 18,
  Snapshot: 19,
  Bytes: 20,
  Revision: 21,
  PvUid: 22,
} as const;
type PurposeId = (typeof Purpose)[keyof typeof Purpose];

/** Share of PodVolumeBackups that fail (their Backup is then PartiallyFailed). */
export const VOLUME_BACKUP_FAILURE_RATE = 0.002;
/** Share of schedules whose backups stopped three days ago (volumes go stale). */
export const STALLED_SCHEDULE_RATE = 0.05;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Share of services per tier: NFS 40 %, fast 28.5 %, bulk 28.5 %, local-path (hostPath) 3 %. */
function tierOf(u: number): TierName {
  if (u < 0.4) return 'nfs';
  if (u < 0.685) return 'fast';
  if (u < 0.97) return 'bulk';
  return 'local';
}

function ceilDiv(a: number, b: number): number {
  return Math.floor((a + b - 1) / b);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * The shape of one generated cluster, computed once from the seed (a few
 * arrays of numbers): which service, namespace, tier and schedule each PVC
 * has, which PVCs Velero backs up, and when every backup ran. Objects are
 * generated from it on demand; nothing here grows with the backups kept.
 *
 * PVC `i` belongs to service `floor(i × services / pvcs)` (each service is a
 * StatefulSet whose pod `r` mounts `data-<service>-<r>`); two services share
 * a namespace; schedule `k` backs up namespaces `n ≡ k (mod schedules)` with
 * opt-in file-system backup, daily.
 */
export class ClusterLayout {
  readonly name: string;
  readonly namespaceCount: number;
  readonly serviceTier: TierName[] = [];
  readonly serviceOptedIn: boolean[] = [];
  readonly scheduleStalled: boolean[] = [];
  /** Start (ms) of each schedule's newest backup. */
  readonly latestBackupStart: number[] = [];
  /** PVCs that get a PodVolumeBackup in every backup, grouped by schedule. */
  readonly backedUp: Int32Array;
  /** Position of a PVC in `backedUp`, or -1. */
  readonly positionOf: Int32Array;
  /** Where each schedule's block starts in `backedUp` (length schedules + 1). */
  readonly scheduleStart: Int32Array;
  /** Failed PodVolumeBackups per backup (`day × schedules + schedule`). */
  readonly failuresPerBackup: Uint16Array;
  #pvcByUid?: Map<string, number>;
  /** Names and uids used by many objects, made once (a few MB per cluster). */
  #memo = new Map<string, string[]>();

  constructor(
    readonly size: FleetSize,
    readonly index: number,
    /** The instant the fleet is generated for (ms). */
    readonly now: number,
  ) {
    const { services, schedules, pvcs, days } = size;
    this.name = `cluster-${pad(index + 1, 2)}`;
    this.namespaceCount = ceilDiv(services, SERVICES_PER_NAMESPACE);
    for (let j = 0; j < services; j++) {
      this.serviceTier.push(tierOf(this.unit(Purpose.Tier, j)));
      this.serviceOptedIn.push(this.unit(Purpose.OptIn, j) >= 0.02);
    }
    for (let k = 0; k < schedules; k++) {
      const stalled = this.unit(Purpose.Stall, k) < STALLED_SCHEDULE_RATE;
      this.scheduleStalled.push(stalled);
      const hoursAgo = 1 + (this.hash(Purpose.Hour, k) % 18);
      const start = Math.floor((now - hoursAgo * HOUR) / HOUR) * HOUR;
      this.latestBackupStart.push(start - (stalled ? 3 * DAY : 0));
    }

    const order: number[] = [];
    this.scheduleStart = new Int32Array(schedules + 1);
    for (let k = 0; k < schedules; k++) {
      this.scheduleStart[k] = order.length;
      for (let n = k; n < this.namespaceCount; n += schedules) {
        for (let s = 0; s < SERVICES_PER_NAMESPACE; s++) {
          const j = n * SERVICES_PER_NAMESPACE + s;
          if (j >= services || !this.backsUp(j)) continue;
          const [first, end] = this.pvcRange(j);
          for (let i = first; i < end; i++) order.push(i);
        }
      }
    }
    this.scheduleStart[schedules] = order.length;
    this.backedUp = Int32Array.from(order);
    this.positionOf = new Int32Array(pvcs).fill(-1);
    order.forEach((pvc, position) => {
      this.positionOf[pvc] = position;
    });

    this.failuresPerBackup = new Uint16Array(days * schedules);
    for (let k = 0; k < schedules; k++) {
      for (let p = this.scheduleStart[k]; p < this.scheduleStart[k + 1]; p++) {
        for (let day = 0; day < days; day++) {
          if (this.volumeBackupFails(day, this.backedUp[p])) {
            this.failuresPerBackup[day * schedules + k]++;
          }
        }
      }
    }
  }

  // ---- hashing ------------------------------------------------------------

  #remember(table: string, index: number, make: () => string): string {
    let values = this.#memo.get(table);
    if (!values) this.#memo.set(table, (values = []));
    return (values[index] ??= make());
  }

  hash(purpose: PurposeId, ...parts: number[]): number {
    return hash32(this.size.seed, this.index, purpose, ...parts);
  }

  unit(purpose: PurposeId, ...parts: number[]): number {
    return unit(this.size.seed, this.index, purpose, ...parts);
  }

  uid(purpose: PurposeId, ...parts: number[]): string {
    return uuid(this.size.seed, this.index, purpose, ...parts);
  }

  // ---- services, namespaces, claims -------------------------------------

  /** The service's id: the catalog entity's name and its pods' kubernetes-id. */
  serviceId(service: number): string {
    const global = this.index * this.size.services + service + 1;
    const width = Math.max(
      4,
      String(this.size.clusters * this.size.services).length,
    );
    return `svc-${pad(global, width)}`;
  }

  /** The service of a `svc-NNNN` id, when it runs in this cluster. */
  serviceOfId(id: string): number | undefined {
    const match = /^svc-(\d+)$/.exec(id);
    if (!match) return undefined;
    const service = Number(match[1]) - 1 - this.index * this.size.services;
    return service >= 0 && service < this.size.services ? service : undefined;
  }

  namespaceOfService(service: number): number {
    return Math.floor(service / SERVICES_PER_NAMESPACE);
  }

  namespaceName(namespace: number): string {
    return `team-${pad(namespace + 1, 3)}`;
  }

  namespaceIndex(name: string): number | undefined {
    const match = /^team-(\d+)$/.exec(name);
    const n = match ? Number(match[1]) - 1 : -1;
    return n >= 0 && n < this.namespaceCount ? n : undefined;
  }

  scheduleOfNamespace(namespace: number): number {
    return namespace % this.size.schedules;
  }

  scheduleName(schedule: number): string {
    return `daily-${pad(schedule + 1, 2)}`;
  }

  /** Whether Velero copies the service's volumes (opted in, not hostPath). */
  backsUp(service: number): boolean {
    return (
      this.serviceTier[service] !== 'local' && this.serviceOptedIn[service]
    );
  }

  serviceOf(pvc: number): number {
    return Math.floor((pvc * this.size.services) / this.size.pvcs);
  }

  /** `[first, end)` PVC indices of a service. */
  pvcRange(service: number): [number, number] {
    const { pvcs, services } = this.size;
    return [
      ceilDiv(service * pvcs, services),
      ceilDiv((service + 1) * pvcs, services),
    ];
  }

  /** `[first, end)` PVC indices of a namespace (its services are adjacent). */
  namespacePvcRange(namespace: number): [number, number] {
    const firstService = namespace * SERVICES_PER_NAMESPACE;
    const lastService =
      Math.min(firstService + SERVICES_PER_NAMESPACE, this.size.services) - 1;
    return [this.pvcRange(firstService)[0], this.pvcRange(lastService)[1]];
  }

  replicaOf(pvc: number): number {
    return pvc - this.pvcRange(this.serviceOf(pvc))[0];
  }

  podName(pvc: number): string {
    return this.#remember(
      'podName',
      pvc,
      () => `${this.serviceId(this.serviceOf(pvc))}-${this.replicaOf(pvc)}`,
    );
  }

  pvcName(pvc: number): string {
    return this.#remember('pvcName', pvc, () => `data-${this.podName(pvc)}`);
  }

  pvcUid(pvc: number): string {
    return this.#remember('pvcUid', pvc, () => this.uid(Purpose.PvcUid, pvc));
  }

  podUid(pvc: number): string {
    return this.#remember('podUid', pvc, () => this.uid(Purpose.PodUid, pvc));
  }

  /** Dynamic provisioners name a PV after its claim's uid. */
  pvName(pvc: number): string {
    return this.#remember('pvName', pvc, () => `pvc-${this.pvcUid(pvc)}`);
  }

  namespaceOfClaim(pvc: number): string {
    return this.#remember('claimNamespace', pvc, () =>
      this.namespaceName(this.namespaceOfService(this.serviceOf(pvc))),
    );
  }

  pvcByUid(uid: string): number | undefined {
    if (!this.#pvcByUid) {
      this.#pvcByUid = new Map();
      for (let i = 0; i < this.size.pvcs; i++)
        this.#pvcByUid.set(this.pvcUid(i), i);
    }
    return this.#pvcByUid.get(uid);
  }

  tierOf(pvc: number): TierName {
    return this.serviceTier[this.serviceOf(pvc)];
  }

  // ---- backups --------------------------------------------------------------

  get backupCount(): number {
    return this.size.days * this.size.schedules;
  }

  get volumeBackupsPerDay(): number {
    return this.backedUp.length;
  }

  get volumeBackupCount(): number {
    return this.size.days * this.backedUp.length;
  }

  /** Schedule of a position in `backedUp`. */
  scheduleOfPosition(position: number): number {
    let lo = 0;
    let hi = this.size.schedules - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.scheduleStart[mid] <= position) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  backupStart(day: number, schedule: number): number {
    return this.latestBackupStart[schedule] - (this.size.days - 1 - day) * DAY;
  }

  backupName(day: number, schedule: number): string {
    return this.#remember(
      'backupName',
      day * this.size.schedules + schedule,
      () => {
        const stamp = new Date(this.backupStart(day, schedule))
          .toISOString()
          .replace(/[-:T]/g, '')
          .slice(0, 14);
        return `${this.scheduleName(schedule)}-${stamp}`;
      },
    );
  }

  backupUid(day: number, schedule: number): string {
    const index = day * this.size.schedules + schedule;
    return this.#remember('backupUid', index, () =>
      this.uid(Purpose.BackupUid, index),
    );
  }

  volumeBackupFails(day: number, pvc: number): boolean {
    return this.unit(Purpose.Failure, day, pvc) < VOLUME_BACKUP_FAILURE_RATE;
  }

  /** Index of a PVC's PodVolumeBackup of one day, or -1 when it has none. */
  volumeBackupIndex(day: number, pvc: number): number {
    const position = this.positionOf[pvc];
    return position < 0 ? -1 : day * this.backedUp.length + position;
  }
}
