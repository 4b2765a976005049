import {
  createPermission,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';

/** The catalog resource type that per-entity storage views are tied to. */
export const CATALOG_ENTITY_RESOURCE_TYPE = 'catalog-entity';

/**
 * Read the storage (volumes, tiers, backup verdicts) of one catalog entity.
 * A resource permission: policies can decide per entity.
 * @public
 */
export const storageEntityReadPermission: ResourcePermission<
  typeof CATALOG_ENTITY_RESOURCE_TYPE
> = createPermission({
  name: 'storage.entity.read',
  attributes: { action: 'read' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Read the fleet-wide backup coverage report.
 * @public
 */
export const storageCoverageReadPermission = createPermission({
  name: 'storage.coverage.read',
  attributes: { action: 'read' },
});

/** Every permission this plugin defines. @public */
export const storagePermissions = [
  storageEntityReadPermission,
  storageCoverageReadPermission,
];
