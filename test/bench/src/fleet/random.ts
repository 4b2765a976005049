/**
 * Deterministic, random-access "randomness": every generated value is a hash
 * of (seed, cluster, purpose, index…), so any object can be generated on its
 * own, in any order, and always comes out the same.
 */

/** Mixes 32-bit integers into one well-spread unsigned 32-bit hash. */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    let k = Math.imul(part | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A number in [0, 1) from the parts. */
export function unit(...parts: number[]): number {
  return hash32(...parts) / 0x1_0000_0000;
}

/** An integer in [min, max] from the parts. */
export function between(min: number, max: number, ...parts: number[]): number {
  return min + (hash32(...parts) % (max - min + 1));
}

const BYTE_HEX = Array.from({ length: 256 }, (_, i) =>
  i.toString(16).padStart(2, '0'),
);

/** The low `digits` hex digits of an unsigned 32-bit value (table lookup: hot path). */
function hex(value: number, digits: number): string {
  const full =
    BYTE_HEX[(value >>> 24) & 255] +
    BYTE_HEX[(value >>> 16) & 255] +
    BYTE_HEX[(value >>> 8) & 255] +
    BYTE_HEX[value & 255];
  return digits === 8 ? full : full.slice(8 - digits);
}

/** A version-4-shaped UUID from the parts, as Kubernetes gives objects. */
export function uuid(...parts: number[]): string {
  const a = hash32(...parts, 1);
  const b = hash32(...parts, 2);
  const c = hash32(...parts, 3);
  const d = hash32(...parts, 4);
  return `${hex(a, 8)}-${hex(b, 4)}-4${hex(b >>> 16, 3)}-${hex(
    0x8000 | (c & 0x3fff),
    4,
  )}-${hex(c >>> 16, 4)}${hex(d, 8)}`;
}

const ALPHANUMERIC = 'bcdfghjklmnpqrstvwxz2456789';

/** A suffix like Kubernetes' generateName adds (5 characters). */
export function nameSuffix(...parts: number[]): string {
  let out = '';
  for (let i = 0; i < 5; i++) {
    out += ALPHANUMERIC[hash32(...parts, i) % ALPHANUMERIC.length];
  }
  return out;
}

/** A hex string of `length` characters (snapshot ids, hashes). */
export function hexString(length: number, ...parts: number[]): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += hex(hash32(...parts, i), 8);
  return out.slice(0, length);
}
