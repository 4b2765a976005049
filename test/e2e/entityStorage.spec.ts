import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

test("a service owner reads their service's Storage tab", async ({
  page,
}, testInfo) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/payments-api');
  // The entity's Storage tab (the sidebar's "Storage" is the coverage page).
  await page
    .getByRole('tab', { name: 'Storage' })
    .or(page.locator('a[href$="/component/payments-api/storage"]'))
    .first()
    .click();

  await expect(page.getByText('Storage summary')).toBeVisible();
  // The volumes table (the history card below has a table of its own).
  const volumes = page
    .getByRole('table')
    .filter({ hasText: 'payments-api-cache' })
    .filter({ has: page.getByRole('columnheader', { name: /Capacity/ }) });
  await expect(volumes).toBeVisible();

  // Verdicts come from the demo snapshot through the backend's engine.
  const cache = volumes
    .getByRole('row')
    .filter({ hasText: 'payments-api-cache' });
  await expect(cache).toContainText('Unprotected');
  await expect(cache).toContainText('backup-volumes-excludes');
  const database = volumes
    .getByRole('row')
    .filter({ hasText: 'data-payments-db-0' });
  await expect(database).toContainText('Protected');
  await expect(volumes).toContainText('Waived');

  // A partially readable cluster is said so, not hidden.
  await expect(
    page.getByText('could only be read in part').first(),
  ).toBeVisible();

  await page.screenshot({
    path: testInfo.outputPath('entity-storage-tab.png'),
    fullPage: true,
  });
});
