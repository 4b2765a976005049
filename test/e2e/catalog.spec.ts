import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

test('a guest signs in and finds an example service in the catalog', async ({
  page,
}, testInfo) => {
  await signInAsGuest(page);

  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Catalog', exact: true })
    .click();
  await expect(
    page.getByRole('link', { name: 'payments-api', exact: true }),
  ).toBeVisible();

  await page.screenshot({
    path: testInfo.outputPath('catalog.png'),
    fullPage: true,
  });
});
