import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { registerMswTestHooks } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { filterPredicateToFilterFunction } from '@backstage/filter-predicates';
import type { Entity } from '@backstage/catalog-model';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import storagePlugin, {
  storageCoveragePage,
  storageEntityContent,
  storageTierPickerFormField,
} from './alpha';
import { isStorageAvailable, storageAvailableFilter } from './annotations';
import { storageApiRef } from './api';
import {
  annotatedEntity,
  entityStorageResponse,
  unprotectedClaim,
} from './__testUtils__/fixtures';
import { STORAGE_BASE_URL, testStorageClient } from './__testUtils__/testApp';

const server = setupServer();
registerMswTestHooks(server);

const entity = (annotations?: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'x', annotations },
});

describe('storage plugin for the new frontend system', () => {
  it('provides the API, the tab, the card, the page and the tier picker', () => {
    for (const id of [
      'api:storage',
      'entity-content:storage',
      'entity-card:storage',
      'page:storage',
      'scaffolder-form-field:storage/tier-picker',
    ] as const) {
      expect(storagePlugin.getExtension(id)).toBeDefined();
    }
  });

  it.each<[string, Record<string, string> | undefined, boolean]>([
    ['no annotations', undefined, false],
    ['other annotations', { 'backstage.io/techdocs-ref': 'dir:.' }, false],
    ['a kubernetes id', { 'backstage.io/kubernetes-id': 'payments' }, true],
    [
      'a label selector',
      { 'backstage.io/kubernetes-label-selector': 'app=payments' },
      true,
    ],
  ])(
    'shows storage for an entity with %s only when the annotations allow it',
    (_, annotations, expected) => {
      expect(isStorageAvailable(entity(annotations))).toBe(expected);
      expect(
        filterPredicateToFilterFunction(storageAvailableFilter)(
          entity(annotations),
        ),
      ).toBe(expected);
    },
  );

  it('mounts the coverage page at /storage-coverage', () => {
    expect(
      createExtensionTester(storageCoveragePage).get(
        coreExtensionData.routePath,
      ),
    ).toBe('/storage-coverage');
  });

  it('adds the Storage tab at "storage"', () => {
    const tester = createExtensionTester(storageEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('storage');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Storage');
  });

  it('renders the Storage tab, with template links, in a new-system app', async () => {
    server.use(
      http.get(`${STORAGE_BASE_URL}/entities/default/component/payments`, () =>
        HttpResponse.json(entityStorageResponse([unprotectedClaim])),
      ),
      http.get(`${STORAGE_BASE_URL}/tiers`, () =>
        HttpResponse.json({ tiers: [] }),
      ),
    );
    const element = createExtensionTester(storageEntityContent).reactElement();
    await renderInTestApp(
      <EntityProvider entity={annotatedEntity}>{element}</EntityProvider>,
      { apis: [[storageApiRef, testStorageClient()]] },
    );
    expect(await screen.findByText('uploads')).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: 'Set up backup schedules for namespace payments',
      }),
    ).toHaveAttribute(
      'href',
      expect.stringMatching(
        /^\/create\/templates\/default\/storage-velero-schedules\?formData=/,
      ),
    );
  });

  it('loads the StorageTierPicker form field', async () => {
    const loader = createExtensionTester(storageTierPickerFormField).get(
      FormFieldBlueprint.dataRefs.formFieldLoader,
    );
    const field = await loader();
    expect(field.$$type).toBe('@backstage/scaffolder/FormField');
  });
});
