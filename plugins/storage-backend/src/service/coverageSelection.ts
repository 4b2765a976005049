import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  ClaimCoverage,
  CoverageQuery,
} from '@gitops-storage/plugin-storage-common';
import type { EntityOwnership } from '../entities/EntityOwnership';
import type { FleetStore } from '../store/FleetStore';
import { readableEntityRefs } from './callerEntities';
import { callerOwnership } from './callerOwnership';
import { parseCoverageQuery } from './coverageQuery';
import { filterClaims } from './filterClaims';

export interface CoverageSelectionDeps {
  catalog: CatalogService;
  permissions: PermissionsService;
  ownership: EntityOwnership;
  store: FleetStore;
}

/**
 * The coverage report's query (validated: InputError when it is not), and
 * the claims of the report that a caller may see and that match its filters, worst first, with their owners and entities as the
 * caller may see them. Shared by the JSON report and the CSV export, so
 * both hold exactly the same rows.
 */
export async function selectCoverage(
  deps: CoverageSelectionDeps,
  credentials: BackstageCredentials,
  rawQuery: object,
): Promise<{
  query: CoverageQuery;
  selected: ClaimCoverage[];
  ownerOf: ReturnType<typeof callerOwnership>['ownerOf'];
}> {
  const { catalog, permissions, ownership, store } = deps;
  const query = parseCoverageQuery(
    rawQuery as Parameters<typeof parseCoverageQuery>[0],
  );
  // Rows, owners, filters and the summary: only what the caller may read.
  const readable = await readableEntityRefs({
    catalog,
    permissions,
    credentials,
  });
  let index = await ownership.current();
  if ([...readable].some(ref => !index.knows(ref))) {
    await ownership.refreshIfOlderThan();
    index = await ownership.current();
  }
  const { ownerOf, visible } = callerOwnership(index, readable);
  const selected = filterClaims(
    store.allClaims().filter(visible),
    ownerOf,
    query,
  );
  return { query, selected, ownerOf };
}
