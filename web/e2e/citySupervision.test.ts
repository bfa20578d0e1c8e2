import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, looksRendered, startE2E, type E2E } from './harness.js';

/** The UI waits for the API on a busy machine: poll generously. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000, interval: 250 });

type Page_ = { total: number; items: { caseId: string; applicationNo: string | null }[] };

/** Issue 15: the city acts on what it watches; HR edits the claims of a draft. */
describe('city supervision and claims editing in a real browser', () => {
  let e2e: E2E;
  const contexts: { close(): Promise<void> }[] = [];
  const newPage = async (): Promise<Page> => {
    const ctx = await e2e.context();
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.setDefaultTimeout(45_000);
    return page;
  };
  beforeAll(async () => {
    e2e = await startE2E();
  }, 180_000);
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(() => e2e?.close());

  const shownCaseIds = async (page: Page): Promise<string[]> =>
    page.getByTestId('city-cases').locator('tbody tr.ant-table-row td:first-child button').allInnerTexts();

  it('the supervisor clicks the overdue figure and sees exactly those cases; a date range narrows both', async () => {
    const page = await newPage();
    await loginAs(page, 'city');
    await page.goto('/city');
    const stats = (await (await page.request.get('/api/v1/city/statistics')).json()) as {
      city: { determinationOverdue: number };
    };
    expect(stats.city.determinationOverdue).toBeGreaterThan(0);
    await page.getByTestId('kpi-overdue').click();
    await page.waitForURL(/\/city\/cases\?overdue=determination/);
    const overdue = (await (
      await page.request.get('/api/v1/city/cases?overdue=determination&limit=200')
    ).json()) as Page_;
    expect(overdue.total).toBe(stats.city.determinationOverdue);
    await poll(() => page.getByText(`共 ${overdue.total} 件`).count()).toBe(1);
    await poll(async () => (await shownCaseIds(page)).sort()).toEqual(
      overdue.items
        .map((i) => i.applicationNo ?? '（未编号）')
        .slice(0, 20)
        .sort(),
    );
    await expect(page.getByLabel('逾期').locator('..').innerText()).resolves.toContain('超期待核定');
    await looksRendered(page, 'city-cases-overdue');

    // The dashboard for cases opened in July and August 2025, then its total figure.
    await page.goto('/city?from=2025-07-01&to=2025-08-31');
    const ranged = (await (
      await page.request.get('/api/v1/city/statistics?from=2025-07-01&to=2025-08-31')
    ).json()) as { city: { casesByState: Record<string, number> } };
    const rangedTotal = Object.values(ranged.city.casesByState).reduce((a, b) => a + b, 0);
    await poll(() => page.getByTestId('kpi-total').innerText()).toContain(String(rangedTotal));
    await page.getByTestId('kpi-total').click();
    await page.waitForURL(/\/city\/cases\?from=2025-07-01&to=2025-08-31/);
    await poll(() => page.getByText(`共 ${rangedTotal} 件`).count()).toBe(1);
    const list = (await (
      await page.request.get('/api/v1/city/cases?from=2025-07-01&to=2025-08-31&limit=20')
    ).json()) as Page_;
    await poll(async () => (await shownCaseIds(page)).sort()).toEqual(
      list.items.map((i) => i.applicationNo ?? '（未编号）').sort(),
    );
  }, 240_000);

  it('the supervisor records a penalty with its legal basis and sees it in the list', async () => {
    const c = await e2e.db
      .selectFrom('cases')
      .innerJoin('units', 'units.id', 'cases.unitId')
      .select(['cases.applicationNo', 'cases.unitId', 'units.name'])
      .where('cases.state', '=', 'determined')
      .orderBy('cases.id')
      .executeTakeFirstOrThrow();
    const page = await newPage();
    await loginAs(page, 'city');
    await page.goto('/city/penalties');
    await page.getByRole('button', { name: '登记处罚' }).click();
    const form = page.getByRole('form', { name: '登记处罚' });
    await form.getByText('用人单位', { exact: true }).click();
    await form.getByLabel('申请编号').fill(c.applicationNo!);
    await form.getByLabel('事实与理由').fill('为员工出具虚假的在职证明（测试）');
    await form.getByLabel('处罚依据').fill('实施细则 第十四条（测试）');
    await form.getByLabel('罚款金额（元）').fill('30000');
    await form.getByLabel('决定日期').fill('2025-12-10');
    await form.getByLabel('决定日期').press('Enter');
    await poll(() => form.getByLabel('决定日期').inputValue()).toBe('2025-12-10');
    await form.getByRole('button', { name: '登记处罚' }).click();
    await page.getByTestId('penalty-saved').waitFor();
    const list = page.getByTestId('penalties');
    await poll(() => list.innerText()).toContain('实施细则 第十四条（测试）');
    expect(await list.innerText()).toContain(`单位：${c.name}`);
    const audit = await e2e.db
      .selectFrom('auditEvents')
      .select('command')
      .where('command', '=', 'record_penalty')
      .execute();
    expect(audit).toHaveLength(1);
  }, 240_000);

  it('the supervisor assigns a review item to a reviewer of the case district', async () => {
    const c = await e2e.db
      .selectFrom('cases')
      .innerJoin('reviewTasks', 'reviewTasks.caseId', 'cases.id')
      .select(['cases.applicationNo', 'cases.district', 'reviewTasks.indicator'])
      .where('cases.state', '=', 'under_review')
      .where('reviewTasks.status', '=', 'open')
      .where('reviewTasks.assignedTo', 'is', null)
      .orderBy('cases.id')
      .executeTakeFirstOrThrow();
    const page = await newPage();
    await loginAs(page, 'city');
    await page.goto(`/city/cases?q=${encodeURIComponent(c.applicationNo!)}`);
    const first = page.getByTestId('city-cases').locator('tbody tr.ant-table-row').first();
    await first.waitFor();
    await first.locator('td:first-child button').click();
    const assignment = page.locator('.ant-drawer:visible').getByTestId('task-assignment');
    const row = assignment.locator('tbody tr.ant-table-row', { hasText: '尚未分派' }).first();
    await row.waitFor();
    const item = await row.locator('td:first-child').innerText();
    await row.locator('.ant-select').click();
    await page
      .locator(`.ant-select-dropdown:visible .ant-select-item-option[title^="${c.district}审核"]`)
      .click();
    await row.getByRole('button', { name: /分\s*派/ }).click();
    const same = assignment.locator('tbody tr.ant-table-row', { hasText: item }).first();
    await poll(() => same.locator('td:nth-child(3)').innerText()).toBe(`${c.district}审核`);
    const audit = await e2e.db
      .selectFrom('auditEvents')
      .select('command')
      .where('command', '=', 'assign_task')
      .execute();
    expect(audit).toHaveLength(1);
  }, 240_000);

  it('HR adds an award to a draft and the pre-check score follows', async () => {
    const draft = await e2e.db
      .selectFrom('cases')
      .select(['id', 'unitId'])
      .where('state', '=', 'draft')
      .where('unitId', 'like', 'demo-%-_')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const [, code, k] = draft.unitId.split('-');
    const page = await newPage();
    await loginAs(page, `hr.${code}${k}`);
    await page.goto(`/employer/cases/${draft.id}`);
    const precheck = page.getByTestId('precheck');
    await precheck.waitFor();
    const scoreOf = async () => Number(/模拟积分 (\d+) 分/.exec(await precheck.innerText())?.[1]);
    const before = await scoreOf();
    expect(before).toBeGreaterThan(0);
    const rules = (await (await page.request.get('/api/v1/rules')).json()) as {
      parameters: { key: string; value: Record<string, number> }[];
    };
    const national = rules.parameters.find((p) => p.key === 'award')!.value.national!;

    await page.getByRole('button', { name: '修改申报指标' }).click();
    const editor = page.getByTestId('claims-editor');
    await editor.getByRole('button', { name: '添加表彰奖励' }).click();
    await editor.getByLabel('表彰级别').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option[title="省部级及以上表彰奖励"]')
      .click();
    await editor.getByLabel('获奖日期').fill('2024-05-01');
    // The policy's own words for awards come from the rules data.
    await poll(() => editor.getByTestId('policy-text').last().innerText()).toContain('表彰奖励');
    await editor.getByRole('button', { name: '保存申报指标' }).click();
    await page.getByTestId('claims-saved').waitFor();
    await poll(scoreOf).toBe(before + national);
    await looksRendered(page, 'employer-claims-edited');
  }, 240_000);
});
