import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import {
  checkScreenshot,
  loginAs,
  screenshot,
  setOwnPassword,
  startE2E,
  type E2E,
  confirmBinding,
} from './harness.js';

/** A demo holder with no case yet, employed by demo-mh-1 (闵行), whose HR is hr.mh1. */
const HOLDER = 'demo-h109';
/** Confirms a binding command (issue 15: every binding command asks first). */
const confirmWith = confirmBinding;

/**
 * The whole scenario of workflow.md clicked through the UI by the people whose
 * work it is (the dates of src/http/workflowScenario.test.ts): HR creates the
 * points account and the holder's login, submits; the counter returns it with a
 * one-time notice; HR resubmits; the counter accepts; the reviewer reviews,
 * refers an item and settles it, verifies; the approver determines; the holder
 * sees the explained determination and asks for reconsideration; the approver decides.
 */
describe('the application workflow clicked through the web UI', () => {
  let e2e: E2E;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    e2e = await startE2E({ day: '2025-09-15' });
  }, 180_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await e2e?.close();
  });

  /** Two cores shared by several test runs: pages may take a while. */
  const SLOW = { timeout: 45_000 };
  let current: Page | undefined;
  const t0 = Date.now();
  const step = (what: string) =>
    process.stderr.write(`[workflow e2e ${((Date.now() - t0) / 1000).toFixed(1)}s] ${what}\n`);

  const passwords = new Map<string, string>();
  /** Moves the clock, then signs in afresh (sessions are dated by the server clock). */
  const as = async (day: string, username: string, password?: string): Promise<Page> => {
    e2e.setDay(day);
    const ctx = await e2e.context();
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.setDefaultTimeout(45_000);
    page.on('pageerror', (e) => step(`page error: ${e.message}`));
    page.on('requestfailed', (r) => {
      // Aborted preloads are normal on navigation; a chunk that fails otherwise blanks the app.
      if (r.failure()?.errorText !== 'net::ERR_ABORTED')
        step(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
    });
    current = page;
    step(`${day} ${username}`);
    const known = passwords.get(username) ?? password;
    await loginAs(page, username, known);
    await page.waitForURL((u) => u.pathname !== '/login');
    // A password set by someone else (the unit opened the login) is changed first (issue 12).
    if (new URL(page.url()).pathname === '/account/password') {
      await setOwnPassword(page, known!, 'a self-chosen secret 2025');
      passwords.set(username, 'a self-chosen secret 2025');
    }
    // The sign-in lands on the role's workspace; let it settle before the test navigates on.
    await page.waitForLoadState('networkidle');
    return page;
  };
  const stateIs = async (page: Page, text: string) =>
    expect
      .poll(() => page.getByTestId('case-state').first().innerText(), { timeout: 45_000 })
      .toContain(text);
  const heldBy = async (page: Page, text: string) =>
    expect.poll(() => page.getByTestId('case-held-by').innerText(), { timeout: 45_000 }).toContain(text);
  const shot = async (page: Page, name: string) => {
    const check = await checkScreenshot(page, await screenshot(page, name));
    expect(check.cjkRendered, `${name}: CJK rendered`).toBe(true);
    expect(check.inkRatio, `${name}: not blank`).toBeGreaterThan(0.02);
    expect(check.colours, `${name}: colours`).toBeGreaterThan(3);
  };

  it('filing → notice → resubmission → acceptance → referral → verification → determination → reconsideration', async () => {
    onTestFailed(async () => {
      if (!current) return;
      process.stderr.write(`[workflow e2e] failed on ${current.url()}\n`);
      await screenshot(current, 'workflow-failure').catch(() => undefined);
      const text = await current
        .locator('main')
        .innerText()
        .catch(() => '');
      process.stderr.write(`${text.slice(0, 2000)}\n`);
    });
    // 2025-09-15: HR finds the employee, creates the points account from the registry data.
    let hr = await as('2025-09-15', 'hr.mh1');
    // Lists name people, never by their internal id (issue 15): HR finds the employee by name.
    const { name } = await e2e.db
      .selectFrom('holders')
      .select('name')
      .where('id', '=', HOLDER)
      .executeTakeFirstOrThrow();
    await hr.goto('/employer/employees');
    await hr.getByPlaceholder('姓名或持证人编号').fill(name);
    await hr.getByPlaceholder('姓名或持证人编号').press('Enter');
    await hr.getByTestId('employees').getByText(name, { exact: true }).waitFor();
    expect(await hr.getByTestId('employees').innerText()).not.toContain(HOLDER);
    // The row of that holder (the search may still be narrowing the list).
    await hr
      .getByTestId('employees')
      .locator('tr', { has: hr.getByText(name, { exact: true }) })
      .getByRole('button', { name: /^为 .* 创建积分账户$/ })
      .click();
    await hr.getByText('共享登记数据（自动带入，无需填写）').waitFor();
    await hr.getByRole('button', { name: '创建积分账户' }).click();
    // The page of the new case is opened by its 申请编号 (issue 15), never by the internal id.
    await hr.waitForURL(/\/employer\/cases\/MH\d{4}-\d{6}$/);
    const NO = (await hr.getByTestId('application-no').innerText()).trim();
    expect(NO).toMatch(/^MH\d{4}-\d{6}$/);
    const { id: internalId } = await e2e.db
      .selectFrom('cases')
      .select('id')
      .where('applicationNo', '=', NO)
      .executeTakeFirstOrThrow();
    expect(await hr.locator('main').innerText()).not.toContain(internalId);
    await stateIs(hr, '单位填报中');
    await heldBy(hr, '单位经办人');
    // …and opens the holder's login: the password is shown once.
    await hr.getByLabel('持证人用户名').fill('holder.web');
    await hr.getByRole('button', { name: /开立账号/ }).click();
    const initialPassword = (await hr.getByTestId('initial-password').innerText()).trim();
    expect(initialPassword.length).toBeGreaterThanOrEqual(12);

    // 2025-09-16: pre-check, then submit.
    hr = await as('2025-09-16', 'hr.mh1');
    await hr.goto(`/employer/cases/${NO}`);
    await expect.poll(() => hr.getByTestId('precheck').innerText(), SLOW).toContain('预检查通过');
    await hr.getByRole('button', { name: /提交申请/ }).click();
    await confirmWith(hr, '确认提交');
    await stateIs(hr, '等待受理');
    await heldBy(hr, '受理点');

    // 2025-09-18: the counter returns it with a one-time notice naming the missing item and why.
    let clerk = await as('2025-09-18', 'clerk.mh');
    await clerk.goto('/clerk');
    const queue = clerk.getByTestId('clerk-queue');
    await queue.getByRole('link', { name: NO }).waitFor();
    await expect.poll(() => queue.locator('tr', { hasText: NO }).innerText(), SLOW).toMatch(/\d+ 个工作日/);
    await shot(clerk, 'clerk-queue');
    await queue.getByRole('link', { name: NO }).click();
    await stateIs(clerk, '等待受理');
    await clerk.getByRole('button', { name: /全部标为已收到/ }).click();
    const rows = clerk.getByTestId('material-checklist').locator('tbody tr.ant-table-row');
    const last = rows.last();
    const missingLabel = (await last.locator('td').first().innerText()).split('（')[0]!.trim();
    await last.getByText('缺少', { exact: true }).click();
    await last.getByRole('textbox').fill('未带原件');
    await shot(clerk, 'clerk-case');
    await clerk.getByRole('button', { name: /退回并出具一次性告知单/ }).click();
    await confirmWith(clerk, '确认退回');
    await expect.poll(() => clerk.getByTestId('clerk-result').innerText(), SLOW).toContain('一次性告知单');
    await stateIs(clerk, '待补齐材料');
    await heldBy(clerk, '单位经办人');

    // 2025-09-22: the unit reads the notice and resubmits; the acceptance reminder falls on a make-up Saturday.
    hr = await as('2025-09-22', 'hr.mh1');
    await hr.goto(`/employer/cases/${NO}`);
    await expect.poll(() => hr.getByTestId('notice-items').innerText(), SLOW).toContain('未带原件');
    expect(await hr.getByTestId('notice-items').innerText()).toContain(missingLabel.slice(0, 6));
    await hr.getByRole('button', { name: /已补齐材料，重新提交/ }).click();
    await confirmWith(hr, '确认提交');
    await stateIs(hr, '等待受理');
    await expect.poll(() => hr.getByTestId('case-due').innerText(), SLOW).toContain('2025-10-11');
    // …and attaches an urgency note (子女入学): it orders the officers' queues, the deadline stays.
    await hr.getByLabel('理由', { exact: true }).click();
    await hr.getByTitle('子女入学', { exact: true }).click();
    await hr.getByLabel('所需日期', { exact: true }).fill('2026-03-01');
    await hr.getByLabel('所需日期', { exact: true }).press('Enter');
    await hr.getByRole('button', { name: /提交加急说明/ }).click();
    await expect
      .poll(() => hr.locator('body').innerText(), SLOW)
      .toContain('已附加急说明：子女入学（2026-03-01）');
    expect(await hr.getByTestId('case-due').innerText()).toContain('2025-10-11');
    await hr.goto('/employer');
    const list = hr.getByTestId('employer-cases');
    await expect.poll(() => list.locator('tr', { hasText: NO }).innerText(), SLOW).toContain('等待受理');
    expect(await list.locator('tr', { hasText: NO }).innerText()).toContain('2025-10-11');
    await shot(hr, 'employer-cases');

    // 2025-09-24: the counter accepts; the receipt number is shown.
    clerk = await as('2025-09-24', 'clerk.mh');
    await clerk.goto(`/clerk/cases/${NO}`);
    await clerk.getByRole('button', { name: /全部标为已收到/ }).click();
    await clerk.getByRole('button', { name: /受理并出具收件凭证/ }).click();
    await confirmWith(clerk, '确认受理');
    await expect.poll(() => clerk.getByTestId('clerk-result').innerText(), SLOW).toMatch(/收件凭证号：\S+/);
    await stateIs(clerk, '已受理');
    await expect.poll(() => clerk.getByTestId('receipt-no').first().innerText(), SLOW).not.toBe('');

    // 2025-09-25: the reviewer starts the review and passes archive and insurance.
    let reviewer = await as('2025-09-25', 'reviewer.mh');
    await reviewer.goto('/review');
    await reviewer.getByTestId('review-queue').getByRole('link', { name: NO }).click();
    await stateIs(reviewer, '已受理');
    await reviewer.getByRole('button', { name: /开始审核/ }).click();
    await stateIs(reviewer, '审核中');
    await reviewer.getByRole('button', { name: '档案审核 通过' }).click();
    await expect.poll(() => reviewer.getByTestId('task-archive').innerText(), SLOW).toContain('通过');
    await reviewer.getByRole('button', { name: '社保缴费 通过' }).click();
    await expect.poll(() => reviewer.getByTestId('task-insurance').innerText(), SLOW).toContain('通过');
    await heldBy(reviewer, '审核');

    // 2025-09-26: education is referred to its authority; the clock pauses and everyone sees who holds it.
    reviewer = await as('2025-09-26', 'reviewer.mh');
    await reviewer.goto(`/review/cases/${NO}`);
    await reviewer.getByRole('button', { name: '学历学位 提请核实' }).click();
    // Fill once the dialog has opened (its form mounts with the dialog), then see it close on success.
    const referDialog = reviewer.getByRole('dialog');
    await referDialog.getByLabel('核实机构').waitFor();
    await referDialog.getByLabel('核实机构').fill('市教委学历认证中心');
    await expect.poll(() => referDialog.getByLabel('核实机构').inputValue(), SLOW).toBe('市教委学历认证中心');
    await referDialog.getByRole('button', { name: /确\s*定/ }).click();
    await referDialog.waitFor({ state: 'hidden' });
    await heldBy(reviewer, '市教委学历认证中心');
    await expect.poll(() => reviewer.getByTestId('task-education').innerText(), SLOW).toContain('提请核实中');
    await shot(reviewer, 'review-case');
    let holder = await as('2025-09-26', 'holder.web', initialPassword);
    await holder.goto('/holder');
    await expect
      .poll(() => holder.getByTestId('holder-held-by').first().innerText(), SLOW)
      .toContain('市教委学历认证中心');

    // 2025-09-29: the authority answers; the reviewer settles and verifies (20 working days across National Day).
    reviewer = await as('2025-09-29', 'reviewer.mh');
    await reviewer.goto(`/review/cases/${NO}`);
    await reviewer.getByRole('button', { name: '学历学位 核实属实' }).click();
    await heldBy(reviewer, '审核');
    await reviewer.getByRole('button', { name: /审核通过（转核定）/ }).click();
    await confirmWith(reviewer, '确认通过');
    await stateIs(reviewer, '审核通过待核定');
    await heldBy(reviewer, '核定');
    await expect.poll(() => reviewer.getByTestId('case-due').innerText(), SLOW).toContain('2025-11-03');

    // 2025-10-20: the approver sees the engine's result (no number to type) and determines.
    const approver = await as('2025-10-20', 'approver.mh');
    await approver.goto('/review');
    await approver.getByTestId('review-queue').getByRole('link', { name: NO }).click();
    await approver.getByText('规则引擎计算结果（依已审核通过的事实；分值不可手工填写）').waitFor();
    expect(await approver.locator('input[type=number]').count()).toBe(0);
    await approver.getByRole('button', { name: /按上述结果核定积分/ }).click();
    await confirmWith(approver, '确认核定');
    await stateIs(approver, '已核定');
    const total = Number(await approver.getByTestId('determination-total').first().innerText());
    expect(total).toBeGreaterThan(0);

    // The holder sees the determination, explained item by item.
    holder = await as('2025-10-20', 'holder.web', initialPassword);
    await holder.goto('/holder');
    await expect.poll(() => holder.getByTestId('holder-cases').innerText(), SLOW).toContain('已核定');
    await expect.poll(() => holder.getByTestId('points-in-force').innerText(), SLOW).toBe(String(total));
    await shot(holder, 'holder-cases');
    await holder.getByRole('link', { name: NO }).click();
    await expect
      .poll(() => holder.getByTestId('determination-total').first().innerText(), SLOW)
      .toBe(String(total));
    await holder.getByRole('cell', { name: '年龄', exact: true }).first().waitFor();

    // 2025-10-22: the holder asks for a reconsideration; the district approver holds it.
    holder = await as('2025-10-22', 'holder.web', initialPassword);
    await holder.goto(`/holder/cases/${NO}`);
    await holder.getByLabel('复核理由').fill('学历分值计算有异议');
    await holder.getByRole('button', { name: /提交复核申请/ }).click();
    await expect
      .poll(() => holder.getByTestId('case-state').first().innerText(), SLOW)
      .toContain('区级复核中');
    await heldBy(holder, '核定');

    // 2025-11-05: the approver decides; the holder sees the decision.
    const approver2 = await as('2025-11-05', 'approver.mh');
    await approver2.goto(`/review/cases/${NO}`);
    await approver2.getByRole('button', { name: /作出区级复核决定/ }).click();
    await approver2.getByLabel('决定理由').fill('经复核，学历分值按本科计算无误');
    await approver2.getByRole('button', { name: /确\s*定/ }).click();
    await confirmWith(approver2, '确认决定');
    await expect
      .poll(() => approver2.getByTestId('reconsideration-outcome').innerText(), SLOW)
      .toContain('维持原核定');
    holder = await as('2025-11-05', 'holder.web', initialPassword);
    await holder.goto(`/holder/cases/${NO}`);
    await expect
      .poll(() => holder.getByTestId('reconsideration-outcome').innerText(), SLOW)
      .toContain('维持原核定');
    await stateIs(holder, '已核定');
  }, 600_000);
});
