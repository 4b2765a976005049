import { parse } from 'yaml';
import { driveInventoryGraph } from './graph';

// The package is ESM only: loaded with a dynamic import (Jest runs these tests as CommonJS).
let cel: { evaluate(expression: string, context: object): unknown };
beforeAll(async () => {
  const { Environment } = await import('@marcbachmann/cel-js');
  cel = new Environment({
    unlistedVariablesAreDyn: true,
    enableOptionalTypes: true,
  });
});

/** The graph's readyWhen expressions for its PersistentVolumes, without kro's ${…}. */
function volumeReadyWhen(): string[] {
  const graph = parse(driveInventoryGraph(() => undefined));
  const volumes = graph.spec.resources.find(
    (r: { id: string }) => r.id === 'localVolumes',
  );
  return volumes.readyWhen.map((e: string) => e.slice(2, -1));
}

describe('drive-inventory readyWhen, evaluated by a real CEL implementation', () => {
  it.each([
    // A PersistentVolume kro has just created: the API server has not set a status yet.
    [{}, false],
    [{ status: {} }, false],
    [{ status: { phase: 'Pending' } }, false],
    [{ status: { phase: 'Available' } }, true],
    [{ status: { phase: 'Bound' } }, true],
  ])('is %j → %s, never an error', (each, ready) => {
    for (const expression of volumeReadyWhen()) {
      expect(cel.evaluate(expression, { each })).toBe(ready);
    }
  });
});
