import { screen, within } from '@testing-library/react';
import type { ScheduleOwner } from '@gitops-storage/plugin-storage-common';
import { claim, staleClaim, unprotectedClaim } from '../__testUtils__/fixtures';
import { renderWithStorage } from '../__testUtils__/testApp';
import { fixForClaim } from '../components/common/FixTemplateLink';
import { VolumesTable } from '../components/EntityStorage/VolumesTable';
import { owningBackupPolicy } from './policyTemplateLink';
import { fixTemplateFor, fixTemplateUrl } from './templateLinks';

const policy: ScheduleOwner = {
  kind: 'BackupPolicy',
  name: 'backup',
  namespace: 'payments',
  graph: 'backup-policy',
};

/** The stale claim, its covering Schedule made by the namespace's BackupPolicy. */
const kroStale = claim({
  ...staleClaim,
  schedules: [
    {
      name: 'ns-payments',
      cron: '0 */3 * * *',
      method: 'fs-backup',
      owner: policy,
    },
  ],
});

describe('the fix link of a gap whose Schedule a BackupPolicy makes', () => {
  it('opens the policy template, not the static one', () => {
    expect(fixTemplateFor(kroStale)).toEqual({
      template: 'storage-kro-backup-policies',
      title: 'Change the BackupPolicy of namespace payments',
      formData: { policies: [{ namespace: 'payments', tiers: ['bulk'] }] },
    });
    // Without kro's labels the same gap opens the static template.
    expect(fixTemplateFor(staleClaim)?.template).toBe(
      'storage-velero-schedules',
    );
  });

  it('knows a paused Schedule’s policy from its reason', () => {
    const paused = claim({
      verdict: 'unprotected',
      schedules: [],
      reasons: [
        {
          code: 'schedule-paused',
          message: 'paused',
          schedule: 'ns-payments',
          scheduleOwner: policy,
        },
      ],
    });
    expect(fixTemplateFor(paused)?.template).toBe(
      'storage-kro-backup-policies',
    );
    expect(owningBackupPolicy(paused)).toEqual(policy);
  });

  it('ignores owners of other kinds, and gaps that no Schedule names', () => {
    const other = claim({
      ...kroStale,
      schedules: [
        { ...kroStale.schedules[0], owner: { ...policy, kind: 'App' } },
      ],
    });
    expect(fixTemplateFor(other)?.template).toBe('storage-velero-schedules');
    expect(fixTemplateFor(unprotectedClaim)?.template).toBe(
      'storage-velero-schedules',
    );
  });

  it('links to the template with the form filled in', () => {
    const url = fixTemplateUrl('/create', fixTemplateFor(kroStale)!);
    expect(url).toMatch(
      /^\/create\/templates\/default\/storage-kro-backup-policies\?formData=/,
    );
    expect(JSON.parse(decodeURIComponent(url.split('formData=')[1]))).toEqual({
      policies: [{ namespace: 'payments', tiers: ['bulk'] }],
    });
  });

  it('offers no new policy for a gap a schedule does not close', () => {
    expect(
      fixForClaim(
        claim({
          ...kroStale,
          reasons: [{ code: 'label-selector-mismatch', message: 'x' }],
        }),
      ),
    ).toBeUndefined();
  });

  it('shows the owning BackupPolicy next to the Schedule and links the policy template', async () => {
    await renderWithStorage(<VolumesTable claims={[kroStale]} />);
    const row = screen.getByText('ledger').closest('tr')!;
    expect(
      within(row).getByText('kro: BackupPolicy payments/backup'),
    ).toBeInTheDocument();
    const link = within(row).getByRole('link', {
      name: 'Change the BackupPolicy of namespace payments',
    });
    expect(link).toHaveTextContent('Set up backups');
    expect(link.getAttribute('href')).toContain('storage-kro-backup-policies');
  });
});
