/**
 * A small cluster as `kubectl get -o yaml` would print it: one team namespace
 * with a backed-up NFS claim (mounted by a pod of `payments-api`, opted in to
 * file-system backup, last backed up an hour before `now`) and a claim no pod
 * mounts. Times are relative to `now` so verdicts do not age.
 */
export function paymentsSnapshot(now: Date): string {
  const hoursAgo = (h: number) =>
    new Date(now.getTime() - h * 3600_000).toISOString();
  return `
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Namespace
  metadata: { name: payments, uid: ns-payments }
- apiVersion: storage.k8s.io/v1
  kind: StorageClass
  metadata: { name: storage-nfs, uid: sc-nfs }
  provisioner: cluster.local/nfs-subdir-external-provisioner
- apiVersion: v1
  kind: PersistentVolume
  metadata: { name: pv-ledger, uid: pv-ledger }
  spec:
    capacity: { storage: 10Gi }
    accessModes: [ReadWriteMany]
    storageClassName: storage-nfs
    nfs: { server: nfs.lan, path: /mnt/storage-bulk/nfs/payments-ledger }
    claimRef: { namespace: payments, name: ledger, uid: pvc-ledger }
  status: { phase: Bound }
- apiVersion: v1
  kind: PersistentVolume
  metadata: { name: pv-scratch, uid: pv-scratch }
  spec:
    capacity: { storage: 5Gi }
    accessModes: [ReadWriteMany]
    storageClassName: storage-nfs
    nfs: { server: nfs.lan, path: /mnt/storage-bulk/nfs/payments-scratch }
    claimRef: { namespace: payments, name: scratch, uid: pvc-scratch }
  status: { phase: Bound }
- apiVersion: v1
  kind: PersistentVolumeClaim
  metadata: { name: ledger, namespace: payments, uid: pvc-ledger }
  spec:
    accessModes: [ReadWriteMany]
    storageClassName: storage-nfs
    volumeName: pv-ledger
    resources: { requests: { storage: 10Gi } }
  status: { phase: Bound, capacity: { storage: 10Gi }, accessModes: [ReadWriteMany] }
- apiVersion: v1
  kind: PersistentVolumeClaim
  metadata: { name: scratch, namespace: payments, uid: pvc-scratch }
  spec:
    accessModes: [ReadWriteMany]
    storageClassName: storage-nfs
    volumeName: pv-scratch
    resources: { requests: { storage: 5Gi } }
  status: { phase: Bound, capacity: { storage: 5Gi }, accessModes: [ReadWriteMany] }
- apiVersion: v1
  kind: Pod
  metadata:
    name: payments-api-0
    namespace: payments
    uid: pod-payments-api-0
    labels: { app: payments-api, backstage.io/kubernetes-id: payments-api }
    annotations: { backup.velero.io/backup-volumes: ledger }
  spec:
    nodeName: node-1
    containers:
    - name: app
      image: payments-api
      volumeMounts: [{ name: ledger, mountPath: /data }]
    volumes:
    - name: ledger
      persistentVolumeClaim: { claimName: ledger }
  status: { phase: Running }
- apiVersion: velero.io/v1
  kind: BackupStorageLocation
  metadata: { name: default, namespace: velero, uid: bsl-default }
  spec: { provider: aws, default: true, objectStorage: { bucket: backups } }
  status: { phase: Available, lastValidationTime: "${hoursAgo(0.1)}" }
- apiVersion: velero.io/v1
  kind: Schedule
  metadata: { name: payments-daily, namespace: velero, uid: sched-payments }
  spec:
    schedule: "0 2 * * *"
    template: { includedNamespaces: [payments], storageLocation: default, ttl: 720h0m0s }
  status: { phase: Enabled, lastBackup: "${hoursAgo(1)}" }
- apiVersion: velero.io/v1
  kind: Backup
  metadata:
    name: payments-daily-1
    namespace: velero
    uid: backup-1
    labels: { velero.io/schedule-name: payments-daily }
  spec: { includedNamespaces: [payments], storageLocation: default, defaultVolumesToFsBackup: false }
  status:
    phase: Completed
    startTimestamp: "${hoursAgo(1.1)}"
    completionTimestamp: "${hoursAgo(1)}"
- apiVersion: velero.io/v1
  kind: PodVolumeBackup
  metadata:
    name: payments-daily-1-abcde
    namespace: velero
    uid: pvb-1
    labels: { velero.io/backup-name: payments-daily-1, velero.io/pvc-uid: pvc-ledger }
  spec:
    volume: ledger
    pod: { kind: Pod, namespace: payments, name: payments-api-0, uid: pod-payments-api-0 }
    uploaderType: kopia
  status:
    phase: Completed
    startTimestamp: "${hoursAgo(1.1)}"
    completionTimestamp: "${hoursAgo(1)}"
`;
}

/** The fixture with the ledger's PodVolumeBackup failed. */
export function paymentsSnapshotWithFailedCopy(now: Date): string {
  const text = paymentsSnapshot(now);
  const at = text.indexOf('kind: PodVolumeBackup');
  return (
    text.slice(0, at) +
    text.slice(at).replace('phase: Completed', 'phase: Failed')
  );
}
