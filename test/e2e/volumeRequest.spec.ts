import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { signInAsGuest } from './signIn';

/** The local GitOps repository `yarn start` creates (storage.gitops.localBareRepo). */
const GITOPS_REPO = path.resolve(__dirname, '../../.data/gitops.git');

function git(...args: string[]): string {
  return execFileSync('git', ['--git-dir', GITOPS_REPO, ...args], {
    encoding: 'utf8',
  });
}

test('a developer requests a volume and the commit lands in the GitOps repository', async ({
  page,
}, testInfo) => {
  const claimName = `e2e-data-${Date.now().toString(36)}`;
  await signInAsGuest(page);
  await page.goto('/create/templates/default/storage-volume-request');

  await page
    .getByLabel(/Service folder/)
    .fill('apps/payments/payments-api/base');
  await page.getByLabel(/Claim name/).fill(claimName);
  await page.getByLabel(/^Size/).fill('20Gi');
  const tiers = page.getByRole('radiogroup', { name: 'Storage tier' });
  await tiers.getByRole('radio', { name: /fast/i }).first().check();
  await page.getByRole('button', { name: 'Next' }).click();

  await page.getByRole('radio', { name: /Back it up with Velero/ }).check();
  await page.getByLabel(/Workload name/).fill('payments-api');
  await page.getByLabel(/Mount path/).fill('/var/lib/payments');
  await page.getByRole('button', { name: 'Next' }).click();

  // Repository step: the configured local repository is the default.
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  const branch = `storage/volume-${claimName}`;
  await expect(page.getByText(branch).first()).toBeVisible({ timeout: 90_000 });
  await page.screenshot({
    path: testInfo.outputPath('volume-request-done.png'),
    fullPage: true,
  });

  const files = git('show', '--name-only', '--format=%s', branch);
  const base = 'apps/payments/payments-api/base';
  expect(files).toContain(`${base}/kustomization.yaml`);
  expect(files).toContain(`${base}/${claimName}-pvc.yaml`);
  const pvc = git('show', `${branch}:${base}/${claimName}-pvc.yaml`);
  expect(pvc).toContain('storageClassName: storage-fast');
  expect(pvc).toContain('storage: 20Gi');
  // The workload's pods opt the new volume in to Velero's file-system backup.
  const optIn = git(
    'show',
    `${branch}:${base}/payments-api-backup-volumes.yaml`,
  );
  expect(optIn).toContain('backup.velero.io/backup-volumes');
  expect(optIn).toContain(claimName);
});
