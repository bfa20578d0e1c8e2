import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { hashPassword } from '../../src/accounts/passwords.js';
import { seedWorld } from '../../src/cases/testing/world.js';
import { pendingReconsideration } from '../../src/evidence/testing/pendingReconsideration.js';
import { insertUser } from '../../src/storage/index.js';
import { loginAs, screenshot, startE2E, type E2E, confirmBinding } from './harness.js';

const PASSWORD = 'reconsideration e2e 2025';
const CASE = 'rc-web-case';
/** A one-page scan as the holder would attach it (recognised by its bytes as a PDF). */
const SCAN = Buffer.concat([
  Buffer.from('%PDF-1.4\n%\xe2\xe3\n1 0 obj\n<<>>\nendobj\n'),
  Buffer.alloc(4000, 0x20),
]);

const pdfText = (pdf: Buffer): string => {
  const dir = mkdtempSync(join(tmpdir(), 'jifen-rc-'));
  try {
    writeFileSync(join(dir, 'd.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, 'd.pdf'), '-'], {
      encoding: 'utf8',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/**
 * Issue 15, clicked through the UI: the holder asks for reconsideration of a
 * determined case, adds the 中级职称 forgotten at filing and attaches the
 * certificate; the reviewer downloads the evidence and verifies the fact; the
 * approver decides a changed result; the new determination shows each item
 * before and after, on screen and in the 复核决定书.
 */
describe('reconsideration that can correct, in the web UI', () => {
  let e2e: E2E;
  const contexts: BrowserContext[] = [];
  let current: Page | undefined;
  beforeAll(async () => {
    e2e = await startE2E({ seed: false, day: '2025-10-22' });
    const w = await seedWorld(e2e.db, 'rcw');
    await pendingReconsideration(e2e.db, w, CASE, { request: false });
    const passwordHash = await hashPassword(PASSWORD);
    const now = '2025-10-21T02:00:00.000Z';
    await insertUser(e2e.db, {
      username: 'holder.rc',
      displayName: '持证人1',
      role: 'holder',
      holderId: w.holders.h1,
      passwordHash,
      now,
    });
    await insertUser(e2e.db, {
      username: 'reviewer.rc',
      displayName: '审核员',
      role: 'district_reviewer',
      district: '闵行',
      passwordHash,
      now,
    });
    await insertUser(e2e.db, {
      username: 'approver.rc',
      displayName: '核定员',
      role: 'district_approver',
      district: '闵行',
      passwordHash,
      now,
    });
  }, 180_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await e2e?.close();
  });

  const as = async (day: string, username: string): Promise<Page> => {
    e2e.setDay(day);
    const ctx = await e2e.context();
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.setDefaultTimeout(45_000);
    current = page;
    await loginAs(page, username, PASSWORD);
    await page.waitForURL((u) => u.pathname !== '/login');
    await page.waitForLoadState('networkidle');
    return page;
  };
  const SLOW = { timeout: 45_000 };

  it('request with a corrected title and evidence → reviewer verifies → approver redetermines → before/after', async () => {
    onTestFailed(async () => {
      if (current) await screenshot(current, 'reconsideration-failure').catch(() => undefined);
    });
    // The holder states the dispute, adds the title and attaches the certificate.
    const holder = await as('2025-10-22', 'holder.rc');
    await holder.goto(`/holder/cases/${CASE}`);
    await holder.getByLabel('复核理由').fill('申请时漏报了中级职称，请求重新核定');
    await holder.getByLabel('异议内容').fill('中级职称未计分');
    await holder.getByLabel('补正职称（申请时漏报的）').click();
    await holder.getByTitle('中级职称').click();
    await holder.getByLabel('职称与现岗位相符').check();
    await holder.getByLabel('补正情况说明').fill('2023年取得与岗位对应的中级职称，申请时漏报');
    await holder
      .locator('input[type=file]')
      .setInputFiles({ name: '中级职称证书.pdf', mimeType: 'application/pdf', buffer: SCAN });
    await holder.getByText('中级职称证书.pdf').waitFor();
    await holder.getByRole('button', { name: /提交复核申请/ }).click();
    await expect
      .poll(() => holder.getByTestId('holder-result').innerText(), SLOW)
      .toContain('已上传证据材料 1 份');
    await expect.poll(() => holder.getByTestId('fact-status').innerText(), SLOW).toContain('待核实');
    // Until a reviewer has checked it against the evidence, no decision can be made (workflow.md).
    await expect
      .poll(() => holder.getByTestId('facts-awaiting-review').innerText(), SLOW)
      .toContain('1 项补正事实待审核人员对照证据核实');

    // The reviewer sees it under 复核待处理, downloads the evidence and verifies the fact.
    const reviewer = await as('2025-10-24', 'reviewer.rc');
    await reviewer.goto('/review');
    const pending = reviewer.getByTestId('pending-reconsiderations');
    await expect.poll(() => pending.innerText(), SLOW).toContain('1 项待核实');
    expect(await pending.innerText()).toContain('剩余');
    await pending.getByRole('link').first().click();
    const link = reviewer.getByTestId('evidence-files').getByRole('link', { name: '中级职称证书.pdf' });
    await link.waitFor();
    // The README's picture: the request and the fact to verify beside its evidence file.
    await screenshot(reviewer, 'reconsideration-evidence', [
      reviewer.locator('.ant-card', { has: reviewer.locator('.ant-card-head-title', { hasText: /^复核$/ }) }),
      reviewer.getByTestId('reconsideration-facts'),
    ]);
    const file = await reviewer.request.get((await link.getAttribute('href'))!);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-disposition']).toMatch(/^attachment;/);
    expect(file.headers()['x-content-type-options']).toBe('nosniff');
    expect(Buffer.from(await file.body()).equals(SCAN)).toBe(true);
    await reviewer.getByRole('button', { name: '核实属实' }).click();
    await reviewer.getByLabel('核实意见').fill('与职称证书原件及评审表一致');
    await reviewer.getByRole('button', { name: /确\s*认/ }).click();
    await expect.poll(() => reviewer.getByTestId('fact-status').innerText(), SLOW).toContain('经核实属实');

    // The approver decides a changed result: the engine recomputes with the verified title.
    const approver = await as('2025-10-28', 'approver.rc');
    await approver.goto(`/review/cases/${CASE}`);
    await approver.getByRole('button', { name: /作出区级复核决定/ }).click();
    // Before deciding, the dialog shows what the engine recomputes with the verified title.
    await expect
      .poll(() => approver.getByTestId('redetermination-preview').innerText(), SLOW)
      .toMatch(/专业技术职称和技能等级\s+0\s+100\s+\+100/);
    await approver.getByText('变更核定（重新计算）').click();
    await approver.getByLabel('决定理由').fill('经核实，申请人已取得与岗位对应的中级职称，应予计分');
    await approver.getByRole('button', { name: /确\s*定/ }).click();
    // A binding decision asks first (issue 15): the confirmation states its effect.
    await confirmBinding(approver, '确认决定');
    await expect
      .poll(() => approver.getByTestId('reconsideration-outcome').innerText(), SLOW)
      .toContain('变更');
    const comparison = approver.getByTestId('determination-comparison');
    await expect.poll(() => comparison.innerText(), SLOW).toMatch(/专业技术职称和技能等级\s+0\s+100\s+\+100/);

    // The decision document shows the change per item.
    const pdf = await approver.request.get(`/api/v1/cases/${CASE}/documents/reconsideration-decision.pdf`);
    expect(pdf.status()).toBe(200);
    const text = pdfText(Buffer.from(await pdf.body())).replace(/[ \t]+/g, ' ');
    expect(text).toContain('变更前后逐项对照');
    expect(text).toMatch(/专业技术职称和技能等级 0 100 \+100/);
    expect(text).toContain('经核实属实');
  }, 300_000);
});
