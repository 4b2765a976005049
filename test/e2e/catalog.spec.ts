import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

test('a guest signs in and finds an example entity in the catalog', async ({
  page,
}, testInfo) => {
  await signInAsGuest(page);

  await page.goto('/catalog');
  await expect(
    page.getByRole('link', { name: 'example-website', exact: true }),
  ).toBeVisible();

  await page.screenshot({
    path: testInfo.outputPath('catalog.png'),
    fullPage: true,
  });
});
