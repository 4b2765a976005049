/**
 * Backup verdicts, in the order they are decided: the first that applies wins
 * (see DESIGN.md "Contract: verdicts").
 * @public
 */
export const VERDICTS = [
  'unknown',
  'waived',
  'unprotected',
  'failing',
  'stale',
  'protected',
] as const;

/** @public */
export type Verdict = (typeof VERDICTS)[number];

/**
 * How bad a verdict is, for "worst first" ordering and an entity's worst
 * verdict. Data without any backup is worst; data we could not read comes
 * right after the known-bad ones, never next to `protected`.
 * @public
 */
export const VERDICT_SEVERITY: Readonly<Record<Verdict, number>> = {
  unprotected: 5,
  failing: 4,
  unknown: 3,
  stale: 2,
  waived: 1,
  protected: 0,
};

/** Verdicts from worst to best. @public */
export const VERDICTS_WORST_FIRST: readonly Verdict[] = [...VERDICTS].sort(
  (a, b) => VERDICT_SEVERITY[b] - VERDICT_SEVERITY[a],
);

/** The worst of some verdicts, or undefined for none. @public */
export function worstVerdict(verdicts: Iterable<Verdict>): Verdict | undefined {
  let worst: Verdict | undefined;
  for (const v of verdicts) {
    if (worst === undefined || VERDICT_SEVERITY[v] > VERDICT_SEVERITY[worst]) {
      worst = v;
    }
  }
  return worst;
}

/** @public */
export function isVerdict(value: unknown): value is Verdict {
  return (VERDICTS as readonly unknown[]).includes(value);
}

/** A verdict count with every verdict present. @public */
export function emptyVerdictCounts(): Record<Verdict, number> {
  return {
    unknown: 0,
    waived: 0,
    unprotected: 0,
    failing: 0,
    stale: 0,
    protected: 0,
  };
}
