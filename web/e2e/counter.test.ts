import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { qrCodes } from '../../src/documents/testing/pdfTools.js';
import { listAuditEventsForCase } from '../../src/storage/auditLog.js';
import { insertUnitMessage } from '../../src/storage/unitMessageRepository.js';
import { loginAs, screenshot, startE2E, type E2E, confirmBinding } from './harness.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Issue 15 at the counter, clicked through the real UI: the clerk finds a case
 * by the number printed (and scanned) from its 积分申请表, by the holder's name
 * and by the full ID number; reveals the ID number with a reason (audited); and
 * accepts only after a confirmation. HR exports its cases to Excel and the file
 * holds the expected rows.
 */
describe('the counter and the exports, in the browser', () => {
  let e2e: E2E;
  let current: Page | undefined;
  // A 闵行 case waiting at the counter, and its unit (demo-mh-N, whose HR is hr.mhN).
  let target: { caseId: string; applicationNo: string; name: string; idNumber: string; unitId: string };
  beforeAll(async () => {
    e2e = await startE2E();
    const row = await e2e.db
      .selectFrom('cases')
      .innerJoin('holders', 'holders.id', 'cases.holderId')
      .select(['cases.id', 'cases.applicationNo', 'holders.name', 'holders.idNumber', 'cases.unitId'])
      .where('cases.district', '=', '闵行')
      .where('cases.unitId', 'like', 'demo-mh-%')
      .where('cases.state', '=', 'submitted')
      .orderBy('cases.id')
      .executeTakeFirstOrThrow();
    target = {
      caseId: row.id,
      applicationNo: row.applicationNo!,
      name: row.name,
      idNumber: row.idNumber,
      unitId: row.unitId,
    };
  }, 180_000);
  afterAll(() => e2e?.close());

  const SLOW = { timeout: 45_000 };
  const signIn = async (user: string): Promise<Page> => {
    const ctx = await e2e.context();
    const page = await ctx.newPage();
    page.setDefaultTimeout(45_000);
    current = page;
    await loginAs(page, user);
    await page.waitForLoadState('networkidle');
    return page;
  };
  const failureShot = () =>
    onTestFailed(async () => {
      if (current) await screenshot(current, 'counter-failure').catch(() => undefined);
    });
  const search = async (page: Page, text: string) => {
    const box = page.getByTestId('clerk-search-input').locator('input');
    await box.fill(text);
    return page.getByTestId('clerk-search');
  };

  it('finds by the scanned number, the name and the ID number; reveals with a reason; accepts after confirming', async () => {
    failureShot();
    const clerk = await signIn('clerk.mh');

    // The printed form's QR code, read as a scanner would, is the case's 申请编号.
    const pdf = await clerk.request.get(`/api/v1/cases/${target.caseId}/documents/application-form.pdf`);
    expect(pdf.status()).toBe(200);
    const scanned = qrCodes(Buffer.from(await pdf.body()));
    expect(scanned).toEqual([target.applicationNo]);

    // The scanner types the number and Enter into the counter's search box: the case opens.
    await clerk.goto('/clerk');
    const box = clerk.getByTestId('clerk-search-input').locator('input');
    await box.pressSequentially(scanned[0]!, { delay: 5 });
    await box.press('Enter');
    await clerk.waitForURL(`**/clerk/cases/${target.applicationNo}`);
    await expect.poll(() => clerk.getByTestId('application-no').innerText(), SLOW).toBe(target.applicationNo);
    expect(await clerk.locator('main').innerText()).not.toContain(target.caseId);

    // By the holder's name: the total is shown and the row names the person and the number.
    await clerk.goto('/clerk');
    let results = await search(clerk, target.name);
    await expect.poll(() => clerk.getByTestId('clerk-search-total').innerText(), SLOW).toMatch(/共 \d+ 件/);
    await results.getByRole('link', { name: target.applicationNo }).waitFor();
    expect(await results.locator('tr', { hasText: target.applicationNo }).innerText()).toContain(target.name);
    await screenshot(clerk, 'clerk-search');

    // By the full ID number: found, and shown masked.
    results = await search(clerk, target.idNumber);
    await expect
      .poll(() => clerk.getByTestId('clerk-search-total').innerText(), SLOW)
      .toContain('公民身份号码');
    await results.getByRole('link', { name: target.applicationNo }).waitFor();
    expect(await clerk.locator('main').innerText()).not.toContain(target.idNumber);
    await results.getByRole('link', { name: target.applicationNo }).click();
    await clerk.getByTestId('material-checklist').waitFor();
    await screenshot(clerk, 'clerk-counter');

    // 查看完整证件号: a reason is required; the number is shown once and the reveal is audited.
    await clerk.getByRole('button', { name: '查看完整证件号' }).click();
    const dialog = clerk.getByRole('dialog');
    await dialog.getByRole('button', { name: '查看' }).click();
    await dialog.getByText('请选择查看原因').waitFor();
    await dialog.getByLabel('查看原因').click();
    await clerk.getByTitle('窗口核对本人身份证件', { exact: true }).click();
    await dialog.getByRole('button', { name: '查看' }).click();
    await expect.poll(() => dialog.getByTestId('revealed-id-number').innerText(), SLOW).toBe(target.idNumber);
    const reveals = (await listAuditEventsForCase(e2e.db, target.caseId)).filter(
      (e) => e.command === 'reveal_identity',
    );
    expect(reveals).toHaveLength(1);
    expect(reveals[0]).toMatchObject({
      actorRole: 'acceptance_clerk',
      payload: { reason: '窗口核对本人身份证件' },
    });
    expect(JSON.stringify(reveals[0])).not.toContain(target.idNumber);
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await clerk.locator('main').innerText()).not.toContain(target.idNumber);
    // The timeline shows the reveal in Chinese.
    await expect.poll(() => clerk.getByTestId('case-timeline').innerText(), SLOW).toContain('查看完整证件号');

    // The claims and the pre-check are beside the checklist.
    await expect.poll(() => clerk.getByTestId('clerk-claims').innerText(), SLOW).toMatch(/预检查(未)?通过/);

    // 受理 asks first: cancelling changes nothing; confirming accepts with a receipt.
    await clerk.getByRole('button', { name: /全部标为已收到/ }).click();
    await clerk.getByRole('button', { name: /受理并出具收件凭证/ }).click();
    const confirm = clerk.locator('.ant-modal-confirm');
    await expect.poll(() => confirm.innerText(), SLOW).toContain('法定期限');
    await confirm.getByRole('button', { name: '取消' }).click();
    await confirm.waitFor({ state: 'detached' });
    const before = await e2e.db
      .selectFrom('cases')
      .select('state')
      .where('id', '=', target.caseId)
      .executeTakeFirstOrThrow();
    expect(before.state).toBe('submitted');
    await clerk.getByRole('button', { name: /受理并出具收件凭证/ }).click();
    await confirmBinding(clerk, '确认受理');
    await expect.poll(() => clerk.getByTestId('clerk-result').innerText(), SLOW).toMatch(/收件凭证号：\S+/);
    await expect.poll(() => clerk.getByTestId('case-state').first().innerText(), SLOW).toContain('已受理');
  }, 300_000);

  it("HR exports the unit's cases to Excel; the file holds the expected rows", async () => {
    failureShot();
    const hr = await signIn(target.unitId.replace('demo-mh-', 'hr.mh'));
    await hr.goto('/employer');
    await hr.getByTestId('employer-cases').locator('tbody tr.ant-table-row').first().waitFor();
    const [download] = await Promise.all([
      hr.waitForEvent('download'),
      hr.getByTestId('employer-export-xlsx').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = readFileSync((await download.path())!);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const rows: string[][] = [];
    book.worksheets[0]!.eachRow((row) =>
      rows.push(
        (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))),
      ),
    );
    const header = rows.findIndex((r) => r[0] === '申请编号');
    expect(header).toBeGreaterThanOrEqual(0);
    expect(rows[header]).toContain('持证人姓名');
    const data = rows.slice(header + 1);
    const expected = await e2e.db
      .selectFrom('cases')
      .innerJoin('holders', 'holders.id', 'cases.holderId')
      .select(['cases.applicationNo', 'holders.name', 'holders.idNumber'])
      .where('cases.unitId', '=', target.unitId)
      .execute();
    expect(data).toHaveLength(expected.length);
    expect(new Set(data.map((r) => r[0]))).toEqual(new Set(expected.map((e) => e.applicationNo)));
    const mine = data.find((r) => r[0] === target.applicationNo)!;
    expect(mine[1]).toBe(target.name);
    // Masked as on the screen.
    expect(mine[2]).not.toBe(target.idNumber);
    expect(mine[2]).toMatch(/\*{4,}/);
    // No internal id anywhere in the file.
    expect(rows.flat().join(' ')).not.toContain('demo-');
  }, 180_000);

  it("the unit's message centre: unread badge in the menu, the case by its number, mark all read", async () => {
    failureShot();
    const text = '您单位的积分申请已受理（消息中心测试）。';
    await insertUnitMessage(e2e.db, {
      unitId: target.unitId,
      caseId: target.caseId,
      kind: 'notice',
      dedupKey: `counter-e2e-${target.caseId}`,
      templateId: 'case_accepted',
      templateVersion: 1,
      text,
      now: new Date().toISOString(),
    });
    const hr = await signIn(target.unitId.replace('demo-mh-', 'hr.mh'));
    await hr.goto('/employer');
    await expect.poll(() => hr.getByTestId('menu-unread').innerText(), SLOW).toMatch(/消息中心\s*\d+/);
    await hr.getByRole('menuitem', { name: /消息中心/ }).click();
    await hr.waitForURL('**/employer/messages');
    const list = hr.getByTestId('unit-messages');
    const row = list.locator('tr', { hasText: text });
    await row.waitFor();
    expect(await row.getByRole('link', { name: target.applicationNo }).count()).toBe(1);
    await hr.getByRole('button', { name: '全部标为已读' }).click();
    await expect.poll(() => row.innerText(), SLOW).toContain('已读');
    await hr.getByTestId('menu-unread').waitFor({ state: 'detached' });
    const unread = await e2e.db
      .selectFrom('unitMessages')
      .select('id')
      .where('unitId', '=', target.unitId)
      .where('readAt', 'is', null)
      .execute();
    expect(unread).toEqual([]);
  }, 180_000);

  it('the approver assigns a review item to a reviewer by name; the reviewer sees it as theirs', async () => {
    failureShot();
    const c = await e2e.db
      .selectFrom('cases')
      .innerJoin('reviewTasks', 'reviewTasks.caseId', 'cases.id')
      .select(['cases.applicationNo', 'reviewTasks.indicator'])
      .where('cases.district', '=', '闵行')
      .where('cases.state', '=', 'under_review')
      .where('reviewTasks.status', '=', 'open')
      .where('reviewTasks.assignedTo', 'is', null)
      .orderBy('cases.id')
      .executeTakeFirstOrThrow();
    const approver = await signIn('approver.mh');
    await approver.goto(`/review/cases/${encodeURIComponent(c.applicationNo!)}`);
    await expect
      .poll(() => approver.getByTestId(`assignee-${c.indicator}`).innerText(), SLOW)
      .toBe('尚未分派');
    const assignment = approver.getByTestId('task-assignment');
    const row = assignment.locator('tbody tr.ant-table-row', { hasText: '尚未分派' }).first();
    await row.locator('.ant-select').click();
    // The district's reviewers by name, with their open items (no account ids on screen).
    await approver
      .locator('.ant-select-dropdown:visible .ant-select-item-option[title^="闵行审核（待办"]')
      .click();
    await row.getByRole('button', { name: /分\s*派/ }).click();
    await expect
      .poll(() => approver.getByTestId(`assignee-${c.indicator}`).innerText(), SLOW)
      .toBe('闵行审核');

    // The reviewer opens the same case: the item is marked as theirs.
    const reviewer = await signIn('reviewer.mh');
    await reviewer.goto(`/review/cases/${encodeURIComponent(c.applicationNo!)}`);
    await expect
      .poll(() => reviewer.getByTestId(`assignee-${c.indicator}`).innerText(), SLOW)
      .toBe('闵行审核（本人）');
    await reviewer.getByTestId('task-assignment').scrollIntoViewIfNeeded();
    await screenshot(reviewer, 'review-assignment');

    // Where the reviewer chooses work, a stage without a working-day limit (受理后审核) says so
    // beside how long the case has waited, instead of a bare dash (issue 15).
    await reviewer.goto('/review');
    const queue = reviewer.getByTestId('review-queue');
    const first = queue.locator('tbody tr.ant-table-row').first();
    await first.waitFor();
    expect(await first.innerText()).toContain('无法定时限');
    const audit = await e2e.db
      .selectFrom('auditEvents')
      .select('actorRole')
      .where('command', '=', 'assign_task')
      .execute();
    expect(audit).toEqual([{ actorRole: 'district_approver' }]);
  }, 180_000);

  it('overdue rows stand out with words, pass axe, and the deadline column sorts', async () => {
    failureShot();
    // Months later, every deadline of the waiting cases has passed.
    e2e.setDay('2026-09-30');
    const clerk = await signIn('clerk.mh');
    await clerk.goto('/clerk');
    const queue = clerk.getByTestId('clerk-queue');
    await queue.locator('tr.row-overdue').first().waitFor();
    expect(await queue.locator('tr.row-overdue').count()).toBeGreaterThan(0);
    expect(await queue.locator('tr.row-overdue').first().getByTestId('overdue-tag').innerText()).toBe(
      '已超期',
    );
    await clerk.evaluate(AXE);
    const violations = await clerk.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string }[] }> };
        }
      ).axe;
      const r = await axe.run(document.querySelector('[data-testid="clerk-queue"]'), {});
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(violations).toEqual([]);
    // Sorted by working days left, the most overdue first: the server sorts the whole queue.
    const sorted = clerk.waitForResponse(
      (r) => r.url().includes('/queue?') && r.url().includes('orderBy=deadline'),
    );
    await queue.getByRole('columnheader', { name: /工作日期限/ }).click();
    expect((await sorted).status()).toBe(200);
    const left = async () =>
      (await queue.getByTestId('case-due').allInnerTexts()).map((t) => {
        const over = /已超期 (\d+)/.exec(t);
        const rest = /剩 (\d+)/.exec(t);
        return over ? -Number(over[1]) : rest ? Number(rest[1]) : 0;
      });
    await expect
      .poll(async () => {
        const l = await left();
        return l.every((v, i) => i === 0 || l[i - 1]! <= v);
      }, SLOW)
      .toBe(true);
  }, 180_000);
});
