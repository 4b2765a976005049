import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CoverageFilters } from './CoverageFilters';

describe('the restore test filter', () => {
  it('adds the chosen restore status to the filters, labelled in words', async () => {
    const onFiltersChange = jest.fn();
    render(
      <CoverageFilters
        filters={{ verdict: ['stale'] }}
        options={{ tiers: [], clusters: [], owners: [] }}
        onFiltersChange={onFiltersChange}
      />,
    );
    await userEvent.click(
      screen.getByRole('textbox', { name: 'Restore test' }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'Restore test overdue' }),
    );
    expect(onFiltersChange).toHaveBeenLastCalledWith({
      verdict: ['stale'],
      restore: ['overdue'],
    });
  });

  it('shows the statuses in the URL as chips; removing the last leaves no restore filter', async () => {
    const onFiltersChange = jest.fn();
    render(
      <CoverageFilters
        filters={{ restore: ['never-verified'] }}
        options={{ tiers: [], clusters: [], owners: [] }}
        onFiltersChange={onFiltersChange}
      />,
    );
    expect(screen.getByText('Never restored')).toBeInTheDocument();
    // Backspace in the empty field removes the last chip, as in MUI.
    await userEvent.click(
      screen.getByRole('textbox', { name: 'Restore test' }),
    );
    await userEvent.keyboard('{Backspace}');
    expect(onFiltersChange).toHaveBeenLastCalledWith({ restore: undefined });
  });
});
