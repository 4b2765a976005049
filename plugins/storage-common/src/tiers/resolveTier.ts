import { UNCLASSIFIED_TIER, type Tier } from '../model';

/** Lookup tables over a list of tiers. */
export interface TierIndex {
  byClass: ReadonlyMap<string, Tier>;
  byName: ReadonlyMap<string, Tier>;
}

const indexes = new WeakMap<readonly Tier[], TierIndex>();

export function indexTiers(tiers: readonly Tier[]): TierIndex {
  let index = indexes.get(tiers);
  if (!index) {
    const byClass = new Map<string, Tier>();
    const byName = new Map<string, Tier>();
    for (const tier of tiers) {
      byName.set(tier.name, tier);
      for (const storageClass of tier.storageClasses)
        byClass.set(storageClass, tier);
    }
    index = { byClass, byName };
    indexes.set(tiers, index);
  }
  return index;
}

/** A claim's tier, and the configured tier behind it when there is one. @public */
export interface ResolvedTier {
  name: string;
  /** The configured tier (with its RPO); absent for label-only and unclassified tiers. */
  tier?: Tier;
  /** Where the name came from. */
  from: 'config' | 'storage-class-label' | 'unclassified';
}

/**
 * The tier of a StorageClass (DESIGN.md "Contract: tiers"): the configured
 * tier that lists the class; otherwise the class's `gitops-storage.dev/tier`
 * label (taking that tier's settings when one of that name is configured);
 * otherwise `unclassified`.
 * @public
 */
export function resolveTier(
  tiers: readonly Tier[],
  storageClassName: string | undefined,
  tierLabel: string | undefined,
): ResolvedTier {
  const index = indexTiers(tiers);
  const configured = storageClassName
    ? index.byClass.get(storageClassName)
    : undefined;
  if (configured)
    return { name: configured.name, tier: configured, from: 'config' };
  if (tierLabel) {
    const named = index.byName.get(tierLabel);
    return {
      name: tierLabel,
      ...(named ? { tier: named } : {}),
      from: 'storage-class-label',
    };
  }
  return { name: UNCLASSIFIED_TIER, from: 'unclassified' };
}
