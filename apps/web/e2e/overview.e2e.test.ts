import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, loginAsAdmin, openPage, screenshot, url } from './browser';

describe('overview and language', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the city totals as KPI cards', async () => {
    const { page } = await openPage(browser);
    await loginAsAdmin(page);
    const summary = (await (await page.request.get(url('/api/v1/regions/summary'))).json()) as {
      totals: { institutions: number };
    };
    const card = page.locator('.ant-card').filter({ hasText: '医疗卫生机构' }).first();
    await card.getByText(summary.totals.institutions.toLocaleString('zh-CN')).first().waitFor();
  });

  it('opens the overview directly with an existing session, totals and chart drawn', async () => {
    const { page } = await openPage(browser);
    // Sign in over the API (same cookie jar): the console must pick the session up without the login page.
    const res = await page.request.post(url('/api/v1/auth/login'), {
      data: { username: inject('adminUsername'), password: inject('adminPassword') },
      headers: { 'x-requested-with': 'rhip-console' },
    });
    expect(res.ok()).toBe(true);

    await page.goto(url('/'));
    await page.locator('.ant-table-summary').getByText('合计').waitFor();
    await page.getByRole('img', { name: /各区县医疗卫生机构数/ }).locator('svg').first().waitFor();
    // Load time is measured by `npm run bench -- console`, never asserted in a test.
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('switches the whole console to English and remembers the choice', async () => {
    const { page } = await openPage(browser);
    await loginAsAdmin(page);
    await page.getByRole('heading', { level: 1, name: '总览' }).waitFor();

    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByText('Institutions', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    await page.getByText('Counties compared').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await screenshot(page, '04-overview-en');

    // The choice survives a reload (localStorage), and the institutions page follows it.
    await page.goto(url('/institutions'));
    await page.getByRole('heading', { level: 1, name: 'Institutions' }).waitFor();
    await page.getByRole('columnheader', { name: 'Ownership' }).waitFor();

    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '机构管理' }).waitFor();
  });

  it('moves through the menu with the keyboard', async () => {
    const { page } = await openPage(browser);
    await loginAsAdmin(page);
    await page.getByRole('heading', { level: 1, name: '总览' }).waitFor();
    const menu = page.getByRole('navigation', { name: '主导航' }).getByRole('menu');
    await menu.focus();
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    // The menu moves focus asynchronously: wait for each arrow key to land.
    for (let i = 0; i < 4 && (await focused()) !== '机构管理'; i++) {
      const before = await focused();
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction((prev) => document.activeElement?.textContent?.trim() !== prev, before, { timeout: 2_000 });
    }
    expect(await focused()).toBe('机构管理');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/institutions');
    await page.getByRole('heading', { level: 1, name: '机构管理' }).waitFor();
  });
});
