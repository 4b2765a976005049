import type { ClaimCoverage, Tier, Verdict } from '../model';
import { evaluateClaim } from '../engine/evaluateClaim';
import type { EvaluationContext } from '../engine/context';
import { ClusterState } from '../state/ClusterState';
import * as k from './objects';

/** The objects of a one-claim cluster, by kind, to override per test. */
export interface Scenario {
  claims: unknown[];
  volumes: unknown[];
  classes: unknown[];
  pods: unknown[];
  schedules: unknown[];
  backups: unknown[];
  podVolumeBackups: unknown[];
  dataUploads: unknown[];
  locations: unknown[];
  /** Anything else: namespaces, ConfigMaps, DeleteBackupRequests. */
  others?: unknown[];
}

export const TIERS: Tier[] = [
  {
    name: 'fast',
    storageClasses: ['storage-fast'],
    rpo: 'PT24H',
    rpoSeconds: 86400,
  },
  {
    name: 'hourly',
    storageClasses: ['storage-hourly'],
    rpo: 'PT1H',
    rpoSeconds: 3600,
  },
];

/**
 * A protected claim `app/data` on a local PV, mounted by running pod
 * `app-0`, under schedule `daily` (opt-out FSB) whose backup `daily-1`
 * completed 3.5 hours ago with a Completed PodVolumeBackup of the claim.
 */
export function protectedScenario(): Scenario {
  return {
    claims: [k.pvc()],
    volumes: [
      k.pv({ claim: { namespace: 'app', name: 'data', uid: 'uid-app-data' } }),
    ],
    classes: [k.storageClass()],
    pods: [k.pod()],
    schedules: [k.schedule()],
    backups: [k.backup({ name: 'daily-1', schedule: 'daily' })],
    podVolumeBackups: [k.pvb({ backup: 'daily-1' })],
    dataUploads: [],
    locations: [k.bsl()],
  };
}

export function stateOf(scenario: Scenario): ClusterState {
  const state = new ClusterState();
  for (const object of Object.values(scenario).flat()) {
    state.apply({ type: 'ADDED', object });
  }
  return state;
}

export function contextFor(
  overrides: Partial<EvaluationContext> = {},
): EvaluationContext {
  return { cluster: 'test', tiers: TIERS, now: new Date(k.NOW), ...overrides };
}

/** Evaluate `app/data` in a variation of the protected scenario. */
export function evaluateScenario(
  changes: Partial<Scenario> = {},
  ctx: Partial<EvaluationContext> = {},
  prepare?: (state: ClusterState) => void,
): ClaimCoverage {
  const state = stateOf({ ...protectedScenario(), ...changes });
  prepare?.(state);
  const coverage = evaluateClaim(state, 'app/data', contextFor(ctx));
  if (!coverage) throw new Error('claim app/data is missing from the scenario');
  return coverage;
}

export function codes(coverage: ClaimCoverage): string[] {
  return coverage.reasons.map(r => r.code);
}

/**
 * A table row of a verdict test: name, changes to the protected scenario,
 * the verdict and reason codes expected, and the evaluation context.
 */
export type VerdictRow = [
  string,
  Partial<Scenario>,
  Verdict,
  string[],
  Partial<EvaluationContext>?,
];

/** The verdict and reason codes of a coverage, for comparing with a row. */
export function verdictAndCodes(coverage: ClaimCoverage): {
  verdict: Verdict;
  codes: string[];
} {
  return { verdict: coverage.verdict, codes: codes(coverage) };
}
