/** Field names that carry secrets; a generator never takes them. */
const SECRET_FIELD =
  /^(password|passwd|secret|secretcontents|secretkey|secretaccesskey|accesskey|accesskeyid|awsaccesskeyid|awssecretaccesskey|privatekey|token|apikey|cloud)$/;

const SECRET_VALUE_PATTERNS: Array<{ pattern: RegExp; what: string }> = [
  { pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/, what: 'a PEM private key' },
  { pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/, what: 'an AWS access key id' },
  {
    pattern: /aws_(secret_access_key|access_key_id|session_token)\s*=/i,
    what: 'an AWS credentials file',
  },
  {
    pattern: /^(ghp|gho|ghs|github_pat|glpat|xox[bap])[-_][A-Za-z0-9_-]{16,}$/,
    what: 'an access token',
  },
];

/** A long run of mixed-case letters and digits, as in a secret access key. */
function looksLikeRandomKey(value: string): boolean {
  return (
    value.length >= 32 &&
    /^[A-Za-z0-9/+=_-]+$/.test(value) &&
    /[a-z]/.test(value) &&
    /[A-Z]/.test(value) &&
    /\d/.test(value)
  );
}

/** Where secret material was found in an input, and what it looked like. */
export interface SecretFinding {
  field: string;
  what: string;
}

/**
 * Finds the first field of a raw input that holds (or is named for) key
 * material. Generators refuse such input: secrets are referenced by the name
 * of an existing Secret and never written into git.
 */
export function findSecretMaterial(
  input: unknown,
  path: string[] = [],
): SecretFinding | undefined {
  if (typeof input === 'string') {
    for (const { pattern, what } of SECRET_VALUE_PATTERNS) {
      if (pattern.test(input))
        return { field: path.join('.') || '(input)', what };
    }
    if (looksLikeRandomKey(input)) {
      return { field: path.join('.') || '(input)', what: 'a random key' };
    }
    return undefined;
  }
  if (Array.isArray(input)) {
    for (let i = 0; i < input.length; i++) {
      const found = findSecretMaterial(input[i], [...path, String(i)]);
      if (found) return found;
    }
    return undefined;
  }
  if (input && typeof input === 'object') {
    for (const [key, value] of Object.entries(input)) {
      const normalized = key.toLowerCase().replace(/[-_]/g, '');
      if (
        SECRET_FIELD.test(normalized) &&
        value !== undefined &&
        value !== null &&
        value !== ''
      ) {
        return {
          field: [...path, key].join('.'),
          what: 'a field for secret material',
        };
      }
      const found = findSecretMaterial(value, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}
