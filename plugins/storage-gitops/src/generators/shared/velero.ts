import { z } from 'zod';

const CRON_FIELD = /^(\*|\d+(-\d+)?)(\/\d+)?(,(\*|\d+(-\d+)?)(\/\d+)?)*$/;

/** A five-field cron expression as Velero schedules take it. */
export const cronSchedule = z.string().refine(value => {
  const fields = value.trim().split(/\s+/);
  return (
    (fields.length === 5 && fields.every(field => CRON_FIELD.test(field))) ||
    /^@(every \d+[hm]|daily|hourly|weekly|monthly)$/.test(value)
  );
}, 'must be a five-field cron expression such as "0 2 * * *"');

/** A Go duration as Velero takes for ttl, e.g. 720h or 72h30m. */
export const veleroDuration = z
  .string()
  .regex(/^(\d+h)?(\d+m)?(\d+s)?$/, 'must be a duration such as 720h or 72h30m')
  .refine(
    value => value.length > 0 && !/^(0h)?(0m)?(0s)?$/.test(value),
    'must be longer than zero',
  );

/** Compares dotted versions numerically: -1, 0 or 1. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) =>
    v.replace(/^v/, '').split('-')[0].split('.').map(Number);
  const [pa, pb] = [parse(a), parse(b)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}
