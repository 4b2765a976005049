import type { TierInput } from '../../tiers/tierInput';
import { renderYamlDocuments } from '../../yaml/yamlDocument';

/** Namespace label listing the tiers its PVCs may use, separated by "_" (e.g. `fast_nfs`). */
export const ALLOWED_TIERS_LABEL = 'gitops-storage.dev/allowed-tiers';
export const CLASS_POLICY_NAME = 'storage-class-by-tier';

function celString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** `{'fast': ['storage-fast'], …}` as a CEL map literal. */
export function tierClassesCel(tiers: TierInput[]): string {
  const entries = tiers.map(
    tier =>
      `${celString(tier.name)}: [${tier.storageClasses
        .map(celString)
        .join(', ')}]`,
  );
  return `{${entries.join(', ')}}`;
}

/**
 * A ValidatingAdmissionPolicy and its binding: in a namespace labelled
 * `gitops-storage.dev/allowed-tiers`, a new PVC must use a StorageClass of
 * one of the listed tiers. Unlabelled namespaces are not restricted.
 */
export function classPolicy(tiers: TierInput[]): string {
  const labels = `namespaceObject.metadata.labels`;
  return renderYamlDocuments([
    {
      header: [
        `Tier enforcement per namespace: label a namespace ${ALLOWED_TIERS_LABEL}=<tier>_<tier>`,
        '(e.g. fast_nfs) and its new PVCs must use a StorageClass of those tiers (a PVC',
        'without storageClassName is refused there too). Written by backstage-storage.',
      ].join('\n'),
      data: {
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind: 'ValidatingAdmissionPolicy',
        metadata: { name: CLASS_POLICY_NAME },
        spec: {
          failurePolicy: 'Fail',
          matchConstraints: {
            resourceRules: [
              {
                apiGroups: [''],
                apiVersions: ['v1'],
                operations: ['CREATE'],
                resources: ['persistentvolumeclaims'],
              },
            ],
          },
          variables: [
            {
              name: 'allowedTiers',
              expression: `has(${labels}) && '${ALLOWED_TIERS_LABEL}' in ${labels} ? ${labels}['${ALLOWED_TIERS_LABEL}'].split('_') : []`,
            },
            { name: 'tierClasses', expression: tierClassesCel(tiers) },
            {
              name: 'storageClass',
              expression:
                "has(object.spec.storageClassName) ? object.spec.storageClassName : ''",
            },
          ],
          validations: [
            {
              expression:
                'variables.allowedTiers.exists(t, t in variables.tierClasses && variables.storageClass in variables.tierClasses[t])',
              messageExpression:
                "'StorageClass \"' + variables.storageClass + '\" is not in a tier this namespace may use: ' + variables.allowedTiers.join(', ')",
              reason: 'Forbidden',
            },
          ],
        },
      },
    },
    {
      data: {
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind: 'ValidatingAdmissionPolicyBinding',
        metadata: { name: CLASS_POLICY_NAME },
        spec: {
          policyName: CLASS_POLICY_NAME,
          validationActions: ['Deny'],
          matchResources: {
            namespaceSelector: {
              matchExpressions: [
                { key: ALLOWED_TIERS_LABEL, operator: 'Exists' },
              ],
            },
          },
        },
      },
    },
  ]);
}
