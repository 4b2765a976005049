import { parse } from 'yaml';
import { realCel, type RealCel } from '../../testUtils/realCel';
import { driveInventoryGraph } from './graph';

let cel: RealCel;
beforeAll(async () => {
  cel = await realCel();
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
