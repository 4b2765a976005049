import { z } from 'zod';
import { repoPathProblem } from '../repo/repoPath';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A Kubernetes name that must be a DNS-1123 label (namespaces, tiers, ids). */
export const dnsLabel = z
  .string()
  .max(63, 'must be at most 63 characters')
  .regex(
    DNS_LABEL,
    'must be lower-case letters, digits and "-", starting and ending with a letter or digit',
  );

/** A Kubernetes object name that must be a DNS-1123 subdomain (PVCs, classes). */
export const dnsSubdomain = z
  .string()
  .max(253, 'must be at most 253 characters')
  .regex(
    DNS_SUBDOMAIN,
    'must be lower-case letters, digits, "-" and ".", starting and ending with a letter or digit',
  );

/** A host name or IPv4 address (an NFS server, a node name, an ingress host). */
export const hostName = z
  .string()
  .max(253)
  .regex(
    /^([A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?)(\.[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?)*$/,
    'must be a host name or IPv4 address',
  );

/** A repository path: relative, POSIX, without `..`. */
export const repoPath = z.string().superRefine((value, ctx) => {
  const problem = repoPathProblem(value);
  if (problem)
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `path ${problem}` });
});

/** An absolute path on a node or server, without `..` and without a trailing `/`. */
export const absolutePath = z.string().superRefine((value, ctx) => {
  const rules: Array<[boolean, string]> = [
    [!value.startsWith('/'), 'must be an absolute path'],
    [value.includes('\0'), 'must not contain a NUL character'],
    [value.split('/').includes('..'), "must not contain '..'"],
    [value === '/', 'must not be the root folder'],
    [value.endsWith('/'), 'must not end with "/"'],
    [/\s/.test(value), 'must not contain white space'],
  ];
  const bad = rules.find(([broken]) => broken);
  if (bad) ctx.addIssue({ code: z.ZodIssueCode.custom, message: bad[1] });
});

const QUANTITY = /^(\d+(\.\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;

/** A storage size as a Kubernetes quantity greater than zero, e.g. `50Gi`. */
export const storageSize = z.string().superRefine((value, ctx) => {
  const match = QUANTITY.exec(value);
  if (!match) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `'${value}' is not a storage size; write a number with a unit such as 50Gi, 500Mi or 2Ti`,
    });
  } else if (Number(match[1]) <= 0) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: 'must be greater than zero',
    });
  }
});

/** Access modes a PVC may ask for. */
export const accessMode = z.enum([
  'ReadWriteOnce',
  'ReadOnlyMany',
  'ReadWriteMany',
  'ReadWriteOncePod',
]);
export type AccessMode = z.infer<typeof accessMode>;

/** An http(s) URL. */
/** Control characters and whitespace: a URL parser drops some silently, the YAML would keep them. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_OR_SPACE = /[\s\u0000-\u001f\u007f-\u009f]/;

export const httpUrl = z
  .string()
  .refine(
    value => !CONTROL_OR_SPACE.test(value),
    'must not contain whitespace or control characters',
  )
  .pipe(z.string().url('must be a URL'))
  .refine(
    value => /^https?:\/\//.test(value),
    'must be an http:// or https:// URL',
  );

/** A git repository URL as Argo CD takes it (https, ssh, git@ or file). */
export const gitUrl = z
  .string()
  .min(1)
  .refine(
    value => !CONTROL_OR_SPACE.test(value),
    'must not contain whitespace or control characters',
  )
  .refine(
    value => /^(https?:\/\/|ssh:\/\/|git@|file:\/\/)\S+$/.test(value),
    'must be a git URL (https://, ssh://, git@… or file://)',
  );

/** A chart version: semantic version without range operators. */
export const chartVersion = z
  .string()
  .regex(
    /^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/,
    'must be an exact version such as 12.1.0 (no ranges)',
  );

/** A container image reference with an explicit tag. */
export const imageWithTag = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9./_-]*(:\d+)?\/?[a-z0-9./_-]*:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/,
    'must be an image with an explicit tag, e.g. velero/velero-plugin-for-aws:v1.14.1',
  );

/** RFC 3339 date-time with an offset, e.g. 2027-01-31T00:00:00Z. */
export const rfc3339 = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
    'must be an RFC 3339 time such as 2027-01-31T00:00:00Z',
  )
  .refine(value => !Number.isNaN(Date.parse(value)), 'is not a real date');

/** A cloud region as S3 and MinIO name it (us-east-1, eu-central-2, minio). */
export const regionName = z
  .string()
  .max(63)
  .regex(
    /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/,
    'must be a region name such as us-east-1 or minio (lower-case letters, digits and "-")',
  );
