import {
  hasFilters,
  queryForPage,
  readViewState,
  writeViewState,
} from './coverageViewState';

describe('coverage page URL state', () => {
  it('uses defaults for an empty query string', () => {
    expect(readViewState(new URLSearchParams())).toEqual({
      filters: {},
      groupBy: 'owner',
      page: 0,
      pageSize: 50,
    });
  });

  it('reads repeated filters, search, grouping and a one-based page', () => {
    const state = readViewState(
      new URLSearchParams(
        'verdict=unprotected&verdict=failing&tier=fast&cluster=prod-eu&owner=group:default/a&namespace=payments&search=%20db%20&group=cluster&page=3&pageSize=100',
      ),
    );
    expect(state).toEqual({
      filters: {
        verdict: ['unprotected', 'failing'],
        tier: ['fast'],
        cluster: ['prod-eu'],
        owner: ['group:default/a'],
        namespace: ['payments'],
        search: 'db',
      },
      groupBy: 'cluster',
      page: 2,
      pageSize: 100,
    });
    expect(queryForPage(state)).toMatchObject({ offset: 200, limit: 100 });
  });

  it.each([
    ['verdict=bogus', { filters: {} }],
    ['group=tier', { groupBy: 'owner' }],
    ['page=0', { page: 0 }],
    ['page=-2', { page: 0 }],
    ['page=1.5', { page: 0 }],
    ['pageSize=7', { pageSize: 50 }],
    ['offset=100&limit=5', { filters: {} }],
  ])('ignores a malformed %s', (query, expected) => {
    expect(readViewState(new URLSearchParams(query))).toMatchObject(expected);
  });

  it('round-trips through the query string and leaves defaults out', () => {
    const state = {
      filters: { verdict: ['stale' as const], search: 'ledger' },
      groupBy: 'namespace' as const,
      page: 4,
      pageSize: 25,
    };
    const params = writeViewState(state);
    expect(params.toString()).toBe(
      'verdict=stale&search=ledger&group=namespace&page=5&pageSize=25',
    );
    expect(readViewState(params)).toEqual(state);
    expect(
      writeViewState({
        filters: {},
        groupBy: 'owner',
        page: 0,
        pageSize: 50,
      }).toString(),
    ).toBe('');
  });

  it('knows when filters are set', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ verdict: [] })).toBe(false);
    expect(hasFilters({ search: 'x' })).toBe(true);
    expect(hasFilters({ tier: ['fast'] })).toBe(true);
  });
});
