/** How big the generated fleet is. Every count is per cluster except `clusters`. */
export interface FleetSize {
  clusters: number;
  /** PersistentVolumeClaims per cluster (each with its PV and one pod). */
  pvcs: number;
  /** Services (catalog entities) per cluster; two share a namespace. */
  services: number;
  /** Velero Schedules per cluster. */
  schedules: number;
  /** Days of daily backups kept. */
  days: number;
  seed: number;
}

/** The size the issue asks for: 20 × 2,500 PVCs, 30 days, ~1.5M PodVolumeBackups. */
export const FULL_FLEET: FleetSize = {
  clusters: 20,
  pvcs: 2500,
  services: 100,
  schedules: 40,
  days: 30,
  seed: 1,
};

/** A small fleet for a quick look (`--quick`). */
export const QUICK_FLEET: FleetSize = {
  clusters: 3,
  pvcs: 300,
  services: 20,
  schedules: 8,
  days: 7,
  seed: 1,
};

export const VELERO_NAMESPACE = 'velero';
export const SERVICES_PER_NAMESPACE = 2;
