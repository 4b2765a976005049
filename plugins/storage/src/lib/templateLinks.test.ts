import type {
  ReasonCode,
  Verdict,
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

  it('uses the first reason a template can address', () => {
    const fix = fixTemplateFor(
      claim({
        verdict: 'failing',
        reasons: [
          { code: 'bsl-unavailable', message: 'x' },
          { code: 'schedule-failed-validation', message: 'y' },
          { code: 'hostpath-volume-unsupported', message: 'z' },
        ],
      }),
    );
    expect(fix?.template).toBe('storage-velero-schedules');
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
