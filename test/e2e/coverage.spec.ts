import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { signInAsGuest } from './signIn';

/** Parses RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

test('the platform team filters the coverage report to unprotected volumes and exports it', async ({
  page,
}, testInfo) => {
  await signInAsGuest(page);
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Storage', exact: true })
    .click();
  await expect(
    page
      .getByRole('region', { name: 'Coverage summary' })
      .or(page.getByLabel('Coverage summary')),
  ).toBeVisible();
  await expect(page.getByText(/30 volumes match/)).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('coverage-page.png'),
    fullPage: true,
  });

  const verdict = page.getByLabel('Verdict');
  await verdict.click();
  await page.getByRole('option', { name: /Unprotected/ }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByText(/13 volumes match/)).toBeVisible();
  await expect(page).toHaveURL(/verdict=unprotected/);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Export CSV/ }).click();
  const file = await (await download).path();
  const rows = parseCsv(fs.readFileSync(file!, 'utf8')).filter(r =>
    r.some(Boolean),
  );
  const [header, ...data] = rows;
  const verdictColumn = header.indexOf('verdict');
  const nameColumn = header.indexOf('name');
  expect(verdictColumn).toBeGreaterThanOrEqual(0);
  expect(data).toHaveLength(13);
  expect(new Set(data.map(r => r[verdictColumn]))).toEqual(
    new Set(['unprotected']),
  );
  expect(data.map(r => r[nameColumn])).toContain('payments-api-cache');

  await page.screenshot({
    path: testInfo.outputPath('coverage-unprotected.png'),
    fullPage: true,
  });
});
