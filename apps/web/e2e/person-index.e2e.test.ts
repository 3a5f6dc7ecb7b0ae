import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { MatchReview, Page as ListPage } from '@rhip/contracts';
import { anHourAgo, call, counties, institutionWithKey, pushAndWait, staffToken } from './api';
import { calm } from './calm';
import { launchBrowser, loginAsAdmin, openPage, screenshot, url } from './browser';

// A checksum-valid unified social credit code the seed does not use.
const CODE = '125110118765432292';

describe('person index: match review queue, merge and unmerge', () => {
  let browser: Browser;
  let token: string;
  let key: string;
  let personA: string;
  let personB: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    token = await staffToken();
    const county = (await counties(token))[0]!;
    ({ key } = await institutionWithKey(token, { code: CODE, name: '主索引端到端测试医院', regionCode: county.code }));

    // Residents known by passport; then encounters with another document, the same name,
    // sex and birth date and no phone: plausible but unproven, so they wait for review.
    await pushAndWait(key, 'persons', [
      { sourceId: 'E2E-P-R1', idType: '03', idNumber: 'E2E12345678', name: '欧阳明远', sex: '1', birthDate: '1981-06-15' },
      { sourceId: 'E2E-P-R2', idType: '03', idNumber: 'E2E22222222', name: '司马青云', sex: '2', birthDate: '1975-02-03' },
    ]);
    const enc = await pushAndWait(key, 'encounters', [
      { sourceId: 'E2E-E-R1', patient: { idType: '99', idNumber: 'X-E2E-998877', name: '欧阳明远', sex: '1', birthDate: '1981-06-15' }, type: 'outpatient', startAt: anHourAgo() },
      { sourceId: 'E2E-E-R2', patient: { idType: '99', idNumber: 'Y-E2E-1', name: '司马青云', sex: '2', birthDate: '1975-02-03' }, type: 'outpatient', startAt: anHourAgo() },
    ]);
    expect(enc.outcomes.map((o) => o.status)).toEqual(['review', 'review']);

    // The second one is rejected over the API: its record gets a new master person. Those
    // two master persons (the passport holder and the new one) are what the merge test joins.
    const queue = await call<ListPage<MatchReview>>('/match-reviews?pageSize=100', { token });
    const second = queue.body.items.find((r) => r.sourceId === 'E2E-E-R2')!;
    const rejected = await call<{ masterPersonId: string }>(`/match-reviews/${second.id}/reject`, { method: 'POST', token, body: { note: 'e2e setup' } });
    expect(rejected.status).toBe(200);
    personA = second.candidate.masterPersonId;
    personB = rejected.body.masterPersonId;
    expect(personA).toMatch(/^\d+$/);
    expect(personB).not.toBe(personA);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the pending match masked, field by field, and accepts it with a note', async () => {
    const { page } = await openPage(browser);
    await loginAsAdmin(page);
    const listed = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/match-reviews');
    await page.getByRole('navigation', { name: '主导航' }).getByText('居民主索引', { exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/persons/reviews');
    const pending = (await (await listed).json()) as ListPage<MatchReview>;
    await page.getByRole('heading', { level: 1, name: '居民主索引' }).waitFor();

    const card = page.getByTestId('review-card').filter({ hasText: 'E2E-E-R1' });
    await card.waitFor();
    // Masked on both sides; the per-field comparison and its weight are shown.
    await card.getByText('欧***').first().waitFor();
    expect(await card.innerText()).not.toContain('欧阳明远');
    const nameRow = card.locator('tr').filter({ hasText: '姓名' });
    await nameRow.getByText('完全一致').waitFor();
    await nameRow.getByText(/^\+\d+\.\d$/).waitFor();
    await card.locator('tr').filter({ hasText: '身份证件' }).getByText('其他法定有效证件').waitFor();
    await calm(page);
    await screenshot(page, '20-match-review-queue');

    await card.getByRole('button', { name: '接受：是同一人' }).click();
    const dialog = page.getByRole('dialog', { name: '确认为同一居民？' });
    await dialog.getByLabel('审核意见（可选）').fill('同名同生日，护照持有人就诊');
    const decided = page.waitForResponse((r) => /\/api\/v1\/match-reviews\/\d+\/accept$/.test(new URL(r.url()).pathname));
    await dialog.getByRole('button', { name: '接受：是同一人' }).press('Enter');
    expect((await decided).status()).toBe(200);
    await page.getByText(/记录 E2E-E-R1 已关联到主索引 \d+/).waitFor();
    await card.waitFor({ state: 'detached' });
    if (pending.total === 1) await page.getByText('没有待审核的记录').waitFor();

    // The decision is listed under 已接受, and that view is in the URL.
    await page.getByTestId('review-status').getByText('已接受').click();
    await page.waitForURL((u) => u.searchParams.get('status') === 'accepted');
    const accepted = page.getByTestId('review-card').filter({ hasText: 'E2E-E-R1' });
    await accepted.getByText('已接受').waitFor();
    await accepted.getByText(/审核于/).waitFor();
    await calm(page);
    await screenshot(page, '21-match-review-accepted');
  });

  it('merges two master persons after confirmation and undoes the merge', async () => {
    const { page } = await openPage(browser);
    await loginAsAdmin(page, '/persons/reviews');
    await page.getByRole('tab', { name: '合并与拆分' }).click();
    await page.waitForURL((u) => u.pathname === '/persons/merge');

    // The form refuses the same id twice before anything is sent.
    const form = page.getByRole('form', { name: '合并主索引' });
    const submit = form.getByRole('button', { name: /合并$/ });
    await page.getByLabel('保留的主索引 ID').fill(personA);
    await page.getByLabel('被合并的主索引 ID').fill(personA);
    await submit.click();
    await page.getByText('两个主索引 ID 不能相同').waitFor();

    await page.getByLabel('被合并的主索引 ID').fill(personB);
    await page.getByLabel('合并原因').fill('同一人两次建档');
    await submit.click();
    const confirm = page.getByRole('dialog').filter({ hasText: `主索引 ${personB} 的全部记录将并入主索引 ${personA}` });
    const merged = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/persons/merge');
    await confirm.getByRole('button', { name: '合并', exact: true }).press('Enter');
    expect((await merged).status()).toBe(200);
    const result = page.getByTestId('merge-result');
    await result.getByText(`已将主索引 ${personB} 并入 ${personA}`).waitFor();
    await calm(page);
    await screenshot(page, '22-person-merge');

    await result.getByRole('button', { name: /撤销此次合并/ }).click();
    const undoConfirm = page.getByRole('dialog').filter({ hasText: '移回原主索引' });
    const undone = page.waitForResponse((r) => /\/api\/v1\/persons\/merges\/\d+\/undo$/.test(new URL(r.url()).pathname));
    await undoConfirm.getByRole('button', { name: '撤销合并', exact: true }).press('Enter');
    expect((await undone).status()).toBe(200);
    await page.getByTestId('undo-result').getByText(`主索引 ${personB} 已从 ${personA} 拆分恢复`).waitFor();
    await calm(page);
    await screenshot(page, '23-person-unmerge');

    // Undone for real: merging the two again is allowed (the API would refuse an already-merged person).
    const again = await call<{ mergeId: string }>('/persons/merge', { method: 'POST', token, body: { survivorId: personA, mergedId: personB } });
    expect(again.status).toBe(200);
  });

  it('sends /persons to the review queue, and keeps the page usable in English', async () => {
    const { page } = await openPage(browser);
    await loginAsAdmin(page, '/persons');
    await page.waitForURL((u) => u.pathname === '/persons/reviews');
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Person index' }).waitFor();
    await page.getByRole('tab', { name: 'Match review' }).waitFor();
    await page.goto(url('/persons/reviews?status=rejected'));
    await page.getByText('No rejected reviews').or(page.getByTestId('review-card').first()).waitFor();
    await calm(page);
    await screenshot(page, '24-person-index-en');
  });
});
