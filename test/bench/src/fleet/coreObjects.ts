import type { StoredObject } from '@gitops-storage/fake-kube-apiserver';
import {
  ClusterLayout,
  Purpose,
  STORAGE_CLASSES,
  type TierName,
} from './ClusterLayout';
import { managedFields, owned, rfc3339 } from './kubeFields';
import { nameSuffix } from './random';

/*
 * Core objects as kube-apiserver lists them: items of built-in kinds carry no
 * apiVersion/kind (the list does), and every object has its managedFields.
 */

const DAY = 86_400_000;
const RESOURCE_VERSION = '1000';
const CAPACITIES_GI = [1, 2, 5, 10, 20, 50, 100];
const TIERS: TierName[] = ['fast', 'bulk', 'nfs', 'local'];

export function namespaceObject(
  layout: ClusterLayout,
  namespace: number,
): StoredObject {
  const name = layout.namespaceName(namespace);
  const created = rfc3339(layout.now - 400 * DAY);
  return {
    metadata: {
      name,
      uid: layout.uid(Purpose.NamespaceUid, namespace),
      resourceVersion: RESOURCE_VERSION,
      creationTimestamp: created,
      labels: {
        'kubernetes.io/metadata.name': name,
        'argocd.argoproj.io/instance': name,
      },
      managedFields: [
        managedFields('argocd-controller', 'v1', created, {
          'f:metadata': {
            'f:labels': { '.': {}, ...owned('argocd.argoproj.io/instance') },
          },
        }),
      ],
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

export function storageClassCount(): number {
  return TIERS.length;
}

export function storageClassObject(
  layout: ClusterLayout,
  index: number,
): StoredObject {
  const tier = TIERS[index];
  const { name, provisioner } = STORAGE_CLASSES[tier];
  const created = rfc3339(layout.now - 500 * DAY);
  return {
    metadata: {
      name,
      uid: layout.uid(Purpose.ClassUid, index),
      resourceVersion: RESOURCE_VERSION,
      creationTimestamp: created,
      labels: { 'gitops-storage.dev/tier': tier },
      managedFields: [
        managedFields('kro', 'storage.k8s.io/v1', created, {
          'f:metadata': { 'f:labels': owned('gitops-storage.dev/tier') },
          ...owned('provisioner', 'reclaimPolicy', 'volumeBindingMode'),
        }),
      ],
    },
    provisioner,
    reclaimPolicy: tier === 'local' ? 'Delete' : 'Retain',
    volumeBindingMode: tier === 'nfs' ? 'Immediate' : 'WaitForFirstConsumer',
    allowVolumeExpansion: tier === 'nfs',
    ...(tier === 'nfs' ? { parameters: { archiveOnDelete: 'true' } } : {}),
  };
}

function capacity(layout: ClusterLayout, pvc: number): string {
  return `${
    CAPACITIES_GI[layout.hash(Purpose.Capacity, pvc) % CAPACITIES_GI.length]
  }Gi`;
}

function accessModes(tier: TierName): string[] {
  return tier === 'nfs' ? ['ReadWriteMany'] : ['ReadWriteOnce'];
}

function claimCreated(layout: ClusterLayout, pvc: number): number {
  return (
    layout.now -
    (layout.size.days + 30 + (layout.hash(Purpose.Age, pvc) % 300)) * DAY
  );
}

function nodeName(layout: ClusterLayout, pvc: number): string {
  return `node-${String(1 + (layout.hash(Purpose.Node, pvc) % 12)).padStart(
    2,
    '0',
  )}`;
}

function workloadLabels(
  layout: ClusterLayout,
  pvc: number,
): Record<string, string> {
  const service = layout.serviceId(layout.serviceOf(pvc));
  return {
    app: service,
    'app.kubernetes.io/name': service,
    'backstage.io/kubernetes-id': service,
  };
}

export function claimObject(layout: ClusterLayout, pvc: number): StoredObject {
  const tier = layout.tierOf(pvc);
  const { name: className, provisioner } = STORAGE_CLASSES[tier];
  const created = rfc3339(claimCreated(layout, pvc));
  const size = capacity(layout, pvc);
  return {
    metadata: {
      name: layout.pvcName(pvc),
      namespace: layout.namespaceName(
        layout.namespaceOfService(layout.serviceOf(pvc)),
      ),
      uid: layout.pvcUid(pvc),
      resourceVersion: RESOURCE_VERSION,
      creationTimestamp: created,
      labels: workloadLabels(layout, pvc),
      annotations: {
        'pv.kubernetes.io/bind-completed': 'yes',
        'pv.kubernetes.io/bound-by-controller': 'yes',
        'volume.beta.kubernetes.io/storage-provisioner': provisioner,
        'volume.kubernetes.io/storage-provisioner': provisioner,
      },
      finalizers: ['kubernetes.io/pvc-protection'],
      managedFields: [
        managedFields('kube-controller-manager', 'v1', created, {
          'f:metadata': {
            'f:annotations': {
              '.': {},
              ...owned(
                'pv.kubernetes.io/bind-completed',
                'pv.kubernetes.io/bound-by-controller',
                'volume.beta.kubernetes.io/storage-provisioner',
                'volume.kubernetes.io/storage-provisioner',
              ),
            },
          },
          'f:spec': owned('volumeName'),
        }),
        managedFields(
          'kube-controller-manager',
          'v1',
          created,
          { 'f:status': owned('accessModes', 'capacity', 'phase') },
          'status',
        ),
      ],
    },
    spec: {
      accessModes: accessModes(tier),
      resources: { requests: { storage: size } },
      storageClassName: className,
      volumeMode: 'Filesystem',
      volumeName: layout.pvName(pvc),
    },
    status: {
      accessModes: accessModes(tier),
      capacity: { storage: size },
      phase: 'Bound',
    },
  };
}

function volumeSource(layout: ClusterLayout, pvc: number, tier: TierName) {
  const namespace = layout.namespaceName(
    layout.namespaceOfService(layout.serviceOf(pvc)),
  );
  const dir = `${namespace}-${layout.pvcName(pvc)}-${layout.pvName(pvc)}`;
  const nodeAffinity = {
    required: {
      nodeSelectorTerms: [
        {
          matchExpressions: [
            {
              key: 'kubernetes.io/hostname',
              operator: 'In',
              values: [nodeName(layout, pvc)],
            },
          ],
        },
      ],
    },
  };
  switch (STORAGE_CLASSES[tier].source) {
    case 'nfs':
      return {
        nfs: {
          server: 'nfs.storage.lan',
          path: `/mnt/storage-bulk/nfs/${dir}`,
        },
      };
    case 'local':
      return {
        local: { path: `/mnt/${STORAGE_CLASSES[tier].name}/${dir}` },
        nodeAffinity,
      };
    default:
      return {
        hostPath: {
          path: `/opt/local-path-provisioner/${dir}`,
          type: 'DirectoryOrCreate',
        },
        nodeAffinity,
      };
  }
}

export function volumeObject(layout: ClusterLayout, pvc: number): StoredObject {
  const tier = layout.tierOf(pvc);
  const { name: className, provisioner } = STORAGE_CLASSES[tier];
  const created = rfc3339(claimCreated(layout, pvc) + 5_000);
  const namespace = layout.namespaceName(
    layout.namespaceOfService(layout.serviceOf(pvc)),
  );
  return {
    metadata: {
      name: layout.pvName(pvc),
      uid: layout.uid(Purpose.PvUid, pvc),
      resourceVersion: RESOURCE_VERSION,
      creationTimestamp: created,
      annotations: { 'pv.kubernetes.io/provisioned-by': provisioner },
      finalizers: ['kubernetes.io/pv-protection'],
      managedFields: [
        managedFields(provisioner.split('/').pop()!, 'v1', created, {
          'f:metadata': {
            'f:annotations': {
              '.': {},
              ...owned('pv.kubernetes.io/provisioned-by'),
            },
          },
          'f:spec': owned(
            'accessModes',
            'capacity',
            'claimRef',
            'persistentVolumeReclaimPolicy',
            'storageClassName',
            'volumeMode',
          ),
        }),
        managedFields(
          'kube-controller-manager',
          'v1',
          created,
          { 'f:status': owned('phase') },
          'status',
        ),
      ],
    },
    spec: {
      accessModes: accessModes(tier),
      capacity: { storage: capacity(layout, pvc) },
      claimRef: {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        name: layout.pvcName(pvc),
        namespace,
        resourceVersion: RESOURCE_VERSION,
        uid: layout.pvcUid(pvc),
      },
      ...volumeSource(layout, pvc, tier),
      persistentVolumeReclaimPolicy: tier === 'local' ? 'Delete' : 'Retain',
      storageClassName: className,
      volumeMode: 'Filesystem',
    },
    status: { phase: 'Bound', lastPhaseTransitionTime: created },
  };
}

export function podObject(layout: ClusterLayout, pvc: number): StoredObject {
  const service = layout.serviceOf(pvc);
  const serviceId = layout.serviceId(service);
  const namespace = layout.namespaceName(layout.namespaceOfService(service));
  const started = rfc3339(
    layout.now - (1 + (layout.hash(Purpose.Age, pvc, 1) % 20)) * DAY,
  );
  const podName = layout.podName(pvc);
  const replica = layout.replicaOf(pvc);
  const tokenVolume = `kube-api-access-${nameSuffix(
    layout.size.seed,
    layout.index,
    Purpose.PodUid,
    pvc,
  )}`;
  const node = nodeName(layout, pvc);
  const podIp = `10.${layout.index}.${(pvc >> 8) & 255}.${pvc & 255}`;
  const condition = (type: string) => ({
    type,
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: started,
  });
  return {
    metadata: {
      name: podName,
      generateName: `${serviceId}-`,
      namespace,
      uid: layout.podUid(pvc),
      resourceVersion: RESOURCE_VERSION,
      creationTimestamp: started,
      labels: {
        ...workloadLabels(layout, pvc),
        'apps.kubernetes.io/pod-index': String(replica),
        'controller-revision-hash': `${serviceId}-6d4f8b7c9`,
        'statefulset.kubernetes.io/pod-name': podName,
      },
      ...(layout.serviceOptedIn[service]
        ? { annotations: { 'backup.velero.io/backup-volumes': 'data' } }
        : {}),
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          name: serviceId,
          uid: layout.uid(Purpose.PodUid, -1 - service),
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
      managedFields: [
        managedFields('kube-controller-manager', 'v1', started, {
          'f:metadata': {
            'f:generateName': {},
            'f:labels': {
              '.': {},
              ...owned(
                'app',
                'apps.kubernetes.io/pod-index',
                'controller-revision-hash',
              ),
            },
            'f:ownerReferences': {
              '.': {},
              [`k:{"uid":"${layout.uid(Purpose.PodUid, -1 - service)}"}`]: {},
            },
          },
          'f:spec': {
            'f:containers': {
              'k:{"name":"app"}': owned(
                'image',
                'name',
                'ports',
                'resources',
                'volumeMounts',
              ),
            },
            'f:volumes': {
              '.': {},
              'k:{"name":"data"}': owned('name', 'persistentVolumeClaim'),
            },
          },
        }),
        managedFields(
          'kubelet',
          'v1',
          started,
          {
            'f:status': owned(
              'conditions',
              'containerStatuses',
              'hostIP',
              'phase',
              'podIP',
              'podIPs',
              'startTime',
            ),
          },
          'status',
        ),
      ],
    },
    spec: {
      containers: [
        {
          name: 'app',
          image: `registry.lan/${serviceId}:1.${
            layout.hash(Purpose.Revision, service) % 40
          }.0`,
          ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
          env: [
            { name: 'DATA_DIR', value: '/var/lib/data' },
            {
              name: 'POD_NAME',
              valueFrom: {
                fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' },
              },
            },
          ],
          resources: {
            limits: { memory: '512Mi' },
            requests: { cpu: '100m', memory: '256Mi' },
          },
          readinessProbe: {
            httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' },
            periodSeconds: 10,
            timeoutSeconds: 1,
            successThreshold: 1,
            failureThreshold: 3,
          },
          volumeMounts: [
            { name: 'data', mountPath: '/var/lib/data' },
            {
              name: tokenVolume,
              readOnly: true,
              mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
            },
          ],
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          imagePullPolicy: 'IfNotPresent',
        },
      ],
      volumes: [
        {
          name: 'data',
          persistentVolumeClaim: { claimName: layout.pvcName(pvc) },
        },
        {
          name: tokenVolume,
          projected: {
            defaultMode: 420,
            sources: [
              {
                serviceAccountToken: { expirationSeconds: 3607, path: 'token' },
              },
              {
                configMap: {
                  name: 'kube-root-ca.crt',
                  items: [{ key: 'ca.crt', path: 'ca.crt' }],
                },
              },
            ],
          },
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: 'default',
      nodeName: node,
      hostname: podName,
      subdomain: serviceId,
      schedulerName: 'default-scheduler',
      securityContext: {},
      tolerations: [
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
        {
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
      ],
      priority: 0,
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
    },
    status: {
      phase: 'Running',
      conditions: [
        'PodReadyToStartContainers',
        'Initialized',
        'Ready',
        'ContainersReady',
        'PodScheduled',
      ].map(condition),
      hostIP: `192.168.10.${(layout.hash(Purpose.Node, pvc) % 12) + 11}`,
      podIP: podIp,
      podIPs: [{ ip: podIp }],
      startTime: started,
      containerStatuses: [
        {
          name: 'app',
          state: { running: { startedAt: started } },
          lastState: {},
          ready: true,
          restartCount: 0,
          image: `registry.lan/${serviceId}:1.0.0`,
          imageID: `registry.lan/${serviceId}@sha256:${layout
            .uid(Purpose.Revision, service)
            .replace(/-/g, '')}`,
          containerID: `containerd://${layout
            .uid(Purpose.PodUid, pvc, 2)
            .replace(/-/g, '')}`,
          started: true,
        },
      ],
      qosClass: 'Burstable',
    },
  };
}
