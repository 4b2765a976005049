/**
 * The plugin inside a real new-frontend-system app with the catalog plugin:
 * what packages/app gets from `app.packages: all`.
 */
import { renderTestApp } from '@backstage/frontend-test-utils';
import { registerMswTestHooks } from '@backstage/test-utils';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import storagePlugin from './alpha';
import { storageApiRef } from './api';
import {
  annotatedEntity,
  entityStorageResponse,
  plainEntity,
  protectedClaim,
  unprotectedClaim,
} from './__testUtils__/fixtures';
import { STORAGE_BASE_URL, testStorageClient } from './__testUtils__/testApp';

const server = setupServer();
registerMswTestHooks(server);

function renderApp(path: string) {
  return renderTestApp({
    features: [catalogPlugin, storagePlugin],
    initialRouteEntries: [path],
    apis: [
      catalogApiMock({ entities: [annotatedEntity, plainEntity] }),
      [storageApiRef, testStorageClient()],
    ],
    isExpectedError: () => true,
  });
}

beforeEach(() => {
  server.use(
    http.get(`${STORAGE_BASE_URL}/entities/default/component/payments`, () =>
      HttpResponse.json(
        entityStorageResponse([protectedClaim, unprotectedClaim]),
      ),
    ),
    http.get(`${STORAGE_BASE_URL}/tiers`, () =>
      HttpResponse.json({ tiers: [] }),
    ),
  );
});

// The entity page loads lazily; give it more than the default second.
const slow = { timeout: 8000 };

describe('storage in a new-frontend-system app', () => {
  it('adds the coverage page to the navigation', async () => {
    renderApp('/catalog');
    expect(
      await screen.findByRole('link', { name: 'Storage coverage' }, slow),
    ).toHaveAttribute('href', '/storage-coverage');
  }, 15_000);

  it('shows the Storage tab of an annotated entity', async () => {
    renderApp('/catalog/default/component/payments/storage');
    expect(await screen.findByText('uploads', {}, slow)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Storage' })).toHaveAttribute(
      'href',
      '/catalog/default/component/payments/storage',
    );
  }, 15_000);

  it('shows the overview card of an annotated entity', async () => {
    renderApp('/catalog/default/component/payments');
    const counts = await screen.findByRole(
      'list',
      { name: 'Volumes by verdict' },
      slow,
    );
    expect(within(counts).getByText('1 unprotected')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /View storage/ })).toHaveAttribute(
      'href',
      '/catalog/default/component/payments/storage',
    );
  }, 15_000);

  it('has neither tab nor card for an entity without the annotations', async () => {
    renderApp('/catalog/default/component/docs-site');
    expect(
      await screen.findByRole('link', { name: 'Overview' }, slow),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Storage' }),
    ).not.toBeInTheDocument();
    // Wait for the overview's cards before checking ours is not among them.
    expect(await screen.findByText('About', {}, slow)).toBeInTheDocument();
    expect(
      screen.queryByText('Volumes and backup health'),
    ).not.toBeInTheDocument();
  }, 15_000);
});
