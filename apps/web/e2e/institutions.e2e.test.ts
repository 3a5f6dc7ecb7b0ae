import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Institution, Page as ListPage, Region } from '@rhip/contracts';
import { launchBrowser, loginAsAdmin, openPage, screenshot, url } from './browser';

const COUNTY_COLUMN = 5; // name, level, type, ownership, county, …

async function waitForList(page: Page, match: (u: URL) => boolean): Promise<ListPage<Institution>> {
  const res = await page.waitForResponse((r) => {
    const u = new URL(r.url());
    return u.pathname === '/api/v1/institutions' && match(u);
  });
  expect(res.ok()).toBe(true);
  return (await res.json()) as ListPage<Institution>;
}

async function countyCells(page: Page): Promise<string[]> {
  return page.locator(`.ant-table-tbody tr.ant-table-row td:nth-child(${COUNTY_COLUMN})`).allInnerTexts();
}

describe('institutions list', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists institutions with Chinese labels and server-side paging', async () => {
    const { page } = await openPage(browser);
    await loginAsAdmin(page);
    const first = waitForList(page, () => true);
    await page.getByRole('navigation', { name: '主导航' }).getByText('机构管理', { exact: true }).click();
    const list = await first;
    await page.getByRole('heading', { level: 1, name: '机构管理' }).waitFor();
    expect(list.total).toBeGreaterThan(list.items.length);

    await page.getByText(`共 ${list.total} 条`).waitFor();
    await page.getByRole('columnheader', { name: '举办性质' }).waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    expect(await rows.count()).toBe(list.items.length);
    await screenshot(page, '05-institutions');

    const second = waitForList(page, (u) => u.searchParams.get('page') === '2');
    await page.locator('.ant-pagination-item-2').click();
    const page2 = await second;
    expect(page2.page).toBe(2);
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
  });

  it('filters by county, carries the filter in the URL, and the URL reproduces the view', async () => {
    const { page, context } = await openPage(browser);
    const unfiltered = waitForList(page, (u) => !u.searchParams.has('regionCode'));
    await loginAsAdmin(page, '/institutions');
    await page.getByRole('heading', { level: 1, name: '机构管理' }).waitFor();
    const all = await unfiltered;

    const regions = (await (await page.request.get(url('/api/v1/regions'))).json()) as Region[];
    const county = regions.filter((r) => r.level === 'county').sort((a, b) => a.code.localeCompare(b.code))[2];
    if (!county) throw new Error('the seed has fewer than 3 counties');

    const filtered = waitForList(page, (u) => u.searchParams.get('regionCode') === county.code);
    await page.getByTestId('filter-county').click();
    await page.locator(`.ant-select-item-option[title="${county.name}"]`).click();
    const list = await filtered;
    await page.waitForURL((u) => u.searchParams.get('regionCode') === county.code);
    expect(list.total).toBeGreaterThan(0);
    await page.getByText(`共 ${list.total} 条`).waitFor();
    const cells = await countyCells(page);
    expect(cells.length).toBe(list.items.length);
    expect(new Set(cells)).toEqual(new Set([county.name]));
    await screenshot(page, '06-institutions-by-county');

    // The shared link opens the same view in another tab.
    const shared = page.url();
    const other = await context.newPage();
    const again = waitForList(other, (u) => u.searchParams.get('regionCode') === county.code);
    await other.goto(shared);
    expect((await again).total).toBe(list.total);
    await other.getByTestId('filter-county').getByText(county.name, { exact: true }).waitFor();
    await other.getByText(`共 ${list.total} 条`).waitFor();
    await other.close();
    await page.bringToFront();

    // Adding an ownership filter narrows further; reset clears everything.
    const byOwnership = waitForList(page, (u) => u.searchParams.get('ownership') === 'public' && u.searchParams.get('regionCode') === county.code);
    await page.getByTestId('filter-ownership').click();
    await page.locator('.ant-select-item-option[title="公立"]').click();
    const publicList = await byOwnership;
    expect(publicList.items.every((i) => i.ownership === 'public' && i.regionCode === county.code)).toBe(true);

    // (The unfiltered first page is still cached, so reset may not refetch.)
    await page.getByRole('button', { name: '重置' }).click();
    await page.waitForURL((u) => u.search === '');
    await page.getByText(`共 ${all.total} 条`).waitFor();
  });

  it('searches by keyword and shows an empty state when nothing matches', async () => {
    const { page } = await openPage(browser);
    await loginAsAdmin(page, '/institutions');
    await page.getByRole('heading', { level: 1, name: '机构管理' }).waitFor();

    const none = waitForList(page, (u) => u.searchParams.get('q') === '不存在的机构XYZ');
    await page.getByRole('searchbox', { name: '关键字' }).fill('不存在的机构XYZ');
    await page.keyboard.press('Enter');
    expect((await none).total).toBe(0);
    await page.getByText('没有符合条件的机构').waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('不存在的机构XYZ');
    await screenshot(page, '08-institutions-empty');
  });
});
