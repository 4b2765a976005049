import { GeneratorError } from '../../errors/GeneratorError';
import type { TierInput } from '../../tiers/tierInput';
import type { VolumeRequestCreate } from './input';

/** The tier and StorageClass of a request, checked against what the tier serves. */
export function chooseClass(
  input: VolumeRequestCreate,
  tiers: TierInput[],
): { tier: TierInput; storageClass: string } {
  const tier = tiers.find(t => t.name === input.tier);
  if (!tier) {
    throw new GeneratorError(
      `tier: unknown tier '${input.tier}' (known tiers: ${tiers
        .map(t => t.name)
        .join(', ')})`,
      {
        field: 'tier',
      },
    );
  }
  const storageClass = input.storageClass ?? tier.storageClasses[0];
  if (!tier.storageClasses.includes(storageClass)) {
    throw new GeneratorError(
      `storageClass: '${storageClass}' is not a class of tier '${
        tier.name
      }' (its classes: ${tier.storageClasses.join(', ')})`,
      { field: 'storageClass' },
    );
  }
  if (tier.accessModes && !tier.accessModes.includes(input.accessMode)) {
    const serving = tiers
      .filter(t => !t.accessModes || t.accessModes.includes(input.accessMode))
      .map(t => t.name);
    const alternatives =
      serving.length > 0 ? `; tiers that do: ${serving.join(', ')}` : '';
    throw new GeneratorError(
      `accessMode: tier '${tier.name}' does not serve ${
        input.accessMode
      } (it serves ${tier.accessModes.join(', ')})${alternatives}`,
      { field: 'accessMode' },
    );
  }
  return { tier, storageClass };
}
