import { registerMswTestHooks } from '@backstage/test-utils';
import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  emptyVerdictCounts,
  type HistoryPoint,
  type HistoryResponse,
} from '@gitops-storage/plugin-storage-common';
import {
  errorResponse,
  renderWithStorage,
  STORAGE_BASE_URL,
} from '../../__testUtils__/testApp';
import { CoverageTrend, describeTrend, trendFiltersOf } from './CoverageTrend';

const server = setupServer();
registerMswTestHooks(server);
configure({ asyncUtilTimeout: 3000 });

const daysAgo = (n: number) =>
  new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

function point(date: string, counts: Partial<HistoryPoint['byVerdict']>) {
  const byVerdict = { ...emptyVerdictCounts(), ...counts };
  const total = Object.values(byVerdict).reduce((a, b) => a + b, 0);
  return { date, byVerdict, total };
}

function serveHistory(
  body: HistoryResponse | (() => Response | Promise<Response>),
) {
  const requests: URLSearchParams[] = [];
  server.use(
    http.get(`${STORAGE_BASE_URL}/history`, ({ request }) => {
      requests.push(new URL(request.url).searchParams);
      return typeof body === 'function' ? body() : HttpResponse.json(body);
    }),
  );
  return requests;
}

describe('CoverageTrend', () => {
  it('charts the protected share and counts, and says it in words', async () => {
    const requests = serveHistory({
      series: [
        point(daysAgo(2), { protected: 5, failing: 5 }),
        point(daysAgo(1), { protected: 8, failing: 2 }),
        point(daysAgo(0), { protected: 8, waived: 1, unprotected: 1 }),
      ],
      demo: false,
      retentionDays: 400,
    });
    await renderWithStorage(
      <CoverageTrend
        filters={{ cluster: ['prod'], owner: ['group:default/a'] }}
      />,
    );
    expect(
      await screen.findByText(
        `Protected share 90% on ${daysAgo(
          0,
        )} (10 volumes), from 50% on ${daysAgo(2)}.`,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('Demo data')).not.toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Coverage per day' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(
      within(table).getByRole('row', { name: new RegExp(daysAgo(1)) }),
    ).toHaveTextContent(`${daysAgo(1)}80%10`);
    // One bar segment per verdict present each day.
    expect(
      screen.getByTestId('trend-bars').querySelectorAll('rect'),
    ).toHaveLength(7);
    expect(requests[0].toString()).toBe(
      'days=30&cluster=prod&owner=group%3Adefault%2Fa',
    );
  }, 15_000); // the file's first render also loads the test app

  it('asks for 90 days when the window changes', async () => {
    const requests = serveHistory({
      series: [point(daysAgo(0), { protected: 9, failing: 1 })],
      demo: false,
      retentionDays: 400,
    });
    await renderWithStorage(<CoverageTrend filters={{}} />);
    await screen.findByText(/Protected share 90%/);
    await userEvent.click(screen.getByRole('button', { name: '90 days' }));
    expect(screen.getByRole('button', { name: '90 days' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await screen.findByText(/Protected share 90%/);
    expect(requests[requests.length - 1].get('days')).toBe('90');
  });

  it('labels seeded demo data', async () => {
    serveHistory({
      series: [point(daysAgo(0), { protected: 1 })],
      demo: true,
      retentionDays: 400,
    });
    await renderWithStorage(<CoverageTrend filters={{}} />);
    expect(await screen.findByText('Demo data')).toBeInTheDocument();
  });

  it('says that history starts when the plugin is installed', async () => {
    serveHistory({ series: [], demo: false, retentionDays: 400 });
    await renderWithStorage(<CoverageTrend filters={{}} />);
    expect(await screen.findByText('No history yet')).toBeInTheDocument();
    expect(
      screen.getByText(/History starts when the plugin is installed/),
    ).toBeInTheDocument();
  });

  it('shows loading, then a permission denial', async () => {
    serveHistory(() =>
      errorResponse(
        403,
        'NotAllowedError',
        'You may not read the storage coverage report',
      ),
    );
    await renderWithStorage(<CoverageTrend filters={{}} />);
    expect(
      await screen.findByText(
        /You are not allowed to see the coverage history/,
      ),
    ).toBeInTheDocument();
  });

  it('shows a server error', async () => {
    serveHistory(() => errorResponse(500, 'Error', 'database down'));
    await renderWithStorage(<CoverageTrend filters={{}} />);
    expect(
      await screen.findByText(/Could not load the coverage history/),
    ).toBeInTheDocument();
  });
});

describe('trendFiltersOf', () => {
  it('keeps cluster, tier and owner and names the rest', () => {
    expect(
      trendFiltersOf({
        cluster: ['a'],
        tier: ['fast'],
        owner: [],
        verdict: ['failing'],
        search: 'db',
        namespace: [],
      }),
    ).toEqual({
      filters: { cluster: ['a'], tier: ['fast'], owner: [] },
      ignoredFilters: ['verdict', 'search'],
    });
  });
});

describe('describeTrend', () => {
  it('speaks of one day alone', () => {
    expect(
      describeTrend([point('2026-12-01', { protected: 1, stale: 2 })]),
    ).toBe('Protected share 33.3% on 2026-12-01 (3 volumes).');
  });
});
