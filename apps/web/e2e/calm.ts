import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/**
 * Waits until antd's leaving animations are over before a screenshot: a
 * closing confirm dialog, a table's loading veil. (With reduced motion they
 * still take a moment to go.) Pass `dialogs: true` to keep an open dialog
 * (and the scroll position it needs).
 */
export async function calm(page: Page, options: { dialogs?: boolean } = {}): Promise<void> {
  await expect.poll(() => page.locator('.ant-spin-blur, .ant-spin-spinning').count(), { timeout: 10_000 }).toBe(0);
  if (!options.dialogs) await expect.poll(() => page.getByRole('dialog').count(), { timeout: 10_000 }).toBe(0);
  // A full-page shot of a scrolled page draws the sticky header in the middle.
  if (!options.dialogs) await page.evaluate(() => window.scrollTo(0, 0));
}
