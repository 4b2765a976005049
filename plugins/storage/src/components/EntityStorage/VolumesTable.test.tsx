import { screen, within } from '@testing-library/react';
import { claim, failingClaim, hoursAgo } from '../../__testUtils__/fixtures';
import { renderWithStorage } from '../../__testUtils__/testApp';
import { VolumesTable } from './VolumesTable';

function rowOf(name: string): HTMLElement {
  const cell = screen.getByText(name);
  const row = cell.closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe('VolumesTable', () => {
  it('gives never-backed-up and awaiting-first-backup their own labels', async () => {
    await renderWithStorage(
      <VolumesTable
        claims={[
          claim({
            name: 'orphan',
            verdict: 'stale',
            backupStatus: 'never-backed-up',
            lastSuccessfulBackup: undefined,
            lastAttempt: undefined,
            reasons: [{ code: 'never-backed-up', message: 'Never copied.' }],
          }),
          claim({
            name: 'newcomer',
            verdict: 'stale',
            backupStatus: 'awaiting-first-backup',
            lastSuccessfulBackup: undefined,
            lastAttempt: undefined,
            reasons: [
              { code: 'awaiting-first-backup', message: 'Runs at 02:00.' },
            ],
          }),
        ]}
      />,
    );
    expect(
      within(rowOf('orphan')).getByText('Stale · Never backed up'),
    ).toBeInTheDocument();
    expect(
      within(rowOf('newcomer')).getByText('Stale · Awaiting first backup'),
    ).toBeInTheDocument();
    expect(within(rowOf('orphan')).getByText(/^Success:/).textContent).toBe(
      'Success: never',
    );
  });

  it('never shows a completed last attempt next to a failing verdict when the Backup failed before the volume', async () => {
    await renderWithStorage(
      <VolumesTable
        claims={[
          {
            ...failingClaim,
            reasons: [{ code: 'backup-failed', message: 'Backup failed.' }],
            lastAttempt: {
              time: hoursAgo(1),
              backup: 'payments-daily-20261126030000',
              phase: 'Failed',
              method: 'fs-backup',
              outcome: 'not-attempted',
            },
          },
        ]}
      />,
    );
    const attempt = within(rowOf('cache')).getByText(/^Last attempt:/);
    expect(attempt.textContent).toMatch(
      /^Last attempt: Not attempted \(Backup payments-daily-20261126030000: Failed\)/,
    );
    expect(attempt.textContent).not.toMatch(/Completed/);
  });

  it("shows a failed copy of this volume as Failed, with Velero's message", async () => {
    await renderWithStorage(
      <VolumesTable
        claims={[
          {
            ...failingClaim,
            lastAttempt: { ...failingClaim.lastAttempt!, outcome: 'failed' },
          },
        ]}
      />,
    );
    const attempt = within(rowOf('cache')).getByText(/^Last attempt:/);
    expect(attempt.textContent).toMatch(/^Last attempt: Failed/);
    expect(attempt.textContent).toMatch(/timed out after 4h0m0s/);
  });
});
