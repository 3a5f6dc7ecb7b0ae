import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { BatchStatus } from '@rhip/contracts';
import { anHourAgo, counties, push, staffToken, waitForBatch } from './api';
import { calm } from './calm';
import { launchBrowser, loginAsAdmin, openPage, screenshot, url } from './browser';

// A checksum-valid unified social credit code (GB 32100) in 威远县 that the seed does not use.
const CODE = '125110248765432100';
// 18 characters, but I and O are not in the USCC alphabet: the API answers ORG.USCC_FORMAT.
const BAD_CODE = '12511024ABCDEFGHIO';
const NAME = '威远县端到端测试医院';

const goodEncounter = (sourceId: string) => ({
  sourceId,
  patient: { idType: '01', idNumber: '511002199002141216', name: '陈志强', sex: '1', birthDate: '1990-02-14', patientId: 'E2E-0001' },
  type: 'outpatient',
  startAt: anHourAgo(),
  department: '呼吸内科',
  diagnoses: [{ code: 'J06.900', name: '急性上呼吸道感染', primary: true }],
});
// The same patient with a wrong check character in the resident ID number (GB 11643).
const badEncounter = (sourceId: string) => ({ ...goodEncounter(sourceId), patient: { ...goodEncounter(sourceId).patient, idNumber: '511002199002141217' } });

/** How the console shortens a batch id (first 8 and last 4 characters). */
const shortId = (id: string) => `${id.slice(0, 8)}…${id.slice(-4)}`;

async function pick(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
  // Let the dropdown finish closing, so the next pick cannot hit its leaving options.
  await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count(), { timeout: 10_000 }).toBe(0);
}

describe('institution registration, keys and the batches they push', () => {
  let browser: Browser;
  let token: string;
  let institutionId: string;
  let key: string;
  let batch: BatchStatus;

  beforeAll(async () => {
    browser = await launchBrowser();
    token = await staffToken();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('registers an institution through the form, showing the API’s code check on the field', async () => {
    const { page, allowHttpStatus } = await openPage(browser);
    allowHttpStatus(400); // the first submit is refused on purpose
    await loginAsAdmin(page, '/institutions');
    await page.getByRole('button', { name: '登记机构' }).click();
    await page.waitForURL((u) => u.pathname === '/institutions/new');
    await page.getByRole('heading', { level: 1, name: '登记机构' }).waitFor();

    const county = (await counties(token)).find((c) => c.code === '511024') ?? (await counties(token))[0]!;
    await page.getByLabel('机构代码').fill(BAD_CODE);
    await page.getByLabel('机构名称').fill(NAME);
    await pick(page, '所属区县', county.name);
    await pick(page, '等级', '二级甲等');
    await pick(page, '类别', '综合医院');
    await page.getByRole('button', { name: '添加数据集' }).click();
    await pick(page, '第 1 行数据集', '就诊记录');
    await page.getByRole('button', { name: '添加数据集' }).click();
    await pick(page, '第 2 行数据集', '检验报告');
    await page.getByLabel('第 2 行及时性要求（小时）').fill('48');
    await page.getByLabel('电子病历应用水平').fill('4');
    await page.getByRole('checkbox', { name: '互联网医院' }).check();

    // After a request, antd may keep its (leaving) loading icon in the button's name: match the end.
    const submit = page.getByRole('form', { name: '登记机构' }).getByRole('button', { name: /登记$/ });
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/v1/institutions') && r.request().method() === 'POST');
    await submit.click();
    expect((await refused).status()).toBe(400);
    // The API's rule (ORG.USCC_FORMAT) is shown on the code field, in Chinese.
    await page.getByText('不是有效的统一社会信用代码（GB 32100）', { exact: false }).first().waitFor();
    await calm(page);
    await screenshot(page, '10-institution-register-invalid-code');

    await page.getByLabel('机构代码').fill(CODE);
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/institutions') && r.request().method() === 'POST');
    await submit.click();
    expect((await created).status()).toBe(201);
    await page.waitForURL((u) => /^\/institutions\/[0-9a-f-]{36}$/.test(u.pathname));
    institutionId = new URL(page.url()).pathname.split('/')[2]!;
    await page.getByRole('heading', { level: 1, name: NAME }).waitFor();

    const expected = page.getByRole('table', { name: '应报数据集' });
    await expected.getByText('就诊记录').waitFor();
    await expected.getByText('每天').first().waitFor();
    await expected.getByText('事件发生后 48 小时内').waitFor();
    await page.getByText(CODE).waitFor();
    await page.getByText('尚未签发密钥').waitFor();
    await calm(page);
    await screenshot(page, '11-institution-detail');
  });

  it('edits the institution’s expected data sets', async () => {
    const { page } = await openPage(browser);
    await loginAsAdmin(page, `/institutions/${institutionId}`);
    await page.getByRole('button', { name: '编辑' }).click();
    await page.waitForURL((u) => u.pathname.endsWith('/edit'));
    await page.getByLabel('第 1 行上报频率（小时）').fill('168');
    await page.getByRole('button', { name: '删除第 2 行' }).click();
    await calm(page);
    await screenshot(page, '12-institution-edit');
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/v1/institutions/${institutionId}`) && r.request().method() === 'PATCH');
    await page.getByRole('form', { name: '编辑机构' }).getByRole('button', { name: /保存$/ }).click();
    expect((await saved).status()).toBe(200);
    await page.waitForURL((u) => u.pathname === `/institutions/${institutionId}`);
    const expected = page.getByRole('table', { name: '应报数据集' });
    await expected.getByText('每 7 天').waitFor();
    expect(await expected.getByText('检验报告').count()).toBe(0);
  });

  it('issues a key that is shown once, copies it, and the ingest API accepts it', async () => {
    const { page, context } = await openPage(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url('/') });
    await loginAsAdmin(page, `/institutions/${institutionId}`);
    await page.getByRole('button', { name: '签发密钥' }).click();
    const ask = page.getByRole('dialog', { name: '签发接口密钥' });
    await ask.getByLabel('备注').fill('HIS 正式环境');
    await ask.getByRole('button', { name: '签发密钥' }).press('Enter');

    const shown = page.getByRole('dialog', { name: '新的接口密钥' });
    await shown.getByText('此密钥只显示这一次').waitFor();
    key = await shown.getByTestId('issued-key').inputValue();
    expect(key).toMatch(/^rk_/);
    await shown.getByRole('button', { name: '复制密钥' }).click();
    await shown.getByRole('button', { name: '已复制' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await calm(page, { dialogs: true });
    await screenshot(page, '13-key-issued-once');

    await shown.getByRole('button', { name: '我已妥善保存，关闭' }).click();
    await shown.waitFor({ state: 'detached' });
    // Gone from the page: only the prefix is listed from now on.
    expect(await page.content()).not.toContain(key);
    const keys = page.getByRole('table', { name: '接口密钥' });
    await keys.getByText('HIS 正式环境').waitFor();
    await keys.getByText(`${key.slice(0, 10)}…`).waitFor();
    await keys.getByText('有效').waitFor();

    // The institution's system pushes one good and one bad record with the key.
    const res = await push(key, 'encounters', [goodEncounter('E2E-GOOD-1'), badEncounter('E2E-BAD-1')]);
    expect(res.status).toBe(202);
    batch = await waitForBatch(key, res.body.batchId);
    expect(batch.counts.received).toBe(2);
    expect(batch.counts.rejected).toBe(1);
  });

  it('shows the batch in 采集监控, and its per-record outcomes with the rejected record’s rule code', async () => {
    const { page } = await openPage(browser);
    await loginAsAdmin(page);
    const listed = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/ingest/batches');
    await page.getByRole('navigation', { name: '主导航' }).getByText('采集监控', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '采集监控' }).waitFor();
    expect((await listed).ok()).toBe(true);
    const row = page.locator('.ant-table-row').filter({ hasText: NAME });
    await row.first().waitFor();
    await row.first().getByText('已完成').waitFor();
    await page.getByTestId('throughput').getByText('条/分钟').waitFor();
    await page.getByRole('img', { name: /每分钟收到与拒收的记录数/ }).locator('svg').first().waitFor();
    await calm(page);
    await screenshot(page, '14-ingest-batches');

    // Filter by this institution: the filter lives in the URL.
    await page.goto(url(`/ingest?institutionId=${institutionId}&status=done`));
    await page.getByTestId('filter-institution').getByText(NAME).waitFor();
    await page.getByText('共 1 条').waitFor();

    await page.getByRole('link', { name: `查看批次 ${batch.batchId}` }).click();
    await page.waitForURL((u) => u.pathname === `/ingest/batches/${batch.batchId}`);
    await page.getByRole('heading', { level: 1, name: `批次 ${shortId(batch.batchId)}` }).waitFor();
    const outcomes = page.getByRole('table', { name: '每条记录的结果' });
    // The good record went through (the API keeps no outcome row, so no source id), the bad one was rejected.
    await outcomes.locator('tbody tr.ant-table-row').first().getByText('已关联').waitFor();
    const bad = outcomes.locator('tr').filter({ hasText: 'E2E-BAD-1' });
    await bad.getByText('拒收').waitFor();
    await bad.getByTestId('issue-code').filter({ hasText: 'ID.CHECKSUM' }).waitFor();
    await bad.getByText('patient.idNumber', { exact: true }).waitFor();
    await bad.getByText('身份证号校验码错误', { exact: false }).waitFor();
    await calm(page);
    await screenshot(page, '15-batch-detail');

    // Only the rejected one, and the view is in the URL.
    await page.getByTestId('outcome-filter').getByText('拒收 1').click();
    await page.waitForURL((u) => u.searchParams.get('outcome') === 'rejected');
    await expect.poll(() => outcomes.locator('tbody tr.ant-table-row').count(), { timeout: 10_000 }).toBe(1);

    // English: the reason switches language, the rule code stays.
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Batch ${shortId(batch.batchId)}` }).waitFor();
    await page.getByRole('table', { name: 'Outcome of each record' }).getByTestId('issue-code').filter({ hasText: 'ID.CHECKSUM' }).waitFor();
    await calm(page);
    await screenshot(page, '16-batch-detail-en');
  });

  it('rotates a key (the old one stops working) and revokes the new one after confirmation', async () => {
    const { page, allowHttpStatus } = await openPage(browser);
    allowHttpStatus(401);
    await loginAsAdmin(page, `/institutions/${institutionId}`);
    const keys = page.getByRole('table', { name: '接口密钥' });
    // The push earlier used the key: it has a last-used time now.
    await expect.poll(async () => keys.locator('tbody tr').first().innerText(), { timeout: 10_000 }).not.toContain('从未使用');

    // Confirmations are answered from the keyboard (focus on the button, Enter), as a keyboard user would.
    await keys.getByRole('button', { name: `轮换密钥 ${key.slice(0, 10)}` }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: '旧密钥立即失效' });
    await confirm.getByRole('button', { name: '轮换', exact: true }).press('Enter');
    const shown = page.getByRole('dialog', { name: '轮换后的新密钥' });
    const rotated = await shown.getByTestId('issued-key').inputValue();
    expect(rotated).toMatch(/^rk_/);
    expect(rotated).not.toBe(key);
    await shown.getByRole('button', { name: '我已妥善保存，关闭' }).click();
    await shown.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(rotated);

    expect((await push(key, 'encounters', [goodEncounter('E2E-OLD-KEY')])).status).toBe(401);
    expect((await push(rotated, 'encounters', [goodEncounter('E2E-NEW-KEY')])).status).toBe(202);

    await keys.getByRole('button', { name: `吊销密钥 ${rotated.slice(0, 10)}` }).click();
    const revoke = page.getByRole('dialog').filter({ hasText: '无法恢复' });
    const revoked = page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().includes('/credentials/'));
    await revoke.getByRole('button', { name: '吊销', exact: true }).press('Enter');
    expect((await revoked).status()).toBe(204);
    await expect.poll(() => keys.getByText('已吊销').count(), { timeout: 10_000 }).toBe(2);
    expect((await push(rotated, 'encounters', [goodEncounter('E2E-REVOKED')])).status).toBe(401);
    await calm(page);
    await screenshot(page, '17-keys-rotated-revoked');
  });

  it('lists dead letters (empty when nothing failed) and explains an unknown batch', async () => {
    const { page, allowHttpStatus } = await openPage(browser);
    allowHttpStatus(404);
    await loginAsAdmin(page, '/ingest');
    await page.getByRole('tab', { name: '死信队列' }).click();
    await page.waitForURL((u) => u.pathname === '/ingest/dead-letters');
    await page.getByRole('table', { name: '死信队列' }).waitFor();
    await page.getByText(/没有死信|共 \d+ 条/).first().waitFor();
    await calm(page);
    await screenshot(page, '18-dead-letters');

    await page.goto(url('/ingest/batches/00000000-0000-4000-8000-000000000000'));
    await page.getByRole('alert').getByText('请求的内容不存在').waitFor();
  });
});
