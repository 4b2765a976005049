import * as k from '../testing/objects';
import { contextFor, protectedScenario, stateOf } from '../testing/scenario';
import { RESOURCE_KINDS } from '../state/resourceKinds';
import { clusterUnknownReasons, staleKinds } from './clusterReadability';
import { createClaimEvaluator } from './evaluateClaim';

const NOW = new Date(k.NOW).getTime();

function confirmedState(atMs: number) {
  const state = stateOf(protectedScenario());
  for (const kind of RESOURCE_KINDS) state.confirm(kind, atMs);
  return state;
}

describe('freshness is part of readability', () => {
  it('a protected claim stays protected while its data is fresh', () => {
    const state = confirmedState(NOW - 10_000);
    const ctx = contextFor({ staleAfterSeconds: 60 });
    expect(createClaimEvaluator(state, ctx)('app/data')?.verdict).toBe(
      'protected',
    );
    expect(clusterUnknownReasons(state, ctx)).toEqual([]);
  });

  it('data older than staleAfterSeconds is unknown, naming the kind and its age', () => {
    const state = confirmedState(NOW - 10_000);
    state.confirm('Pod', NOW - 1000);
    state.confirm('PersistentVolume', NOW - 1000);
    state.confirm('PersistentVolumeClaim', NOW - 1000);
    state.confirm('StorageClass', NOW - 1000);
    state.confirm('Namespace', NOW - 1000);
    state.confirm('ConfigMap', NOW - 1000);
    const ctx = contextFor({ staleAfterSeconds: 5 });
    const coverage = createClaimEvaluator(state, ctx)('app/data');
    expect(coverage?.verdict).toBe('unknown');
    const reason = coverage!.reasons.find(
      r => r.code === 'data-stale' && /velero/.test(r.message),
    );
    expect(reason?.message).toMatch(
      /backups\.velero\.io \(last confirmed 10s ago\)/,
    );
    expect(reason?.message).toMatch(/older than the 5s allowed/);
    // The core kinds were confirmed in time: one reason, for Velero's kinds.
    expect(coverage!.reasons.map(r => r.code)).toEqual(['data-stale']);
  });

  it('a kind never confirmed is unknown (a first list that failed with 500)', () => {
    const state = confirmedState(NOW);
    const fresh = stateOf(protectedScenario());
    for (const kind of RESOURCE_KINDS)
      if (kind !== 'Pod') fresh.confirm(kind, NOW);
    const ctx = contextFor({ staleAfterSeconds: 300 });
    expect(staleKinds(state, ctx)).toEqual([]);
    expect(staleKinds(fresh, ctx)).toEqual([{ kind: 'Pod' }]);
    const coverage = createClaimEvaluator(fresh, ctx)('app/data');
    expect(coverage?.verdict).toBe('unknown');
    expect(coverage?.reasons[0].message).toMatch(/pods \(never confirmed\)/);
  });

  it('whatever the status says: stale data is unknown even when "readable"', () => {
    const state = confirmedState(NOW - 3_600_000);
    const coverage = createClaimEvaluator(
      state,
      contextFor({ staleAfterSeconds: 300 }),
    )('app/data');
    expect(coverage?.verdict).toBe('unknown');
    expect(coverage?.reasons.map(r => r.code)).toEqual([
      'data-stale',
      'data-stale',
    ]);
  });

  it('ignores kinds that are forbidden or absent (their own reasons, if required)', () => {
    const state = confirmedState(NOW);
    state.setReadability('ConfigMap', { status: 'forbidden' });
    state.setReadability('DeleteBackupRequest', { status: 'absent' });
    const ctx = contextFor({ staleAfterSeconds: 60 });
    expect(staleKinds(state, ctx)).toEqual([]);
    expect(createClaimEvaluator(state, ctx)('app/data')?.verdict).toBe(
      'protected',
    );
  });

  it('without staleAfterSeconds (snapshots), data does not age', () => {
    const state = stateOf(protectedScenario());
    expect(createClaimEvaluator(state, contextFor())('app/data')?.verdict).toBe(
      'protected',
    );
  });
});
