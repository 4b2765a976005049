/**
 * Waits until the app the tests started has read the example catalog: a
 * cold backend reports ready before the catalog's first processing round,
 * which on a busy machine takes longer than one assertion waits.
 */
export default async function globalSetup(): Promise<void> {
  const port = process.env.E2E_BACKEND_PORT;
  if (process.env.PLAYWRIGHT_URL || !port) return;
  const api = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const refresh = await fetch(`${api}/api/auth/guest/refresh`, {
        headers: { 'x-requested-with': 'XMLHttpRequest' },
      });
      const { backstageIdentity } = (await refresh.json()) as {
        backstageIdentity: { token: string };
      };
      const entity = await fetch(
        `${api}/api/catalog/entities/by-name/component/default/payments-api`,
        { headers: { authorization: `Bearer ${backstageIdentity.token}` } },
      );
      if (entity.ok) return;
      last = `catalog answered ${entity.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
  throw new Error(`the catalog never listed payments-api (${last})`);
}
