import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, loginAsAdmin, openPage, screenshot, url } from './browser';

describe('console login and logout', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the login page in Chinese even when the browser prefers English', async () => {
    const { page } = await openPage(browser, { locale: 'en-US' });
    await page.goto(url('/'));
    await page.waitForURL(/\/login/);

    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
    await page.getByLabel('用户名', { exact: true }).waitFor();
    await page.getByLabel('密码', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: '登录' }).isEnabled()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.title()).toContain('登录');
    await screenshot(page, '01-login');
  });

  it('tells the user when the password is wrong and stays on the login page', async () => {
    const { page, allowHttpStatus } = await openPage(browser);
    allowHttpStatus(401);
    await page.goto(url('/login'));
    await page.getByLabel('用户名', { exact: true }).fill('e2e-nobody');
    await page.getByLabel('密码', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, '02-login-wrong-password');
  });

  it('asks for both fields before sending anything', async () => {
    const { page } = await openPage(browser);
    await page.goto(url('/login'));
    let posted = false;
    page.on('request', (req) => {
      if (req.url().includes('/api/v1/auth/login')) posted = true;
    });
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('请输入用户名').first().waitFor();
    await page.getByText('请输入密码').first().waitFor();
    expect(posted).toBe(false);
  });

  it('logs the admin in and lands on the overview with the five counties', async () => {
    const { page } = await openPage(browser);
    await loginAsAdmin(page);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('heading', { level: 1, name: '总览' }).waitFor();

    const res = await page.request.get(url('/api/v1/regions/summary'));
    expect(res.ok()).toBe(true);
    const summary = (await res.json()) as { counties: { name: string }[] };
    expect(summary.counties).toHaveLength(5);
    const table = page.locator('.ant-table').filter({ hasText: '区县' }).first();
    for (const county of summary.counties) {
      await table.getByRole('cell', { name: county.name, exact: true }).waitFor();
    }
    await page.getByRole('img', { name: /各区县医疗卫生机构数/ }).locator('svg').first().waitFor();
    await screenshot(page, '03-overview');
  });

  it('returns to the page the user asked for after logging in', async () => {
    const { page } = await openPage(browser);
    await loginAsAdmin(page, '/institutions?ownership=public');
    const after = new URL(page.url());
    expect(after.pathname).toBe('/institutions');
    expect(after.searchParams.get('ownership')).toBe('public');
    await page.getByRole('heading', { level: 1, name: '机构管理' }).waitFor();
  });

  it('sends the user to the login page when the session ends mid-use, then back', async () => {
    const { page, context } = await openPage(browser);
    await loginAsAdmin(page);
    await page.getByRole('heading', { level: 1, name: '总览' }).waitFor();

    await context.clearCookies(); // the session cookie expires or is revoked
    await page.getByRole('navigation', { name: '主导航' }).getByText('机构管理', { exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('redirect') === '/institutions');
    await page.getByText('登录已失效，请重新登录。').waitFor();

    await page.getByLabel('用户名', { exact: true }).fill(inject('adminUsername'));
    await page.getByLabel('密码', { exact: true }).fill(inject('adminPassword'));
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((u) => u.pathname === '/institutions');
    await page.getByRole('heading', { level: 1, name: '机构管理' }).waitFor();
  });

  it('logs out back to the login page, and the session is gone', async () => {
    const { page } = await openPage(browser);
    await loginAsAdmin(page);
    await page.getByRole('heading', { level: 1, name: '总览' }).waitFor();

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    await page.getByText('您已安全退出').waitFor();
    await screenshot(page, '07-logged-out');

    const me = await page.request.get(url('/api/v1/auth/me'));
    expect(me.status()).toBe(401);
    await page.goto(url('/institutions'));
    await page.waitForURL(/\/login\?redirect=%2Finstitutions/);
  });
});
