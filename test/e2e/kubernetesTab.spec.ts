import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

test('the Kubernetes tab reads the same demo cluster as the Storage tab', async ({
  page,
}, testInfo) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/payments-api/kubernetes');
  // The demo snapshot, served to Backstage's Kubernetes plugin by the
  // backend (packages/backend/src/kubernetesSnapshot.ts): the pods of
  // payments-api, not "no resources".
  await expect(page.getByText('demo (snapshot)').first()).toBeVisible();
  await expect(page.getByText(/\d+ pods?/).first()).toBeVisible();
  await expect(
    page.getByText(/No resources on any known clusters/),
  ).toHaveCount(0);
  await page.screenshot({
    path: testInfo.outputPath('kubernetes-tab.png'),
    fullPage: true,
  });
});
