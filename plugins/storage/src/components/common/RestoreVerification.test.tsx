import { render, screen } from '@testing-library/react';
import type { ClaimRestoreVerification } from '@gitops-storage/plugin-storage-common';
import { RestoreVerification } from './RestoreVerification';
import {
  coverageQueryFromSearchParams,
  coverageQueryToSearchParams,
} from '../../api/coverageQuery';

const overdue: ClaimRestoreVerification = {
  status: 'overdue',
  intervalSeconds: 30 * 86400,
  lastSuccessfulRestore: {
    time: '2026-10-12T10:31:44Z',
    restore: 'payments-daily-20261012020000-20261012100000',
    backup: 'payments-daily-20261012020000',
    namespace: 'payments-restore-test',
    drill: true,
    method: 'fs-backup',
    phase: 'Completed',
    outcome: 'completed',
  },
  reasons: [
    {
      code: 'restore-test-overdue',
      message: 'The last successful restore finished 45 days ago.',
    },
  ],
};

describe('RestoreVerification', () => {
  it('says which backup was restored, into which namespace, and why it is overdue', () => {
    render(<RestoreVerification restore={overdue} />);
    expect(screen.getByText('Restore test overdue')).toBeInTheDocument();
    const text = document.body.textContent ?? '';
    expect(text).toContain('from backup payments-daily-20261012020000');
    expect(text).toContain('into namespace payments-restore-test (drill)');
    expect(screen.getByLabelText('Restore reasons').textContent).toContain(
      '(restore-test-overdue)',
    );
  });

  it('compact: status and last restore only', () => {
    render(<RestoreVerification restore={overdue} compact />);
    expect(screen.queryByLabelText('Restore reasons')).toBeNull();
  });

  it('a volume without restore verification says none was asked', () => {
    render(<RestoreVerification />);
    expect(screen.getByText('No restore test asked')).toBeInTheDocument();
  });
});

describe('the restore filter in the URL', () => {
  it('round-trips and drops unknown statuses', () => {
    const params = coverageQueryToSearchParams({
      restore: ['overdue', 'none'],
    });
    expect(params.toString()).toBe('restore=overdue&restore=none');
    expect(
      coverageQueryFromSearchParams(
        new URLSearchParams('restore=overdue&restore=bogus'),
      ),
    ).toEqual({ restore: ['overdue'] });
  });
});
