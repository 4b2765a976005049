import type { Entity } from '@backstage/catalog-model';
import { registerMswTestHooks } from '@backstage/test-utils';
import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { EntityHistoryResponse } from '@gitops-storage/plugin-storage-common';
import {
  errorResponse,
  renderWithStorage,
  STORAGE_BASE_URL,
} from '../../__testUtils__/testApp';
import { EntityHistoryCard } from './EntityHistoryCard';

const server = setupServer();
registerMswTestHooks(server);
configure({ asyncUtilTimeout: 3000 });

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: { owner: 'team-payments' },
};

const ago = (days: number) =>
  new Date(Date.now() - days * 86_400_000).toISOString();
const ledger = {
  cluster: 'prod',
  namespace: 'payments',
  name: 'ledger',
  uid: 'u1',
};
const media = {
  cluster: 'prod',
  namespace: 'payments',
  name: 'media',
  uid: 'u2',
};

const body = (demo = false): EntityHistoryResponse => ({
  entityRef: 'component:default/payments-api',
  series: [],
  demo,
  retentionDays: 400,
  transitions: [
    { volume: ledger, at: ago(20), from: null, to: 'protected', reasons: [] },
    { volume: media, at: ago(20), from: null, to: 'protected', reasons: [] },
    {
      volume: media,
      at: ago(3),
      from: 'protected',
      to: 'failing',
      reasons: [{ code: 'backup-failed', message: 'The last backup failed.' }],
    },
  ],
  volumes: [
    { ...ledger, verdict: 'protected', since: ago(20) },
    { ...media, verdict: 'failing', since: ago(3) },
  ],
});

function serve(answer: () => Response | Promise<Response>) {
  const paths: string[] = [];
  server.use(
    http.get(
      `${STORAGE_BASE_URL}/entities/:namespace/:kind/:name/history`,
      ({ request }) => {
        const url = new URL(request.url);
        paths.push(`${url.pathname}${url.search}`);
        return answer();
      },
    ),
  );
  return paths;
}

describe('EntityHistoryCard', () => {
  it('shows each volume since when, its timeline and the latest changes', async () => {
    const paths = serve(() => HttpResponse.json(body()));
    await renderWithStorage(<EntityHistoryCard entity={entity} />);
    const table = await screen.findByRole('table', { name: 'Volume history' });
    const mediaRow = within(table).getByRole('row', { name: /media/ });
    expect(mediaRow).toHaveTextContent('Failing since 3 days ago');
    expect(
      within(table).getByRole('row', { name: /ledger/ }),
    ).toHaveTextContent('Protected since 20 days ago');
    const strip = within(mediaRow).getByTestId('volume-timeline');
    expect(
      [...strip.querySelectorAll('rect')].map(r =>
        r.getAttribute('data-verdict'),
      ),
    ).toEqual(['none', 'protected', 'failing']);
    const changes = screen.getByRole('list', { name: 'Latest changes' });
    expect(within(changes).getAllByRole('listitem')[0]).toHaveTextContent(
      'payments/media: Protected → Failing (backup-failed)',
    );
    expect(screen.queryByText('Demo data')).not.toBeInTheDocument();
    expect(paths[0]).toBe(
      '/api/storage/entities/default/component/payments-api/history?days=30',
    );
  }, 15_000); // the file's first render also loads the test app

  it('asks for 90 days when the window changes', async () => {
    const paths = serve(() => HttpResponse.json(body()));
    await renderWithStorage(<EntityHistoryCard entity={entity} />);
    await screen.findByText('Last 30 days');
    await userEvent.click(screen.getByRole('button', { name: '90 days' }));
    await screen.findByText('Last 90 days');
    expect(paths[paths.length - 1]).toMatch(/days=90$/);
  });

  it('labels demo data', async () => {
    serve(() => HttpResponse.json(body(true)));
    await renderWithStorage(<EntityHistoryCard entity={entity} />);
    expect(await screen.findByText('Demo data')).toBeInTheDocument();
  });

  it('says history starts when the plugin is installed', async () => {
    serve(() => HttpResponse.json({ ...body(), transitions: [], volumes: [] }));
    await renderWithStorage(<EntityHistoryCard entity={entity} />);
    expect(await screen.findByText('No history yet')).toBeInTheDocument();
  });

  it('shows an error', async () => {
    serve(() => errorResponse(500, 'Error', 'database down'));
    await renderWithStorage(<EntityHistoryCard entity={entity} />);
    expect(
      await screen.findByText(/Could not load the storage history/),
    ).toBeInTheDocument();
  });
});
