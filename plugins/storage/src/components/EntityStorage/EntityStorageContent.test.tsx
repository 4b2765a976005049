import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import { configure } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  annotatedEntity,
  entityStorageResponse,
  failingClaim,
  hostPathClaim,
  plainEntity,
  protectedClaim,
  staleClaim,
  tiers,
  unprotectedClaim,
  waivedClaim,
} from '../../__testUtils__/fixtures';
import {
  errorResponse,
  renderWithStorage,
  STORAGE_BASE_URL,
} from '../../__testUtils__/testApp';
import { EntityStorageContent } from './EntityStorageContent';

const server = setupServer();
registerMswTestHooks(server);
// The machines running these tests are shared and busy: wait a little longer.
configure({ asyncUtilTimeout: 3000 });

const ENTITY_URL = `${STORAGE_BASE_URL}/entities/default/component/payments`;

function serveEntity(
  response: Parameters<typeof HttpResponse.json>[0] | Response,
) {
  const calls: string[] = [];
  server.use(
    http.get(ENTITY_URL, ({ request }) => {
      calls.push(request.url);
      return response instanceof Response
        ? response
        : HttpResponse.json(response);
    }),
    http.get(`${STORAGE_BASE_URL}/tiers`, () => HttpResponse.json({ tiers })),
  );
  return calls;
}

function rowOf(name: string) {
  return screen.getByText(name, { selector: 'td *, td' }).closest('tr')!;
}

describe('EntityStorageContent', () => {
  it('explains the annotations an entity needs, without calling the backend', async () => {
    const calls = serveEntity(entityStorageResponse([]));
    await renderWithStorage(<EntityStorageContent />, { entity: plainEntity });
    expect(
      screen.getByText('This entity is not linked to any Kubernetes workloads'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText('backstage.io/kubernetes-id').length,
    ).toBeGreaterThan(0);
    expect(
      screen.getAllByText('backstage.io/kubernetes-label-selector').length,
    ).toBeGreaterThan(0);
    expect(calls).toEqual([]);
  });

  it('shows the summary and every volume with its verdict, reasons and fix', async () => {
    const claims = [
      protectedClaim,
      unprotectedClaim,
      failingClaim,
      staleClaim,
      waivedClaim,
      hostPathClaim,
    ];
    serveEntity(entityStorageResponse(claims, undefined, 'unprotected'));
    await renderWithStorage(<EntityStorageContent />, {
      entity: annotatedEntity,
    });

    const summary = await screen.findByLabelText('Storage summary');
    expect(within(summary).getByText('Unprotected')).toBeInTheDocument();
    expect(
      within(summary).getByText('bulk, fast, nfs, unclassified'),
    ).toBeInTheDocument();
    // 50 + 100 + 10 + 2048 + 50 + 5 GiB
    expect(
      within(summary).getByText(/2\.2 TiB in 6 volumes/),
    ).toBeInTheDocument();
    // The ledger's 9-day-old backup is the oldest, against bulk's 7 days.
    expect(within(summary).getByText(/\(ledger\)/)).toBeInTheDocument();
    expect(
      within(summary).getByText(/older than the 7d RPO/),
    ).toBeInTheDocument();
    expect(
      within(summary).getByText(/2 volumes never backed up/),
    ).toBeInTheDocument();

    // Worst first: the unprotected volumes lead the table.
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Unprotected');
    expect(rows[rows.length - 1]).toHaveTextContent('Protected');

    const uploads = rowOf('uploads');
    expect(within(uploads).getByText('Unprotected')).toBeInTheDocument();
    expect(
      within(uploads).getByText(unprotectedClaim.reasons[0].message),
    ).toBeInTheDocument();
    expect(
      within(uploads).getByText('(no-matching-schedule)'),
    ).toBeInTheDocument();
    expect(uploads).toHaveTextContent('storage-nfs → nfs');
    expect(within(uploads).getByText('NFS')).toBeInTheDocument();
    expect(within(uploads).getByTitle('ReadWriteMany')).toHaveTextContent(
      'RWX',
    );
    const fix = within(uploads).getByRole('link', {
      name: 'Set up backup schedules for namespace payments',
    });
    const href = fix.getAttribute('href')!;
    expect(
      href.startsWith(
        '/create/templates/default/storage-velero-schedules?formData=',
      ),
    ).toBe(true);
    expect(
      JSON.parse(new URL(href, 'http://x').searchParams.get('formData')!),
    ).toEqual({ namespaces: [{ name: 'payments', tiers: ['nfs'] }] });

    const scratch = rowOf('scratch-logs');
    const request = within(scratch).getByRole('link', {
      name: 'Request a replacement volume for scratch-logs',
    });
    expect(
      JSON.parse(
        new URL(request.getAttribute('href')!, 'http://x').searchParams.get(
          'formData',
        )!,
      ),
    ).toEqual({
      folder: 'apps/payments/payments/base',
      namespace: 'payments',
      claimName: 'scratch-logs',
      size: '5Gi',
      accessMode: 'ReadWriteOnce',
    });

    const cache = rowOf('cache');
    expect(within(cache).getByText('Failing')).toBeInTheDocument();
    expect(within(cache).getByText(/Failed/)).toBeInTheDocument();
    expect(
      within(cache).getByText('timed out after 4h0m0s'),
    ).toBeInTheDocument();
    expect(within(cache).getByText('2 hours ago')).toBeInTheDocument();
    expect(within(cache).queryByRole('link')).not.toBeInTheDocument();

    const db = rowOf('data-payments-db-0');
    expect(within(db).getByText('Protected')).toBeInTheDocument();
    expect(within(db).getByText('payments-daily')).toBeInTheDocument();
    // Last success and last attempt were the same backup.
    expect(within(db).getAllByText('3 hours ago')).toHaveLength(2);
    expect(within(db).queryByRole('link')).not.toBeInTheDocument();
  });

  it('shows unreadable clusters as errors, never as "no volumes"', async () => {
    serveEntity(
      entityStorageResponse(
        [],
        [
          { name: 'prod-eu', status: 'synced' },
          {
            name: 'prod-ap',
            status: 'unreachable',
            error: 'connect ECONNREFUSED 10.0.0.1:6443',
          },
        ],
      ),
    );
    await renderWithStorage(<EntityStorageContent />, {
      entity: annotatedEntity,
    });
    expect(
      await screen.findByText('Error: Cluster prod-ap could not be reached'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/connect ECONNREFUSED 10\.0\.0\.1:6443/),
    ).toBeInTheDocument();
    expect(screen.getByText('No volumes could be read')).toBeInTheDocument();
    expect(screen.queryByText('No volumes found')).not.toBeInTheDocument();
  });

  it('shows volumes next to the error of a cluster it could not read', async () => {
    serveEntity(
      entityStorageResponse(
        [protectedClaim],
        [
          { name: 'prod-eu', status: 'synced' },
          {
            name: 'prod-us',
            status: 'forbidden',
            error: 'persistentvolumeclaims is forbidden',
          },
        ],
      ),
    );
    await renderWithStorage(<EntityStorageContent />, {
      entity: annotatedEntity,
    });
    expect(
      await screen.findByText(
        'Error: Cluster prod-us refused to let us read its storage objects',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('data-payments-db-0')).toBeInTheDocument();
  });

  it('says when the entity has no volumes', async () => {
    serveEntity(entityStorageResponse([]));
    await renderWithStorage(<EntityStorageContent />, {
      entity: annotatedEntity,
    });
    expect(await screen.findByText('No volumes found')).toBeInTheDocument();
  });

  it('explains a permission denial (403)', async () => {
    serveEntity(errorResponse(403, 'NotAllowedError', 'Access denied'));
    await renderWithStorage(<EntityStorageContent />, {
      entity: annotatedEntity,
    });
    expect(
      await screen.findByText(
        'Warning: You are not allowed to see storage for this entity',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('No volumes found')).not.toBeInTheDocument();
  });

  it('shows a server error (500) with its message', async () => {
    serveEntity(errorResponse(500, 'Error', 'Cluster cache is not ready'));
    await renderWithStorage(<EntityStorageContent />, {
      entity: annotatedEntity,
    });
    expect(
      await screen.findByText(/Could not load storage for this entity/),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/Cluster cache is not ready/).length,
    ).toBeGreaterThan(0);
  });

  it('announces loading to screen readers', async () => {
    server.use(
      http.get(ENTITY_URL, async () => {
        await new Promise(resolve => setTimeout(resolve, 50));
        return HttpResponse.json(entityStorageResponse([protectedClaim]));
      }),
      http.get(`${STORAGE_BASE_URL}/tiers`, () => HttpResponse.json({ tiers })),
    );
    await renderWithStorage(<EntityStorageContent />, {
      entity: annotatedEntity,
    });
    expect(screen.getByRole('status')).toHaveTextContent('Loading storage…');
    await waitFor(() =>
      expect(screen.getByText('data-payments-db-0')).toBeInTheDocument(),
    );
  });
});
