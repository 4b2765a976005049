import type {
  ClaimOwnership,
  OwnershipIndex,
} from '../entities/EntityOwnership';

type ClaimId = { cluster: string; namespace: string; name: string };

/**
 * The ownership a caller may see: only the entities they may read, and
 * those entities' owners. `visible` says whether a claim is shown at all: a
 * claim that belongs to entities is shown only when one of them is
 * readable; a claim that belongs to none (the route already required
 * `storage.coverage.read`) is shown.
 */
export function callerOwnership(
  index: OwnershipIndex,
  readable: ReadonlySet<string>,
): {
  ownerOf: (claim: ClaimId) => ClaimOwnership;
  visible: (claim: ClaimId) => boolean;
} {
  const ownerOf = (claim: ClaimId): ClaimOwnership => {
    const entityRefs = index.entityRefsOf(claim).filter(r => readable.has(r));
    const owners: string[] = [];
    for (const ref of entityRefs) {
      const owner = index.ownerOf(ref);
      if (owner && !owners.includes(owner)) owners.push(owner);
    }
    return { entityRefs, owners };
  };
  const visible = (claim: ClaimId) => {
    const refs = index.entityRefsOf(claim);
    return refs.length === 0 || refs.some(r => readable.has(r));
  };
  return { ownerOf, visible };
}
