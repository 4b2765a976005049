import { render, screen } from '@testing-library/react';
import { DataAge } from './DataAge';
import { protectedDetail } from '../CoveragePage/SummaryTiles';

const NOW = Date.parse('2026-12-01T12:00:00Z');

describe('DataAge', () => {
  it('shows how old each cluster’s data is, never "just now" for old data', () => {
    render(
      <DataAge
        now={NOW}
        clusters={[
          {
            name: 'prod',
            status: 'lagging',
            source: 'kubernetes',
            staleAfterSeconds: 300,
            lastConfirmedAt: '2026-12-01T11:00:00Z',
          },
          {
            name: 'edge',
            status: 'synced',
            source: 'kubernetes',
            staleAfterSeconds: 300,
            lastConfirmedAt: '2026-12-01T11:57:00Z',
          },
        ]}
      />,
    );
    const text = screen.getByLabelText('Data age by cluster').textContent;
    expect(text).toContain('prod: last confirmed 1 hour ago');
    expect(text).toContain('(too old: its volumes are unknown)');
    expect(text).toContain('edge: last confirmed 3 minutes ago');
    expect(text).not.toContain('just now');
    expect(text?.match(/too old/g)).toHaveLength(1);
  });

  it('says a live cluster that was never read is not read yet', () => {
    render(
      <DataAge
        now={NOW}
        clusters={[
          {
            name: 'dead',
            status: 'unreachable',
            source: 'kubernetes',
            staleAfterSeconds: 300,
            resources: [{ resource: 'Pod', status: 'unreachable' }],
          },
        ]}
      />,
    );
    expect(screen.getByLabelText('Data age by cluster')).toHaveTextContent(
      'dead: not read yet (too old: its volumes are unknown)',
    );
  });
});

describe('protectedDetail', () => {
  const counts = (unknown: number) => ({
    total: 10,
    byVerdict: {
      protected: 2,
      waived: 1,
      unknown,
      unprotected: 7 - unknown,
      failing: 0,
      stale: 0,
    },
  });

  it('counts unknown volumes as unknown, with what the share could be', () => {
    expect(protectedDetail(counts(0))).toBe('2 protected + 1 waived');
    expect(protectedDetail(counts(5))).toBe(
      '2 protected + 1 waived; 5 unknown, not counted (up to 80% if they are protected)',
    );
  });
});
