import { parseDocument } from 'yaml';
import { isRecord } from '../kube/objects';
import { parseQuantity } from '../kube/quantity';

/**
 * Velero's volume policies (`internal/resourcepolicies`): the ConfigMap a
 * Backup's `spec.resourcePolicy` names, read and validated as
 * `GetResourcePoliciesFromBackup` does, and matched first-wins as
 * `Policies.GetMatchAction` does.
 */

/** @public */
export type VolumePolicyAction = 'skip' | 'fs-backup' | 'snapshot' | 'custom';

/** A volume as the policy conditions see it (`structuredVolume`). @public */
export interface PolicyVolume {
  /** The PV's capacity in bytes; 0 when the PV is unknown. */
  capacityBytes: number;
  /** The PV's `spec.storageClassName`. */
  storageClass?: string;
  nfs?: { server?: string; path?: string };
  csi?: { driver?: string; volumeAttributes?: Record<string, string> };
  /** Velero's `getVolumeTypeFromPV` name, e.g. `csi`, `nfs`, `hostPath`. */
  volumeType?: string;
  pvcLabels?: Record<string, string>;
  pvcPhase?: string;
}

interface Condition {
  name: string;
  match(volume: PolicyVolume): boolean;
}

/** One policy: all conditions must match. */
export interface VolumePolicy {
  conditions: Condition[];
  action: VolumePolicyAction;
}

/** @public */
export interface ResourcePolicies {
  volumePolicies: VolumePolicy[];
  /** Whether the ConfigMap has an includeExcludePolicy (cannot mix with old filters). */
  hasIncludeExcludePolicy: boolean;
}

/** @public */
export type ResourcePoliciesResult =
  | { ok: true; policies: ResourcePolicies }
  | { ok: false; error: string };

const CONDITION_KEYS = new Set([
  'capacity',
  'storageClass',
  'nfs',
  'csi',
  'volumeTypes',
  'pvcLabels',
  'pvcPhase',
]);
const TOP_KEYS = new Set(['version', 'volumePolicies', 'includeExcludePolicy']);
const ACTIONS = new Set<string>(['skip', 'fs-backup', 'snapshot', 'custom']);
const INCLUDE_EXCLUDE_KEYS = new Set([
  'includedClusterScopedResources',
  'excludedClusterScopedResources',
  'includedNamespaceScopedResources',
  'excludedNamespaceScopedResources',
]);

class PolicyError extends Error {}

/** yaml.v3 with KnownFields(true): an unknown field is an error. */
function knownFields(value: unknown, allowed: Set<string>, where: string) {
  if (value === undefined || value === null) return;
  if (!isRecord(value)) throw new PolicyError(`${where} must be a mapping`);
  for (const key of Object.keys(value)) {
    if (!allowed.has(key)) {
      throw new PolicyError(`field ${key} not found in type ${where}`);
    }
  }
}

function stringList(value: unknown, where: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some(v => typeof v !== 'string')) {
    throw new PolicyError(`${where} must be a list of strings`);
  }
  return value as string[];
}

function stringMap(value: unknown, where: string): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) throw new PolicyError(`${where} must be a map`);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (
      typeof v !== 'string' &&
      typeof v !== 'number' &&
      typeof v !== 'boolean'
    ) {
      throw new PolicyError(`${where}.${k} must be a string`);
    }
    out[k] = String(v);
  }
  return out;
}

/** `parseCapacity` and `capacity.isInRange`, with `capacityCondition.validate`. */
function capacityCondition(text: unknown): Condition {
  const raw =
    text === undefined || text === null || text === '' ? ',' : String(text);
  const parts = raw.split(',');
  if (parts.length !== 2)
    throw new PolicyError(`wrong format of Capacity ${raw}`);
  const [lower, upper] = parts.map(part => {
    if (part.trim() === '') return 0;
    const bytes = parseQuantity(part.trim());
    if (bytes === undefined) {
      throw new PolicyError(`wrong format of Capacity ${part}`);
    }
    return bytes;
  });
  if (!(upper >= lower || (lower !== 0 && upper === 0))) {
    throw new PolicyError(`illegal values for capacity ${raw}`);
  }
  return {
    name: 'capacity',
    match: v => {
      const y = v.capacityBytes;
      if (lower === 0 && upper >= y) return true;
      if (upper === 0 && lower <= y) return true;
      if (lower !== 0 && upper !== 0) return lower <= y && upper >= y;
      return false;
    },
  };
}

function storageClassCondition(value: unknown): Condition {
  const classes = stringList(value, 'storageClass');
  return {
    name: 'storageClass',
    match: v =>
      classes.length === 0 ||
      (!!v.storageClass && classes.includes(v.storageClass)),
  };
}

function nfsCondition(value: unknown): Condition | undefined {
  if (value === undefined || value === null) return undefined;
  knownFields(value, new Set(['server', 'path']), 'nFSVolumeSource');
  const want = isRecord(value) ? value : {};
  const server = typeof want.server === 'string' ? want.server : '';
  const path = typeof want.path === 'string' ? want.path : '';
  return {
    name: 'nfs',
    match: v => {
      if (!v.nfs) return false;
      if (path === '') return server === '' || server === v.nfs.server;
      if (path !== v.nfs.path) return false;
      return server === '' || server === v.nfs.server;
    },
  };
}

function csiCondition(value: unknown): Condition | undefined {
  if (value === undefined || value === null) return undefined;
  knownFields(
    value,
    new Set(['driver', 'volumeAttributes']),
    'csiVolumeSource',
  );
  const want = isRecord(value) ? value : {};
  const driver = typeof want.driver === 'string' ? want.driver : '';
  const attributes =
    want.volumeAttributes === undefined
      ? undefined
      : stringMap(want.volumeAttributes, 'volumeAttributes');
  if (driver === '' && attributes !== undefined) {
    throw new PolicyError(
      'csi driver should not be empty when filtering by volume attributes',
    );
  }
  return {
    name: 'csi',
    match: v => {
      if (driver === '') return v.csi !== undefined;
      if (!v.csi || v.csi.driver !== driver) return false;
      if (!attributes || Object.keys(attributes).length === 0) return true;
      const have = v.csi.volumeAttributes ?? {};
      if (Object.keys(have).length === 0) return false;
      return Object.entries(attributes).every(
        ([k, want2]) => have[k] === want2,
      );
    },
  };
}

function volumeTypesCondition(value: unknown): Condition {
  const types = stringList(value, 'volumeTypes');
  return {
    name: 'volumeTypes',
    match: v => types.length === 0 || types.includes(v.volumeType ?? ''),
  };
}

function pvcLabelsCondition(value: unknown): Condition | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    throw new PolicyError(
      `pvcLabels must be a map of string to string, got ${typeof value}`,
    );
  }
  const labels = stringMap(value, 'pvcLabels');
  if (Object.keys(labels).length === 0) return undefined;
  return {
    name: 'pvcLabels',
    match: v =>
      !!v.pvcLabels &&
      Object.entries(labels).every(([k, want]) => v.pvcLabels?.[k] === want),
  };
}

function pvcPhaseCondition(value: unknown): Condition | undefined {
  const phases = stringList(value, 'pvcPhase');
  if (phases.length === 0) return undefined;
  return {
    name: 'pvcPhase',
    match: v => !!v.pvcPhase && phases.includes(v.pvcPhase),
  };
}

function buildPolicy(raw: unknown, index: number): VolumePolicy {
  knownFields(raw, new Set(['conditions', 'action']), 'VolumePolicy');
  const policy = isRecord(raw) ? raw : {};
  const conditions = isRecord(policy.conditions) ? policy.conditions : {};
  knownFields(policy.conditions, CONDITION_KEYS, 'volumeConditions');
  knownFields(policy.action, new Set(['type', 'parameters']), 'Action');
  const type = isRecord(policy.action) ? policy.action.type : undefined;
  if (typeof type !== 'string' || !ACTIONS.has(type)) {
    throw new PolicyError(
      `invalid action type ${String(type ?? '')} (volumePolicies[${index}])`,
    );
  }
  const built: Condition[] = [
    capacityCondition(conditions.capacity),
    storageClassCondition(conditions.storageClass),
    volumeTypesCondition(conditions.volumeTypes),
  ];
  for (const extra of [
    nfsCondition(conditions.nfs),
    csiCondition(conditions.csi),
    pvcLabelsCondition(conditions.pvcLabels),
    pvcPhaseCondition(conditions.pvcPhase),
  ]) {
    if (extra) built.push(extra);
  }
  return { conditions: built, action: type as VolumePolicyAction };
}

function validateIncludeExclude(raw: unknown) {
  knownFields(raw, INCLUDE_EXCLUDE_KEYS, 'IncludeExcludePolicy');
  const policy = isRecord(raw) ? raw : {};
  for (const scope of ['ClusterScoped', 'NamespaceScoped']) {
    const includes = stringList(policy[`included${scope}Resources`], scope);
    const excludes = stringList(policy[`excluded${scope}Resources`], scope);
    if (includes.includes('*') || excludes.includes('*')) {
      throw new PolicyError(
        "cannot use '*' in includes or excludes filters in the policy",
      );
    }
    const overlap = excludes.find(item => includes.includes(item));
    if (overlap) {
      throw new PolicyError(
        `excludes list cannot contain an item in the includes list: ${overlap}`,
      );
    }
  }
}

/**
 * Read the policies from a ConfigMap's data, as `getResourcePoliciesFromConfig`
 * plus `Policies.Validate`: exactly one data key, YAML with known fields only,
 * `version: v1`, valid actions and conditions.
 * @public
 */
export function readResourcePolicies(
  data: Readonly<Record<string, string>>,
): ResourcePoliciesResult {
  const values = Object.values(data);
  if (values.length !== 1) {
    return { ok: false, error: 'illegal resource policies configmap' };
  }
  try {
    const document = parseDocument(values[0], { uniqueKeys: true });
    if (document.errors.length > 0) {
      throw new PolicyError(
        `failed to decode yaml data into resource policies: ${document.errors[0].message}`,
      );
    }
    const raw: unknown = document.toJS();
    knownFields(raw, TOP_KEYS, 'ResourcePolicies');
    const top = isRecord(raw) ? raw : {};
    const list = top.volumePolicies ?? [];
    if (!Array.isArray(list))
      throw new PolicyError('volumePolicies must be a list');
    const volumePolicies = list.map(buildPolicy);
    if (top.version !== 'v1') {
      throw new PolicyError(
        `incompatible version number ${String(
          top.version ?? '',
        )} with supported version v1`,
      );
    }
    const hasIncludeExcludePolicy =
      top.includeExcludePolicy !== undefined &&
      top.includeExcludePolicy !== null;
    if (hasIncludeExcludePolicy)
      validateIncludeExclude(top.includeExcludePolicy);
    return { ok: true, policies: { volumePolicies, hasIncludeExcludePolicy } };
  } catch (error) {
    if (error instanceof PolicyError)
      return { ok: false, error: error.message };
    throw error;
  }
}

/** `Policies.match`: the first policy whose conditions all match. @public */
export function matchVolumePolicy(
  policies: ResourcePolicies | undefined,
  volume: PolicyVolume,
): VolumePolicyAction | undefined {
  if (!policies) return undefined;
  for (const policy of policies.volumePolicies) {
    if (policy.conditions.every(c => c.match(volume))) return policy.action;
  }
  return undefined;
}
