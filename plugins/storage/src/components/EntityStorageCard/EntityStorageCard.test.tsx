import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
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
  unprotectedClaim,
  waivedClaim,
} from '../../__testUtils__/fixtures';
import {
  errorResponse,
  renderWithStorage,
  STORAGE_BASE_URL,
} from '../../__testUtils__/testApp';
import { EntityStorageCard } from './EntityStorageCard';

const server = setupServer();
registerMswTestHooks(server);

const ENTITY_URL = `${STORAGE_BASE_URL}/entities/default/component/payments`;

describe('EntityStorageCard', () => {
  it('counts volumes per verdict and lists the three worst', async () => {
    server.use(
      http.get(ENTITY_URL, () =>
        HttpResponse.json(
          entityStorageResponse([
            protectedClaim,
            staleClaim,
            failingClaim,
            unprotectedClaim,
            hostPathClaim,
            waivedClaim,
          ]),
        ),
      ),
    );
    await renderWithStorage(<EntityStorageCard />, { entity: annotatedEntity });

    const counts = await screen.findByRole('list', {
      name: 'Volumes by verdict',
    });
    expect(
      within(counts)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual([
      '2 unprotected',
      '1 failing',
      '1 stale',
      '1 waived',
      '1 protected',
    ]);

    const worst = screen.getByRole('list', {
      name: 'Volumes that need attention',
    });
    const items = within(worst).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('Unprotected payments/scratch-logs');
    expect(items[1]).toHaveTextContent('Unprotected payments/uploads');
    expect(items[1]).toHaveTextContent(unprotectedClaim.reasons[0].message);
    expect(items[2]).toHaveTextContent('Failing payments/cache');

    expect(screen.getByRole('link', { name: /View storage/ })).toHaveAttribute(
      'href',
      '/catalog/default/component/payments/storage',
    );
  });

  it('says so when every volume is protected or waived', async () => {
    server.use(
      http.get(ENTITY_URL, () =>
        HttpResponse.json(entityStorageResponse([protectedClaim, waivedClaim])),
      ),
    );
    await renderWithStorage(<EntityStorageCard />, { entity: annotatedEntity });
    expect(
      await screen.findByText('All 2 volumes are protected or waived.'),
    ).toBeInTheDocument();
  });

  it('reports clusters it could not read instead of "no volumes found"', async () => {
    server.use(
      http.get(ENTITY_URL, () =>
        HttpResponse.json(
          entityStorageResponse(
            [],
            [{ name: 'prod-eu', status: 'error', error: 'watch failed' }],
          ),
        ),
      ),
    );
    await renderWithStorage(<EntityStorageCard />, { entity: annotatedEntity });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not read 1 cluster (prod-eu)',
    );
    expect(screen.getByText('No volumes could be read.')).toBeInTheDocument();
    expect(
      screen.queryByText('No volumes found for this entity.'),
    ).not.toBeInTheDocument();
  });

  it('says a partly read cluster may leave verdicts unknown, and still counts', async () => {
    server.use(
      http.get(ENTITY_URL, () =>
        HttpResponse.json(
          entityStorageResponse(
            [protectedClaim],
            [
              {
                name: 'prod-eu',
                status: 'synced',
                resources: [
                  {
                    resource: 'DataUpload',
                    status: 'forbidden',
                    error: 'datauploads.velero.io is forbidden',
                  },
                ],
              },
            ],
          ),
        ),
      ),
    );
    await renderWithStorage(<EntityStorageCard />, { entity: annotatedEntity });
    expect(
      await screen.findByText(
        'prod-eu was only read in part; some verdicts may be unknown.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText('1 protected')).toBeInTheDocument();
  });

  it('explains a permission denial (403)', async () => {
    server.use(
      http.get(ENTITY_URL, () =>
        errorResponse(403, 'NotAllowedError', 'Access denied'),
      ),
    );
    await renderWithStorage(<EntityStorageCard />, { entity: annotatedEntity });
    expect(
      await screen.findByText(
        'Warning: You are not allowed to see storage for this entity',
      ),
    ).toBeInTheDocument();
  });

  it('names the annotations for an entity without them', async () => {
    await renderWithStorage(<EntityStorageCard />, { entity: plainEntity });
    expect(
      screen.getByText(/Add the backstage\.io\/kubernetes-id or/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: /View storage/ }),
    ).not.toBeInTheDocument();
  });
});
