import {
  REASON_CODES,
  type ReasonCode,
  type Verdict,
} from '@gitops-storage/plugin-storage-common';
import {
  claim,
  failingClaim,
  hostPathClaim,
  protectedClaim,
  staleClaim,
  unprotectedClaim,
  waivedClaim,
} from '../__testUtils__/fixtures';
import { fixTemplateFor, fixTemplateUrl } from './templateLinks';

describe('fixTemplateFor', () => {
  it('offers the schedules template for a namespace no schedule covers', () => {
    expect(fixTemplateFor(unprotectedClaim, 'payments')).toEqual({
      template: 'storage-velero-schedules',
      title: 'Set up backup schedules for namespace payments',
      formData: { namespaces: [{ name: 'payments', tiers: ['nfs'] }] },
    });
  });

  it('offers a replacement volume for a hostPath volume, leaving an unclassified tier for the user to choose', () => {
    expect(fixTemplateFor(hostPathClaim, 'payments')).toEqual({
      template: 'storage-volume-request',
      title: 'Request a replacement volume for scratch-logs',
      formData: {
        folder: 'apps/payments/payments/base',
        namespace: 'payments',
        claimName: 'scratch-logs',
        size: '5Gi',
        accessMode: 'ReadWriteOnce',
      },
    });
  });

  it('leaves the tiers of an unclassified claim for the user to choose', () => {
    expect(
      fixTemplateFor(
        claim({
          tier: 'unclassified',
          verdict: 'unprotected',
          reasons: [{ code: 'no-matching-schedule', message: 'x' }],
        }),
      )?.formData,
    ).toEqual({ namespaces: [{ name: 'payments' }] });
  });

  it('leaves out the service when the claim has no known entity', () => {
    const fix = fixTemplateFor(hostPathClaim);
    expect(fix?.formData).not.toHaveProperty('service');
  });

  it('offers the schedules template for stale backups', () => {
    expect(fixTemplateFor(staleClaim)?.formData).toEqual({
      namespaces: [{ name: 'payments', tiers: ['bulk'] }],
    });
  });

  it.each<[string, Verdict, ReasonCode]>([
    ['a failed volume backup', 'failing', 'volume-backup-failed'],
    ['an unavailable storage location', 'failing', 'bsl-unavailable'],
    ['a deliberate exclusion', 'unprotected', 'excluded-by-annotation'],
    ['a pod that is not running', 'unprotected', 'no-running-pod'],
  ])('offers nothing a template cannot fix: %s', (_, verdict, code) => {
    expect(
      fixTemplateFor(claim({ verdict, reasons: [{ code, message: 'x' }] })),
    ).toBeUndefined();
  });

  it('a hostPath volume gets its replacement volume whatever else is wrong: no Schedule can back it up', () => {
    const fix = fixTemplateFor(
      claim({
        verdict: 'failing',
        reasons: [
          { code: 'bsl-unavailable', message: 'x' },
          { code: 'no-matching-schedule', message: 'y' },
          { code: 'hostpath-volume-unsupported', message: 'z' },
        ],
      }),
    );
    expect(fix?.template).toBe('storage-volume-request');
  });

  it('never prefills the tier that gave a hostPath volume (a local tier whose class provisions hostPath)', () => {
    const fix = fixTemplateFor(
      claim({
        tier: 'local',
        storageClass: 'storage-local',
        volume: { name: 'pvc-1', source: 'hostPath' },
        verdict: 'unprotected',
        reasons: [{ code: 'hostpath-volume-unsupported', message: 'x' }],
      }),
    );
    expect(fix?.template).toBe('storage-volume-request');
    expect(fix?.formData).not.toHaveProperty('tier');
  });

  it.each<[string, ReasonCode[]]>([
    ['a failed run', ['stale-backup', 'backup-failed']],
    ['a failed volume copy', ['stale-backup', 'volume-backup-failed']],
    [
      'a missing storage location',
      ['stale-backup', 'storage-location-missing'],
    ],
    [
      'an exclusion by annotation',
      ['no-matching-schedule', 'excluded-by-annotation'],
    ],
    [
      'a label-selector mismatch',
      ['not-opted-in-fs-backup', 'label-selector-mismatch'],
    ],
    ['a pod that is not running', ['no-matching-schedule', 'no-running-pod']],
  ])(
    'offers no schedules link when a new Schedule would meet the same gap: %s',
    (_name, codes) => {
      expect(
        fixTemplateFor(
          claim({
            verdict: 'stale',
            reasons: codes.map(code => ({ code, message: 'x' })),
          }),
        ),
      ).toBeUndefined();
    },
  );

  it('a paused Schedule gets the schedules link only when it is the one the template writes (ns-<namespace>)', () => {
    const paused = (schedule: string) =>
      fixTemplateFor(
        claim({
          verdict: 'unprotected',
          reasons: [{ code: 'schedule-paused', message: 'x', schedule }],
        }),
      )?.template;
    expect(paused('ns-payments')).toBe('storage-velero-schedules');
    expect(paused('payments-daily')).toBeUndefined();
  });

  it.each<Verdict>(['protected', 'waived', 'unknown'])(
    'offers nothing for %s volumes',
    verdict => {
      expect(
        fixTemplateFor(
          claim({
            verdict,
            reasons: [{ code: 'no-matching-schedule', message: 'x' }],
          }),
        ),
      ).toBeUndefined();
    },
  );

  it('offers nothing for the fixtures that need no template', () => {
    expect(fixTemplateFor(failingClaim)).toBeUndefined();
    expect(fixTemplateFor(protectedClaim)).toBeUndefined();
    expect(fixTemplateFor(waivedClaim)).toBeUndefined();
  });
});

/**
 * Every reason code, alone on a volume, and the template that changes its
 * outcome (undefined: none does). Written out here, not derived from the
 * code, so a change of mind is a visible change of this table.
 */
const EXPECTED: Record<
  ReasonCode,
  'storage-velero-schedules' | 'storage-volume-request' | undefined
> = {
  'no-matching-schedule': 'storage-velero-schedules',
  'not-opted-in-fs-backup': 'storage-velero-schedules',
  'snapshot-unsupported-volume': 'storage-velero-schedules',
  'snapshot-skipped-for-fs-backup': 'storage-velero-schedules',
  'csi-snapshots-disabled': 'storage-velero-schedules',
  'snapshot-needs-storage-class': 'storage-velero-schedules',
  'stale-backup': 'storage-velero-schedules',
  'ttl-shorter-than-rpo': 'storage-velero-schedules',
  // Someone else's Schedule (reason.schedule is set to 'other-daily' below).
  'schedule-paused': undefined,
  'hostpath-volume-unsupported': 'storage-volume-request',
  'namespace-excluded': undefined,
  'label-selector-mismatch': undefined,
  'resource-filter-excludes': undefined,
  'excluded-by-annotation': undefined,
  'excluded-by-label': undefined,
  'namespace-excluded-by-label': undefined,
  'volume-policy-skip': undefined,
  'volume-policy-snapshot': undefined,
  'no-running-pod': undefined,
  'volume-not-mounted': undefined,
  'block-volume-unsupported': undefined,
  'volume-unbound': undefined,
  'schedule-failed-validation': undefined,
  'bsl-unavailable': undefined,
  'storage-location-missing': undefined,
  'backup-failed': undefined,
  'volume-backup-failed': undefined,
  'evidence-contradicts-model': undefined,
  'velero-unreadable': undefined,
  'cluster-unreachable': undefined,
  'data-stale': undefined,
  'never-backed-up': undefined,
  'awaiting-first-backup': undefined,
  'backup-in-progress': undefined,
  'backup-expired': undefined,
  'backup-being-deleted': undefined,
  'clock-skew': undefined,
  'foreign-backup-ignored': undefined,
  waived: undefined,
  'waiver-expired': undefined,
};

describe('fix links over every reason code', () => {
  it('the table covers exactly the codes of storage-common', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...REASON_CODES].sort());
  });

  it.each([...REASON_CODES])('%s', code => {
    const fix = fixTemplateFor(
      claim({
        verdict: 'unprotected',
        reasons: [{ code, message: 'x', schedule: 'other-daily' }],
      }),
      'payments',
    );
    expect(fix?.template).toBe(EXPECTED[code]);
    // A schedules link prefills the claim's namespace and tier.
    expect(
      fix?.template === 'storage-velero-schedules' ? fix.formData : undefined,
    ).toEqual(
      EXPECTED[code] === 'storage-velero-schedules'
        ? { namespaces: [{ name: 'payments', tiers: ['fast'] }] }
        : undefined,
    );
  });
});

describe('fixTemplateUrl', () => {
  it('builds a scaffolder URL with URL-encoded JSON form data', () => {
    const fix = fixTemplateFor(unprotectedClaim)!;
    const url = fixTemplateUrl('/create/', fix);
    expect(url).toBe(
      '/create/templates/default/storage-velero-schedules?formData=%7B%22namespaces%22%3A%5B%7B%22name%22%3A%22payments%22%2C%22tiers%22%3A%5B%22nfs%22%5D%7D%5D%7D',
    );
    const formData = new URL(url, 'http://x').searchParams.get('formData');
    expect(JSON.parse(formData!)).toEqual(fix.formData);
  });
});
