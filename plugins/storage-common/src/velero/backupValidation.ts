import type { BackupScope } from './backupSpec';
import {
  includesExcludesErrors,
  namespaceListErrors,
  scopedIncludesExcludesErrors,
} from './namespaceValidation';
import {
  mixesResourceFilters,
  usesOldResourceFilters,
} from './resourceFilters';
import type { ResourcePoliciesResult } from './volumePolicies';

/** What `prepareBackupRequest` looks up besides the spec itself. */
export interface SpecValidationInputs {
  /** Namespaces labelled `velero.io/exclude-from-backup=true`. */
  excludedByLabel: readonly string[];
  /**
   * The spec's volume-policy ConfigMap as read, or `missing` when it does not
   * exist; undefined when the spec names none (or not of kind `configmap`).
   */
  policies?: ResourcePoliciesResult | 'missing';
}

/** Whether a spec's `resourcePolicy` is one Velero reads (kind `configmap`, any case). */
export function namesPolicyConfigMap(scope: BackupScope): boolean {
  return scope.resourcePolicy?.kind.toLowerCase() === 'configmap';
}

/**
 * The validation errors of `prepareBackupRequest` that come from the spec
 * (storage-location errors are `storageLocationErrors`). Any error makes the
 * Backup `FailedValidation`: it copies nothing. A Schedule's template is
 * checked the same way for every Backup it creates, so a template with an
 * error here produces only failed Backups.
 */
export function backupSpecErrors(
  scope: BackupScope,
  inputs: SpecValidationInputs,
): string[] {
  const errors: string[] = [];
  if (mixesResourceFilters(scope)) {
    errors.push(
      'include-resources, exclude-resources and include-cluster-resources are old filter parameters; the scoped ones are new filter parameters. They cannot be used together',
    );
  }
  if (usesOldResourceFilters(scope)) {
    for (const error of includesExcludesErrors(
      scope.includedResources,
      scope.excludedResources,
    )) {
      errors.push(`Invalid included/excluded resource lists: ${error}`);
    }
  } else {
    for (const error of scopedIncludesExcludesErrors(
      scope.includedClusterScopedResources,
      scope.excludedClusterScopedResources,
    )) {
      errors.push(
        `Invalid cluster-scoped included/excluded resource lists: ${error}`,
      );
    }
    for (const error of scopedIncludesExcludesErrors(
      scope.includedNamespaceScopedResources,
      scope.excludedNamespaceScopedResources,
    )) {
      errors.push(
        `Invalid namespace-scoped included/excluded resource lists: ${error}`,
      );
    }
  }
  const excludes = [...scope.excludedNamespaces, ...inputs.excludedByLabel];
  for (const error of namespaceListErrors(scope.includedNamespaces, excludes)) {
    errors.push(`Invalid included/excluded namespace lists: ${error}`);
  }
  if (scope.orLabelSelectorsSet && scope.labelSelector) {
    errors.push(
      'encountered labelSelector as well as orLabelSelectors in backup spec, only one can be specified',
    );
  }
  const { policies } = inputs;
  if (policies === 'missing') {
    errors.push(
      `fail to get ResourcePolicies ${
        scope.resourcePolicy?.name ?? ''
      } ConfigMap: not found`,
    );
  } else if (policies && !policies.ok) {
    errors.push(
      `fail to validate ResourcePolicies in ConfigMap ${
        scope.resourcePolicy?.name ?? ''
      }: ${policies.error}`,
    );
  } else if (
    policies?.ok &&
    policies.policies.hasIncludeExcludePolicy &&
    usesOldResourceFilters(scope)
  ) {
    errors.push(
      'include-resources, exclude-resources and include-cluster-resources are old filter parameters. They cannot be used with include-exclude policies.',
    );
  }
  return errors;
}
