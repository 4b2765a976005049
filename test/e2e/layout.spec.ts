import { expect, test, type Locator, type Page } from '@playwright/test';
import { signInAsGuest } from './signIn';

/**
 * Screenshots of each page at 1280 and 1920 px (in test-results/), and
 * the layout checks that catch what a screenshot review would: table cells
 * narrower than their longest word (letters wrapping one by one, "Capa
 * city"), raw entity refs where Backstage shows EntityRefLinks, cut sidebar
 * labels and a page without a main landmark.
 */
const PAGES: Array<{
  name: string;
  path: string;
  ready: (page: Page) => Locator;
}> = [
  {
    name: 'catalog',
    path: '/',
    ready: p => p.getByRole('link', { name: 'payments-api', exact: true }),
  },
  {
    name: 'entity-overview',
    path: '/catalog/default/component/payments-api',
    ready: p => p.getByText('Takes payments and keeps the ledger').first(),
  },
  {
    name: 'entity-storage',
    path: '/catalog/default/component/payments-api/storage',
    ready: p => p.getByText('Storage summary'),
  },
  {
    name: 'coverage',
    path: '/storage-coverage',
    ready: p => p.getByText(/30 volumes match/),
  },
  {
    name: 'create',
    path: '/create',
    ready: p => p.getByText(/volume/i).first(),
  },
];
const WIDTHS = [1280, 1920];

/** Table cells whose content box is narrower than their longest word. */
function narrowCells(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d')!;
    const found: string[] = [];
    for (const cell of Array.from(
      document.querySelectorAll<HTMLElement>('main th, main td'),
    )) {
      const style = getComputedStyle(cell);
      context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room =
        cell.clientWidth -
        parseFloat(style.paddingLeft) -
        parseFloat(style.paddingRight);
      const words = (cell.innerText || '').split(/\s+/).filter(Boolean);
      const longest = words.reduce(
        (a, w) =>
          context.measureText(w).width > context.measureText(a).width ? w : a,
        '',
      );
      const upper =
        style.textTransform === 'uppercase' ? longest.toUpperCase() : longest;
      if (longest && context.measureText(upper).width > room + 2)
        found.push(`"${longest}" in a ${Math.round(room)}px cell`);
    }
    return found;
  });
}

/** Text nodes that read like entity refs (`group:default/x`) outside links. */
function rawRefs(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ref =
      /^(component|group|user|system|resource|api|domain):[\w.-]+\/[\w.-]+$/i;
    const found: string[] = [];
    const walker = document.createTreeWalker(
      document.querySelector('main') ?? document.body,
      NodeFilter.SHOW_TEXT,
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      if (
        ref.test(text) &&
        !node.parentElement?.closest('a, input, textarea, code, pre')
      )
        found.push(text);
    }
    return found;
  });
}

for (const width of WIDTHS) {
  test(`every page at ${width} px: screenshots`, async ({ page }, testInfo) => {
    // Five pages, each compiled on first visit by the dev server.
    test.setTimeout(300_000);
    await page.setViewportSize({ width, height: width === 1280 ? 800 : 1080 });
    await signInAsGuest(page);
    for (const { name, path, ready } of PAGES) {
      await page.goto(path);
      await expect(ready(page)).toBeVisible();
      await page.screenshot({
        path: testInfo.outputPath(`${name}-${width}.png`),
        fullPage: true,
      });
    }
  });

  for (const { name, path, ready } of PAGES.filter(
    p => p.name === 'coverage' || p.name === 'entity-storage',
  )) {
    test(`${name} at ${width} px: entity refs as links, one main landmark`, async ({
      page,
    }) => {
      await page.setViewportSize({
        width,
        height: width === 1280 ? 800 : 1080,
      });
      await signInAsGuest(page);
      await page.goto(path);
      await expect(ready(page)).toBeVisible();
      expect.soft(await rawRefs(page)).toEqual([]);
      expect.soft(await page.getByRole('main').count()).toBe(1);
    });

    test(`${name} at ${width} px: no letter-wrapped cells`, async ({
      page,
    }) => {
      // Still open (issue 13): long unbreakable names in narrow columns —
      // Backup and restore names in the restore-test cells, pod and Backup
      // names in the entity tab's table (material-table gives its seven
      // columns equal widths). Remove this line when they are fixed.
      test.fail(true, 'long names still overflow some storage table cells');
      await page.setViewportSize({
        width,
        height: width === 1280 ? 800 : 1080,
      });
      await signInAsGuest(page);
      await page.goto(path);
      await expect(ready(page)).toBeVisible();
      expect(await narrowCells(page)).toEqual([]);
    });
  }
}

test('the sidebar shows whole labels', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInAsGuest(page);
  const cut = await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .evaluate(nav =>
      Array.from(nav.querySelectorAll<HTMLElement>('a *'))
        .filter(
          e =>
            e.children.length === 0 &&
            e.innerText &&
            e.scrollWidth > e.clientWidth + 1,
        )
        .map(e => e.innerText),
    );
  expect(cut).toEqual([]);
});
