import type { ProjectedClaim } from '../state/projections';
import { waiverStatus } from './waiver';

const now = Date.parse('2026-11-26T06:00:00Z');
const claim = (waiver?: string, waiverExpires?: string): ProjectedClaim => ({
  namespace: 'media',
  name: 'scratch',
  uid: 'u1',
  labels: {},
  accessModes: [],
  waiver,
  waiverExpires,
});

describe('waiverStatus', () => {
  it.each([
    ['no waiver', claim(), 'none', undefined],
    ['waiver without expiry', claim('scratch data'), 'active', 'waived'],
    [
      'waiver expiring later',
      claim('scratch data', '2027-01-31T00:00:00Z'),
      'active',
      'waived',
    ],
    [
      'waiver expired',
      claim('scratch data', '2026-10-31T00:00:00Z'),
      'expired',
      'waiver-expired',
    ],
    [
      'waiver expiring right now',
      claim('scratch data', '2026-11-26T06:00:00Z'),
      'expired',
      'waiver-expired',
    ],
    [
      'expiry that is not a time',
      claim('scratch data', 'next year'),
      'expired',
      'waiver-expired',
    ],
    [
      'expiry without a waiver',
      claim(undefined, '2027-01-31T00:00:00Z'),
      'none',
      undefined,
    ],
  ])('%s', (_name, c, state, code) => {
    const status = waiverStatus(c, now);
    expect(status.state).toBe(state);
    expect(status.state === 'none' ? undefined : status.reason.code).toBe(code);
  });

  it('quotes the waiver and its expiry', () => {
    const status = waiverStatus(
      claim('rebuilt nightly', '2027-01-31T00:00:00Z'),
      now,
    );
    expect(status.state === 'active' && status.reason.message).toMatch(
      /"rebuilt nightly" \(until 2027-01-31T00:00:00Z\)/,
    );
  });
});
