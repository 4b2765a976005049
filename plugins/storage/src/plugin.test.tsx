import { getComponentData } from '@backstage/core-plugin-api';
import { registerMswTestHooks } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { Route, Routes } from 'react-router-dom';
import {
  EntityStorageCard,
  isStorageAvailable,
  StorageCoveragePage,
  storageApiRef,
  storagePlugin,
  StorageTierPickerFieldExtension,
} from './index';
import {
  coverageRow,
  plainEntity,
  protectedClaim,
} from './__testUtils__/fixtures';
import { validateStorageTier } from './components/TierPicker/validation';
import { renderWithStorage, serveCoverage } from './__testUtils__/testApp';

const server = setupServer();
registerMswTestHooks(server);

describe('storage plugin for the legacy frontend system', () => {
  it('registers the storage API client', () => {
    const factories = [...storagePlugin.getApis()];
    expect(factories.map(f => f.api.id)).toEqual([storageApiRef.id]);
  });

  it('provides the StorageTierPicker field to <ScaffolderFieldExtensions>', () => {
    const field = getComponentData<{ name: string; validation?: unknown }>(
      <StorageTierPickerFieldExtension />,
      'scaffolder.extensions.field.v1',
    );
    expect(field?.name).toBe('StorageTierPicker');
    expect(field?.validation).toBe(validateStorageTier);
  });

  it('renders the overview card from the legacy export', async () => {
    await renderWithStorage(<EntityStorageCard />, { entity: plainEntity });
    expect(await screen.findByText('Storage')).toBeInTheDocument();
    expect(isStorageAvailable(plainEntity)).toBe(false);
  });

  it('renders the coverage page with its own header', async () => {
    serveCoverage(server, [coverageRow(protectedClaim)]);
    await renderWithStorage(
      <Routes>
        <Route path="/storage-coverage" element={<StorageCoveragePage />} />
      </Routes>,
      {
        routeEntries: ['/storage-coverage'],
      },
    );
    expect(
      screen.getByRole('heading', { name: 'Storage coverage' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('1 volume matches, worst first'),
    ).toBeInTheDocument();
  });
});
