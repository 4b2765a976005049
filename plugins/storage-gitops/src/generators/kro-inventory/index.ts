import type { GitopsGenerator } from '../../types';
import { generateKroInventory } from './generate';
import { kroInventoryInputSchema, type KroInventoryInput } from './input';

export type { KroInventoryInput } from './input';

/** `kro-inventory`: a kro graph turning a drive inventory into classes and local PVs. @public */
export const kroInventoryGenerator: GitopsGenerator<KroInventoryInput> = {
  id: 'kro-inventory',
  title: 'Kro drive inventory',
  description:
    'Adds a kro ResourceGraphDefinition (v0.9, cluster scope, forEach) and a DriveInventory instance that create the storage-fast / storage-bulk classes and local PersistentVolumes, gives storage-local local volumes, and optionally enforces classes per namespace.',
  inputSchema: kroInventoryInputSchema,
  generate: generateKroInventory,
};
