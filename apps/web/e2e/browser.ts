import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject, onTestFinished } from 'vitest';

/** The laptop size commission staff use; every page must work at it. */
export const VIEWPORT = { width: 1366, height: 768 } as const;

const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Chromium from the system package (see ENVIRONMENT.md). `launch()` gives every
 * browser a fresh, temporary user-data-dir that is deleted on close, and every
 * `openPage()` below a fresh context (no cookies, empty localStorage).
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export function url(path: string): string {
  return new URL(path, inject('baseUrl')).toString();
}

export interface ConsolePage {
  page: Page;
  context: BrowserContext;
  /** Console errors, uncaught exceptions and unexpected HTTP failures seen so far. */
  problems: string[];
  /** Declares that the test expects answers with this HTTP status (e.g. 401 for a wrong password). */
  allowHttpStatus(status: number): void;
}

// "Failed to load resource: the server responded with a status of 401 (Unauthorized)"
const FAILED_RESOURCE = /^Failed to load resource: the server responded with a status of (\d{3})/;

/**
 * A fresh browser context and page at 1366×768. Any console error, page error,
 * 5xx, failed request or unexpected 4xx fails the test when it finishes.
 * 401 is expected by default: it is how the console learns it has no session.
 */
export async function openPage(browser: Browser, options: { locale?: string } = {}): Promise<ConsolePage> {
  // Reduced motion: no chart or dropdown animations, so screenshots and clicks are deterministic.
  const context = await browser.newContext({ viewport: VIEWPORT, locale: options.locale ?? 'zh-CN', reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems: string[] = [];
  const allowed = new Set<number>([401]);

  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const status = FAILED_RESOURCE.exec(msg.text())?.[1];
    if (status && allowed.has(Number(status))) return;
    problems.push(`console.error: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('response', (res) => {
    const status = res.status();
    if (status >= 400 && !allowed.has(status)) problems.push(`HTTP ${status}: ${res.request().method()} ${res.url()}`);
  });
  page.on('requestfailed', (req) => {
    const failure = req.failure()?.errorText ?? 'failed';
    // Navigations and TanStack Query cancel superseded requests: not a problem.
    if (failure.includes('ERR_ABORTED')) return;
    problems.push(`request failed: ${req.method()} ${req.url()} (${failure})`);
  });

  onTestFinished(async () => {
    await context.close();
    if (problems.length > 0) throw new Error(`The browser reported problems:\n${problems.join('\n')}`);
  });

  return { page, context, problems, allowHttpStatus: (status) => allowed.add(status) };
}

/** A full-page screenshot in apps/web/e2e-screenshots/ (git-ignored) for a human to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const file = decodeURIComponent(new URL(`../e2e-screenshots/${name}.png`, import.meta.url).pathname);
  await page.screenshot({ path: file, fullPage: true });
}

/** Logs in through the form as the seeded admin and waits for the overview. */
export async function loginAsAdmin(page: Page, path = '/'): Promise<void> {
  await page.goto(url(path));
  await page.waitForURL(/\/login/);
  await page.getByLabel('用户名').fill(inject('adminUsername'));
  await page.getByLabel('密码').fill(inject('adminPassword'));
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Waits for network-driven rendering to settle (no requests for a moment). */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
}
