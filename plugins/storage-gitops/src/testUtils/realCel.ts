/** The part of @marcbachmann/cel-js's Environment the tests use. */
export interface RealCel {
  evaluate(expression: string, context: object): unknown;
  registerFunction(signature: string, fn: (...args: any[]) => unknown): RealCel;
}

/**
 * A real CEL implementation, to cross-check kro expressions with: dynamic
 * variables and optional types (`?.`), as kro's CEL environment has them.
 * The package is ESM only, so it is loaded with a dynamic import (Jest
 * runs these tests as CommonJS).
 */
export async function realCel(): Promise<RealCel> {
  // A dev dependency: only tests import testUtils.
  // eslint-disable-next-line @backstage/no-undeclared-imports
  const { Environment } = await import('@marcbachmann/cel-js');
  return new Environment({
    unlistedVariablesAreDyn: true,
    enableOptionalTypes: true,
  }) as unknown as RealCel;
}
