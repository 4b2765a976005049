import {
  coverageRow,
  failingClaim,
  protectedClaim,
  staleClaim,
  unprotectedClaim,
} from '../__testUtils__/fixtures';
import { groupRows, isGroupBy, NO_OWNER } from './grouping';

const rows = [
  coverageRow(unprotectedClaim, ['group:default/team-a']),
  coverageRow(failingClaim, ['group:default/team-b', 'group:default/team-a']),
  coverageRow(staleClaim, []),
  coverageRow(protectedClaim, ['group:default/team-b']),
];

describe('groupRows', () => {
  it('groups by owner in order of first appearance, a shared row under each owner', () => {
    const groups = groupRows(rows, 'owner');
    expect(groups.map(g => g.key)).toEqual([
      'group:default/team-a',
      'group:default/team-b',
      NO_OWNER,
    ]);
    expect(groups[0].rows.map(r => r.name)).toEqual(['uploads', 'cache']);
    expect(groups[1].rows.map(r => r.name)).toEqual([
      'cache',
      'data-payments-db-0',
    ]);
    expect(groups[0].counts.byVerdict).toMatchObject({
      unprotected: 1,
      failing: 1,
      protected: 0,
    });
    expect(groups[0].counts.total).toBe(2);
  });

  it('groups by cluster-qualified namespace', () => {
    const groups = groupRows(rows, 'namespace');
    expect(groups.map(g => [g.key, g.counts.total])).toEqual([
      ['prod-eu/payments', 3],
      ['prod-us/payments', 1],
    ]);
  });

  it('groups by cluster', () => {
    expect(groupRows(rows, 'cluster').map(g => g.key)).toEqual([
      'prod-eu',
      'prod-us',
    ]);
  });

  it('returns no groups for no rows', () => {
    expect(groupRows([], 'owner')).toEqual([]);
  });

  it('recognises group-by values', () => {
    expect(isGroupBy('owner')).toBe(true);
    expect(isGroupBy('tier')).toBe(false);
  });
});
