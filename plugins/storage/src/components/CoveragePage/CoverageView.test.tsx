import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { configure } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { useLocation } from 'react-router-dom';
import type { CoverageRow } from '@gitops-storage/plugin-storage-common';
import {
  claim,
  coverageResponse,
  coverageRow,
  failingClaim,
  hostPathClaim,
  protectedClaim,
  staleClaim,
  syncedClusters,
  unknownClaim,
  unprotectedClaim,
  waivedClaim,
} from '../../__testUtils__/fixtures';
import {
  errorResponse,
  renderWithStorage,
  serveCoverage,
  STORAGE_BASE_URL,
} from '../../__testUtils__/testApp';
import { downloadBlob } from '../../lib/download';
import { CoverageView } from './CoverageView';

jest.mock('../../lib/download', () => ({ downloadBlob: jest.fn() }));

const server = setupServer();
registerMswTestHooks(server);
// The machines running these tests are shared and busy: wait a little longer.
configure({ asyncUtilTimeout: 3000 });

function LocationSpy() {
  const location = useLocation();
  return <output data-testid="location">{location.search}</output>;
}

function render(routeEntry = '/storage-coverage') {
  return renderWithStorage(
    <>
      <CoverageView />
      <LocationSpy />
    </>,
    { routeEntries: [routeEntry] },
  );
}

const fleet: CoverageRow[] = [
  coverageRow(protectedClaim, ['group:default/team-payments']),
  coverageRow(unprotectedClaim, ['group:default/team-payments']),
  coverageRow(failingClaim, ['group:default/team-payments']),
  coverageRow(staleClaim, ['group:default/team-ledger']),
  coverageRow(waivedClaim, ['group:default/team-payments']),
  coverageRow(unknownClaim, []),
  coverageRow(hostPathClaim, ['group:default/team-infra']),
];

const lastQuery = (requests: URLSearchParams[]) =>
  requests[requests.length - 1].toString();

// Each test renders the whole coverage page in jsdom (tiles, trend chart,
// filters, table; 2–3 s when the machine is idle, several times that when
// CI shares its cores), so the per-test limit is 15 s, not Jest's 5 s.
jest.setTimeout(15_000);

describe('CoverageView', () => {
  it('shows totals, storage locations, the chart and the volumes worst first', async () => {
    serveCoverage(server, fleet);
    await render();

    const tiles = await screen.findByRole('region', {
      name: 'Coverage summary',
    });
    // protected + waived = 2 of 7 → 28.5 %, rounded down.
    expect(within(tiles).getByText('28.5%')).toBeInTheDocument();
    expect(within(tiles).getByText('7')).toBeInTheDocument();
    expect(
      within(tiles).getByRole('button', { name: /Unprotected: 2\./ }),
    ).toBeInTheDocument();
    expect(
      within(tiles).getByRole('button', { name: /Unknown: 1\./ }),
    ).toBeInTheDocument();

    const locations = screen.getByRole('table', {
      name: 'Backup storage locations by cluster',
    });
    const locationRows = within(locations).getAllByRole('row').slice(1);
    expect(locationRows[0]).toHaveTextContent('prod-us');
    expect(locationRows[0]).toHaveTextContent('Unavailable');
    expect(locationRows[0]).toHaveTextContent('bucket not found');
    expect(locationRows[1]).toHaveTextContent('Available');

    expect(
      screen.getByRole('img', {
        name: 'fast: 1 failing, 1 unknown, 1 waived, 1 protected',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'nfs: 1 unprotected' }),
    ).toBeInTheDocument();

    // Grouped by owner; the group holding the worst row comes first.
    const volumes = screen.getByRole('table', {
      name: /^Volumes, worst first, grouped by owner/,
    });
    // Group headers are <th scope="rowgroup"> cells spanning the table.
    const groups = [...volumes.querySelectorAll('th[scope="rowgroup"]')].map(
      header => header.textContent,
    );
    expect(groups[0]).toMatch(/^owner: team-payments/);
    expect(groups).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^owner: \(no owner\)/),
        expect.stringMatching(/^owner: team-infra/),
      ]),
    );
    // Owners and entities are links to their catalog pages, never raw refs.
    const firstGroup = volumes.querySelector('th[scope="rowgroup"]')!;
    expect(
      within(firstGroup as HTMLElement).getByRole('link', {
        name: 'team-payments',
      }),
    ).toHaveAttribute('href', '/catalog/default/group/team-payments');
    expect(volumes.textContent).not.toMatch(/(group|component):default\//);
    expect(
      screen.getByText('7 volumes match, worst first'),
    ).toBeInTheDocument();
    const fix = screen.getAllByRole('link', {
      name: 'Set up backup schedules for namespace payments',
    })[0];
    expect(fix.getAttribute('href')).toContain(
      '/create/templates/default/storage-velero-schedules?formData=',
    );
  });

  it('sends the filters in the URL to the backend', async () => {
    const requests = serveCoverage(server, fleet);
    await render(
      '/storage-coverage?verdict=unprotected&verdict=failing&tier=nfs&cluster=prod-eu&owner=group:default/team-payments&search=load',
    );
    expect(
      await screen.findByText('1 volume matches, worst first'),
    ).toBeInTheDocument();
    expect(lastQuery(requests)).toBe(
      'cluster=prod-eu&tier=nfs&verdict=unprotected&verdict=failing&owner=group%3Adefault%2Fteam-payments&search=load&offset=0&limit=50',
    );
    expect(screen.getByText('uploads')).toBeInTheDocument();
    expect(screen.queryByText('cache')).not.toBeInTheDocument();
  });

  it('filters by verdict from a summary tile and keeps it in the URL', async () => {
    const requests = serveCoverage(server, fleet);
    await render();
    await userEvent.click(
      await screen.findByRole('button', { name: /Stale: 1\./ }),
    );
    await waitFor(() =>
      expect(lastQuery(requests)).toBe('verdict=stale&offset=0&limit=50'),
    );
    expect(screen.getByTestId('location')).toHaveTextContent('?verdict=stale');
    expect(
      await screen.findByText('1 volume matches, worst first'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Stale: 1\./ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('filters by tier and cluster from the filter fields', async () => {
    const requests = serveCoverage(server, fleet);
    await render();
    await screen.findByText('7 volumes match, worst first');
    await userEvent.click(screen.getByRole('textbox', { name: 'Tier' }));
    await userEvent.click(await screen.findByRole('option', { name: 'nfs' }));
    await waitFor(() =>
      expect(lastQuery(requests)).toBe('tier=nfs&offset=0&limit=50'),
    );
    await userEvent.click(screen.getByRole('textbox', { name: 'Cluster' }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'prod-eu' }),
    );
    await waitFor(() =>
      expect(lastQuery(requests)).toBe(
        'cluster=prod-eu&tier=nfs&offset=0&limit=50',
      ),
    );
    expect(screen.getByTestId('location')).toHaveTextContent(
      '?cluster=prod-eu&tier=nfs',
    );
    expect(
      await screen.findByText('1 volume matches, worst first'),
    ).toBeInTheDocument();
  });

  it('searches after the user stops typing', async () => {
    const requests = serveCoverage(server, fleet);
    await render();
    await screen.findByText('7 volumes match, worst first');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), {
      target: { value: 'ledger' },
    });
    await waitFor(() =>
      expect(lastQuery(requests)).toBe('search=ledger&offset=0&limit=50'),
    );
    expect(
      await screen.findByText('1 volume matches, worst first'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('?search=ledger');
  });

  it('links owners and entities to the catalog and names owners in buttons', async () => {
    const requests = serveCoverage(server, fleet);
    await render();
    const volumes = await screen.findByRole('table', {
      name: /^Volumes, worst first, grouped by owner/,
    });
    // Under each volume's name, its entity (the group header names the owner).
    const entityLinks = await within(volumes).findAllByRole('link', {
      name: 'payments',
    });
    expect(entityLinks[0]).toHaveAttribute(
      'href',
      '/catalog/default/component/payments',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Show all of team-infra' }),
    );
    await waitFor(() =>
      expect(lastQuery(requests)).toBe(
        'owner=group%3Adefault%2Fteam-infra&offset=0&limit=50',
      ),
    );
  });

  it('shows one group across all pages from its header', async () => {
    const requests = serveCoverage(server, fleet);
    await render('/storage-coverage?group=cluster');
    await userEvent.click(
      await screen.findByRole('button', { name: 'Show all of prod-us' }),
    );
    await waitFor(() =>
      expect(lastQuery(requests)).toBe('cluster=prod-us&offset=0&limit=50'),
    );
  });

  it('pages on the server and goes back to page one when filters change', async () => {
    // Paging only: rows without entities (no catalog links to render).
    const many = Array.from({ length: 120 }, (_, i) => ({
      ...coverageRow(
        claim({
          name: `claim-${String(i).padStart(3, '0')}`,
          uid: `uid-${i}`,
          verdict: i < 30 ? 'unprotected' : 'protected',
          reasons:
            i < 30
              ? [{ code: 'no-matching-schedule', message: 'No schedule.' }]
              : [],
        }),
      ),
      entityRefs: [],
    }));
    const requests = serveCoverage(server, many);
    await render();
    expect(await screen.findByText('1-50 of 120')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(lastQuery(requests)).toBe('offset=50&limit=50'));
    expect(await screen.findByText('51-100 of 120')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('?page=2');

    await userEvent.click(
      screen.getByRole('button', { name: /Unprotected: 30\./ }),
    );
    await waitFor(() =>
      expect(lastQuery(requests)).toBe('verdict=unprotected&offset=0&limit=50'),
    );
    expect(await screen.findByText('1-30 of 30')).toBeInTheDocument();
  });

  it('exports every matching row as CSV in one streamed request', async () => {
    const many = Array.from({ length: 1203 }, (_, i) =>
      coverageRow(
        claim({
          name: `vol-${i}`,
          uid: `uid-${i}`,
          verdict: i % 3 === 0 ? 'unprotected' : 'protected',
          reasons:
            i % 3 === 0
              ? [
                  {
                    code: 'no-matching-schedule',
                    message: 'No schedule, "none".',
                  },
                ]
              : [],
        }),
      ),
    );
    const requests = serveCoverage(server, many);
    await render('/storage-coverage?verdict=unprotected');
    await screen.findByText('401 volumes match, worst first');
    const before = requests.length;

    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() =>
      expect(screen.getByText('Exported 401 rows.')).toBeInTheDocument(),
    );
    // The page's filters, no paging, and no page of the report fetched.
    expect(requests.exports.map(r => r.toString())).toEqual([
      'verdict=unprotected',
    ]);
    expect(requests.length).toBe(before);

    const [filename, blob] = (downloadBlob as jest.Mock).mock.calls[0];
    expect(filename).toMatch(/^storage-coverage-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await (blob as Blob).text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(402);
    expect(lines[0].startsWith('cluster,namespace,name,verdict,reasons,')).toBe(
      true,
    );
    expect(lines[1]).toContain(
      'prod-eu,payments,vol-0,unprotected,no-matching-schedule,"No schedule, ""none""."',
    );
  });

  it('tells the user when the export fails', async () => {
    serveCoverage(server, fleet);
    await render();
    await screen.findByText('7 volumes match, worst first');
    server.use(
      http.get(`${STORAGE_BASE_URL}/coverage/export.csv`, () =>
        errorResponse(500, 'Error', 'database is locked'),
      ),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() =>
      expect(screen.getByText(/^Export failed:/)).toHaveTextContent(
        'database is locked',
      ),
    );
  });

  it('says when no volume matches the filters', async () => {
    serveCoverage(server, fleet);
    await render('/storage-coverage?cluster=nowhere');
    expect(
      await screen.findByText('No volumes match these filters'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    expect(
      await screen.findByText('7 volumes match, worst first'),
    ).toBeInTheDocument();
  });

  it('shows clusters it could not read as errors', async () => {
    serveCoverage(server, fleet);
    server.use(
      http.get(`${STORAGE_BASE_URL}/coverage`, () =>
        HttpResponse.json({
          ...coverageResponse(fleet),
          clusters: [
            ...syncedClusters,
            {
              name: 'prod-ap',
              status: 'unreachable',
              error: 'dial tcp 10.1.0.1:6443: i/o timeout',
            },
          ],
        }),
      ),
    );
    await render();
    expect(
      await screen.findByText('Error: Cluster prod-ap could not be reached'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/dial tcp 10\.1\.0\.1:6443: i\/o timeout/),
    ).toBeInTheDocument();
    // The volumes of the clusters that could be read are still shown.
    expect(
      screen.getByText('7 volumes match, worst first'),
    ).toBeInTheDocument();
  });

  it('explains a permission denial (403)', async () => {
    server.use(
      http.get(`${STORAGE_BASE_URL}/coverage`, () =>
        errorResponse(403, 'NotAllowedError', 'Missing storage.coverage.read'),
      ),
      http.get(`${STORAGE_BASE_URL}/tiers`, () =>
        errorResponse(403, 'NotAllowedError', 'no'),
      ),
      http.get(`${STORAGE_BASE_URL}/clusters`, () =>
        errorResponse(403, 'NotAllowedError', 'no'),
      ),
    );
    await render();
    expect(
      await screen.findByText(
        'Warning: You are not allowed to see the coverage report',
      ),
    ).toBeInTheDocument();
  });

  it('shows a server error (500)', async () => {
    server.use(
      http.get(`${STORAGE_BASE_URL}/coverage`, () =>
        errorResponse(500, 'Error', 'Cluster cache is not ready'),
      ),
      http.get(`${STORAGE_BASE_URL}/tiers`, () =>
        HttpResponse.json({ tiers: [] }),
      ),
      http.get(`${STORAGE_BASE_URL}/clusters`, () =>
        HttpResponse.json({ clusters: [] }),
      ),
    );
    await render();
    expect(
      await screen.findByText(/Could not load the coverage report/),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/Cluster cache is not ready/).length,
    ).toBeGreaterThan(0);
  });

  it('renders a 200-row page of a 10,000-row report quickly', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      coverageRow(
        claim({ name: `vol-${i}`, uid: `uid-${i}`, namespace: `ns-${i % 40}` }),
        [`group:default/team-${i % 25}`],
      ),
    );
    serveCoverage(server, many);
    const started = performance.now();
    await render('/storage-coverage?pageSize=200');
    await screen.findByText('1-200 of 10000');
    const elapsed = performance.now() - started;
    expect(screen.getAllByRole('row').length).toBeGreaterThan(200);
    // Generous bound for a shared CI machine; typical runs are far below.
    expect(elapsed).toBeLessThan(5000);
    // eslint-disable-next-line no-console
    console.info(
      `rendered a 200-row page of 10,000 rows in ${Math.round(elapsed)} ms`,
    );
    // The test's own limit is the time to build and serve 10,000 rows
    // as well; only the render is bounded above.
  }, 20_000);
});
