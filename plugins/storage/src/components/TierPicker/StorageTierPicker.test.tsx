import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { tiers } from '../../__testUtils__/fixtures';
import {
  errorResponse,
  renderWithStorage,
  STORAGE_BASE_URL,
} from '../../__testUtils__/testApp';
import { StorageTierPicker } from './StorageTierPicker';

const server = setupServer();
registerMswTestHooks(server);

function renderPicker(
  props: {
    formData?: string;
    accessMode?: string;
    accessModeField?: string;
    rawErrors?: string[];
  } = {},
) {
  const onChange = jest.fn();
  const field = props.accessModeField ?? 'accessMode';
  const fieldProps = {
    formData: props.formData,
    onChange,
    required: true,
    rawErrors: props.rawErrors ?? [],
    schema: { title: 'Storage tier', description: 'Where the data lives' },
    uiSchema: props.accessModeField
      ? { 'ui:options': { accessModeField: props.accessModeField } }
      : {},
    formContext: {
      formData: props.accessMode ? { [field]: props.accessMode } : {},
    },
    idSchema: { $id: 'root_tier' },
  } as any;
  return {
    onChange,
    rendered: renderWithStorage(<StorageTierPicker {...fieldProps} />),
  };
}

describe('StorageTierPicker', () => {
  it('lists the tiers with description, RPO and access modes, and reports the choice', async () => {
    server.use(
      http.get(`${STORAGE_BASE_URL}/tiers`, () => HttpResponse.json({ tiers })),
    );
    const { onChange, rendered } = renderPicker();
    await rendered;
    const group = await screen.findByRole('radiogroup', {
      name: 'Storage tier',
    });
    const fast = within(group).getByRole('radio', {
      name: 'Fast local NVMe',
    });
    expect(fast).toHaveAccessibleDescription(
      'Local NVMe drives for databases. One node at a time. Tier fast · RPO 24h (no backup older than that once covered) · Access modes: ReadWriteOnce',
    );
    expect(
      within(group).getByRole('radio', { name: 'local' }),
    ).toHaveAccessibleDescription(
      'RPO 3d (no backup older than that once covered) · Access modes: any',
    );
    expect(screen.getByText('Where the data lives')).toBeInTheDocument();

    await userEvent.click(
      within(group).getByRole('radio', { name: 'Shared NFS' }),
    );
    expect(onChange).toHaveBeenCalledWith('nfs');
  });

  it('labels a tier by its title once, even when the title has parentheses', async () => {
    const scratch = {
      name: 'local',
      title: 'Node-local scratch (local-path)',
      storageClasses: ['storage-local'],
      rpoSeconds: 86400,
    };
    server.use(
      http.get(`${STORAGE_BASE_URL}/tiers`, () =>
        HttpResponse.json({ tiers: [scratch] }),
      ),
    );
    await renderPicker().rendered;
    const radio = await screen.findByRole('radio', {
      name: 'Node-local scratch (local-path)',
    });
    expect(radio).toHaveAccessibleDescription(/^Tier local · RPO 24h/);
    expect(screen.queryByText(/\)\s*\(/)).not.toBeInTheDocument();
  });

  it('warns on tiers that cannot serve the chosen access mode', async () => {
    server.use(
      http.get(`${STORAGE_BASE_URL}/tiers`, () => HttpResponse.json({ tiers })),
    );
    await renderPicker({ accessMode: 'ReadWriteMany', formData: 'nfs' })
      .rendered;
    const group = await screen.findByRole('radiogroup');
    expect(
      within(group).getByRole('radio', { name: 'Fast local NVMe' }),
    ).toHaveAccessibleDescription(/Cannot serve ReadWriteMany/);
    expect(
      within(group).getByRole('radio', { name: 'Shared NFS' }),
    ).not.toHaveAccessibleDescription(/Cannot serve/);
    expect(
      within(group).getByRole('radio', { name: 'Shared NFS' }),
    ).toBeChecked();
    expect(screen.getAllByText(/Cannot serve ReadWriteMany/)).toHaveLength(2);
  });

  it('shows validation errors from the form', async () => {
    server.use(
      http.get(`${STORAGE_BASE_URL}/tiers`, () => HttpResponse.json({ tiers })),
    );
    await renderPicker({
      rawErrors: ['Tier "fast" cannot serve ReadWriteMany volumes'],
    }).rendered;
    expect(
      await screen.findByText('Tier "fast" cannot serve ReadWriteMany volumes'),
    ).toBeInTheDocument();
  });

  it('flags a pre-filled tier that is not configured', async () => {
    server.use(
      http.get(`${STORAGE_BASE_URL}/tiers`, () => HttpResponse.json({ tiers })),
    );
    await renderPicker({ formData: 'premium' }).rendered;
    expect(
      await screen.findByText(/The tier "premium" is not configured/),
    ).toBeInTheDocument();
  });

  it('says when no tiers are configured', async () => {
    server.use(
      http.get(`${STORAGE_BASE_URL}/tiers`, () =>
        HttpResponse.json({ tiers: [] }),
      ),
    );
    await renderPicker().rendered;
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'No storage tiers are configured',
    );
  });

  it('shows why the tiers could not be loaded', async () => {
    server.use(
      http.get(`${STORAGE_BASE_URL}/tiers`, () =>
        errorResponse(403, 'NotAllowedError', 'Not allowed to list tiers'),
      ),
    );
    await renderPicker().rendered;
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load the storage tiers: Not allowed to list tiers',
    );
  });
});
