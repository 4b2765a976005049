/**
 * Share one copy of strings that repeat across many folded copies (backup
 * names, phases, the Velero namespace): every parsed object carries its own
 * copy otherwise, and the evidence of 50,000 volumes would keep them all.
 * Bounded: the pool is dropped when it grows past its limit.
 */
export function createInterner(limit = 50_000): (text: string) => string {
  let pool = new Map<string, string>();
  return text => {
    const known = pool.get(text);
    if (known !== undefined) return known;
    if (pool.size >= limit) pool = new Map();
    pool.set(text, text);
    return text;
  };
}
