import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScreenshot, screenshot, startE2E, type E2E } from './harness.js';

/**
 * The public tools in a real browser: the simulator and the planner for public
 * golden cases (one typed in field by field, the others imported as JSON), a
 * validation error shown on its field and in the summary, a phone-sized run,
 * the checklist, pre-check, rules explorer and notice verification.
 */

interface Golden {
  name: string;
  profile: { asOf: string; birthDate: string } & Record<string, unknown>;
  expected: { total: number; qualified: boolean; items: Record<string, number> };
}
const golden = (id: string): Golden =>
  JSON.parse(readFileSync(new URL(`../../docs/spec/cases/${id}.json`, import.meta.url), 'utf8')) as Golden;

const P03 = golden('p03'); // 大专, 14年社保: 122
const P07 = golden('p07'); // 45岁: 113, not qualified
const P08 = golden('p08'); // 56岁 高级职称: 305
const P12 = golden('p12'); // 临港 + 配偶: 120

// Generous: the machine is shared, and a cold chromium renders antd slowly on it.
const LONG = 240_000;

async function expectCheckedScreenshot(page: Page, name: string): Promise<void> {
  const png = await screenshot(page, name);
  const check = await checkScreenshot(page, png);
  expect(check.cjkRendered, `${name}: CJK rendered`).toBe(true);
  expect(check.inkRatio, `${name}: not blank`).toBeGreaterThan(0.02);
  expect(check.colours, `${name}: colours`).toBeGreaterThan(3);
}

const total = (page: Page) => page.getByTestId('score-total');

/** Picks an option of the antd Select labelled `label` (the n-th such field). */
async function choose(page: Page, label: string, option: string, nth = 0): Promise<void> {
  await page.getByLabel(label, { exact: true }).nth(nth).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
}

async function importJson(page: Page, profile: unknown): Promise<void> {
  await page.getByRole('button', { name: /导入\/导出 JSON/ }).click();
  await page.getByLabel('档案 JSON').fill(JSON.stringify(profile));
  await page.getByRole('button', { name: /^导\s*入$/ }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
}

describe('the public tools in a real browser', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  }, LONG);
  afterAll(() => e2e?.close());

  it(
    'simulator: a golden case typed in field by field shows its total, items, explanation and next band; the planner follows',
    async () => {
      const ctx = await e2e.context();
      const page = await ctx.newPage();
      await page.goto('/simulate');
      await page.getByRole('heading', { name: '模拟估分', level: 1 }).waitFor();
      await page.getByLabel('申请日期').fill(P03.profile.asOf);
      await page.getByLabel('出生日期').fill(P03.profile.birthDate);
      await page.getByRole('button', { name: '添加学历' }).click();
      await choose(page, '学历层次', '大专（高职）');
      await page.getByRole('button', { name: '添加一段缴费记录' }).click();
      await page.getByLabel('开始月份').first().fill('2010-09');
      await page.getByLabel('月缴费基数（元）').fill('5000');
      await expect.poll(() => total(page).innerText(), { timeout: 60_000 }).toBe(String(P03.expected.total));
      expect(await page.getByTestId('points-education').innerText()).toContain(
        `+${P03.expected.items.education}`,
      );
      expect(await page.getByTestId('points-insurance_years').innerText()).toContain(
        `+${P03.expected.items.insurance_years}`,
      );
      expect(await page.getByTestId('rules-version').innerText()).toBe('v2023');
      await page.getByText('已达到标准分值').waitFor();
      // The explanation of an item: inputs, parameters with dates, the article, the next band.
      await page
        .locator('section[aria-labelledby="result-heading"]')
        .getByRole('button', { name: /^教育背景/ })
        .click();
      const edu = page.getByTestId('item-education');
      await edu.getByText('读取的政策参数').waitFor();
      expect(await edu.innerText()).toMatch(/2023-01-01 至 2027-12-31/);
      expect(await edu.innerText()).toContain('实施细则');
      expect(await edu.innerText()).toMatch(/下一档：.*本科/);
      await page.evaluate(() => window.scrollTo(0, 0));
      await expectCheckedScreenshot(page, 'simulator');

      // The profile is carried to the planner.
      await page.getByRole('button', { name: /达标方案$/ }).click();
      await page.getByRole('heading', { name: '达标方案', level: 1 }).waitFor();
      await expect
        .poll(() => page.getByTestId('plan-current-total').innerText(), { timeout: 60_000 })
        .toContain(String(P03.expected.total));
      expect(await page.getByTestId('plan-reached-on').innerText()).toContain('2024年10月8日');
      await ctx.close();
    },
    LONG,
  );

  it(
    'simulator and planner for imported golden cases: 113 (not yet 120, with options) and 305',
    async () => {
      const ctx = await e2e.context();
      const page = await ctx.newPage();
      await page.goto('/simulate');
      await importJson(page, P07);
      await expect.poll(() => total(page).innerText(), { timeout: 60_000 }).toBe(String(P07.expected.total));
      expect(await page.getByTestId('points-age').innerText()).toContain('+27');
      await page.getByText(`尚差 ${120 - P07.expected.total} 分`).waitFor();

      await page.getByRole('button', { name: /达标方案$/ }).click();
      await expect
        .poll(() => page.getByTestId('plan-current-total').innerText(), { timeout: 60_000 })
        .toContain(String(P07.expected.total));
      expect(await page.getByTestId('plan-reached-on').innerText()).toContain('2031年8月1日');
      const chart = page.getByTestId('timeline-chart');
      expect(await chart.locator('desc').textContent()).toContain('2031-08-01 达到标准分值');
      expect(await page.getByText(/^方案 \d+$/).count()).toBeGreaterThan(2);
      await page.getByText('测算假设').first().waitFor();
      await page.getByRole('button', { name: '以表格查看逐月数据' }).click();
      await page.getByRole('table').filter({ hasText: '逐月' }).getByText('2031-08-01').waitFor();
      await page.getByRole('button', { name: '隐藏数据表' }).click();
      await expectCheckedScreenshot(page, 'planner');

      await page.goto('/simulate');
      await importJson(page, P08.profile);
      await expect.poll(() => total(page).innerText(), { timeout: 60_000 }).toBe(String(P08.expected.total));
      expect(await page.getByTestId('points-qualification').innerText()).toContain('+140');
      await page.getByRole('button', { name: /达标方案$/ }).click();
      await expect
        .poll(() => page.getByTestId('plan-current-total').innerText(), { timeout: 60_000 })
        .toContain(String(P08.expected.total));
      expect(await page.getByTestId('plan-reached-on').innerText()).toContain('2025年4月21日');
      await ctx.close();
    },
    LONG,
  );

  it(
    'an impossible value shows the Chinese field error on its field and in the error summary',
    async () => {
      const ctx = await e2e.context();
      const page = await ctx.newPage();
      await page.goto('/simulate');
      await importJson(page, P03.profile);
      await expect.poll(() => total(page).innerText(), { timeout: 60_000 }).toBe('122');
      // Born after the application date, and a contribution run ending before it starts.
      await page.getByLabel('出生日期').fill('2030-01-01');
      await page.getByLabel('结束月份').first().fill('2009-01');
      const summary = page.getByRole('alert').filter({ hasText: '校验失败' });
      await summary.waitFor({ timeout: 60_000 });
      await expect.poll(() => summary.innerText()).toContain('出生日期：出生日期晚于申请日期');
      await expect
        .poll(() => summary.innerText(), { timeout: 60_000 })
        .toMatch(/社保缴费 第1项 · 结束月份：结束月份 2009-01 早于开始月份 2010-09/);
      const birthItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('出生日期') });
      await birthItem.locator('.ant-form-item-explain-error').getByText('出生日期晚于申请日期').waitFor();
      const toItem = page
        .locator('.ant-form-item')
        .filter({ has: page.getByLabel('结束月份').first() })
        .first();
      await toItem
        .locator('.ant-form-item-explain-error')
        .getByText(/早于开始月份/)
        .waitFor();
      expect(await page.getByLabel('出生日期').getAttribute('aria-invalid')).toBe('true');
      await screenshot(page, 'simulator-error');
      // Correcting the value clears the errors and the result comes back.
      await page.getByLabel('出生日期').fill(P03.profile.birthDate);
      await page.getByLabel('结束月份').first().fill('');
      await expect.poll(() => total(page).innerText(), { timeout: 60_000 }).toBe('122');
      expect(await page.getByRole('alert').filter({ hasText: '校验失败' }).count()).toBe(0);
      await ctx.close();
    },
    LONG,
  );

  it(
    'on a phone (390 px): the simulator works end to end and nothing overflows sideways',
    async () => {
      const ctx = await e2e.context({ phone: true });
      const page = await ctx.newPage();
      await page.goto('/simulate');
      await importJson(page, P12.profile);
      await expect.poll(() => total(page).innerText(), { timeout: 60_000 }).toBe(String(P12.expected.total));
      expect(await page.getByTestId('points-key_area').innerText()).toContain('+8');
      expect(await page.getByTestId('points-spouse_hukou').innerText()).toContain('+20');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      // Typing on the phone re-scores.
      await page.getByLabel('出生日期').fill('1978-02-01');
      await expect.poll(() => total(page).innerText(), { timeout: 60_000 }).not.toBe('120');
      await page.getByLabel('出生日期').fill(P12.profile.birthDate);
      await expect.poll(() => total(page).innerText(), { timeout: 60_000 }).toBe('120');
      // The sticky total bar rests at the end of the page in a full-page capture.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await expectCheckedScreenshot(page, 'simulator-phone');
      await ctx.close();
    },
    LONG,
  );

  it(
    'checklist (printable) and pre-check read the shared profile',
    async () => {
      const ctx = await e2e.context();
      const page = await ctx.newPage();
      await page.goto('/simulate');
      await importJson(page, {
        ...P12.profile,
        permit: { issuedOn: '2024-01-05', validUntil: '2027-01-04', status: 'active' },
        family: { spouseUsesBenefits: true },
      });
      await expect.poll(() => total(page).innerText(), { timeout: 60_000 }).toBe('120');
      await page.getByRole('button', { name: /材料清单$/ }).click();
      await page.getByRole('heading', { name: '申请材料清单', level: 1 }).waitFor();
      await page.getByText('单位人事专员介绍信').waitFor({ timeout: 60_000 });
      await page.getByRole('heading', { name: '在远郊重点区域工作并居住' }).waitFor();
      await page
        .getByText(/结婚证/)
        .first()
        .waitFor();
      await page.getByRole('button', { name: /打\s*印/ }).waitFor();
      await expectCheckedScreenshot(page, 'checklist');
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('button', { name: /打\s*印/ }).isVisible()).toBe(false);
      expect(await page.locator('header').isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });

      await page.goto('/precheck');
      await page.getByTestId('precheck-summary').waitFor({ timeout: 60_000 });
      const permit = page.getByTestId('condition-permit_valid');
      expect(await permit.innerText()).toContain('通过');
      expect(await permit.innerText()).toContain('依据');
      expect(await page.getByTestId('condition-employer_registered').innerText()).toContain('待核实');
      await screenshot(page, 'precheck');
      await ctx.close();
    },
    LONG,
  );

  it(
    'rules explorer: what is in force on a date, with citations, searchable',
    async () => {
      const ctx = await e2e.context();
      const page = await ctx.newPage();
      await page.goto('/rules?at=2025-09-15');
      await expect
        .poll(() => page.getByTestId('rules-version-id').innerText(), { timeout: 60_000 })
        .toBe('v2023');
      await page.getByText('12434 元/月').waitFor();
      await page.getByLabel('搜索').fill('临港');
      await expect.poll(() => page.locator('tbody tr.ant-table-row').count()).toBe(1);
      expect(await page.locator('tbody tr.ant-table-row').innerText()).toContain('在远郊重点区域工作并居住');
      await page.getByLabel('搜索').fill('');
      await expectCheckedScreenshot(page, 'rules');
      await page.getByLabel('查询日期').fill('2014-03-01');
      await expect
        .poll(() => page.getByTestId('rules-version-id').innerText(), { timeout: 60_000 })
        .toBe('v2013');
      await ctx.close();
    },
    LONG,
  );

  it(
    'notice verification: a demo determination by its code (masked), and an unknown code',
    async () => {
      // A determination still in force: the latest of its case, the case not expired or invalidated.
      const rows = await e2e.db
        .selectFrom('determinations')
        .innerJoin('cases', 'cases.id', 'determinations.caseId')
        .select(['determinations.verificationCode', 'determinations.total', 'determinations.caseId'])
        .select(['determinations.sequence', 'cases.state'])
        .execute();
      const latest = new Map<string, number>();
      for (const r of rows) latest.set(r.caseId, Math.max(latest.get(r.caseId) ?? 0, r.sequence));
      const row = rows.find(
        (r) => r.sequence === latest.get(r.caseId) && r.state !== 'expired' && r.state !== 'invalidated',
      )!;
      expect(row).toBeDefined();
      const ctx = await e2e.context();
      const page = await ctx.newPage();
      await page.goto(`/verify?code=${row.verificationCode}`);
      await page.getByTestId('verify-total').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('verify-total').innerText()).toBe(String(row.total));
      const card = page.locator('[data-testid^="verify-"]').first();
      expect(await card.innerText()).toMatch(/\*/);
      expect(await card.innerText()).toContain('核验通过');
      await expectCheckedScreenshot(page, 'verify');

      await page.getByLabel('核验码').fill('ZZZZZZZZZZZZ');
      await page.getByRole('button', { name: /核\s*验/ }).click();
      await page.getByTestId('verify-unknown').getByText('查无此核验码').waitFor({ timeout: 60_000 });
      expect(page.url()).toContain('code=ZZZZZZZZZZZZ');
      await page.getByLabel('核验码').fill('bad code!');
      await page.getByRole('button', { name: /核\s*验/ }).click();
      await page
        .locator('.ant-form-item-explain-error')
        .getByText('核验码格式不正确')
        .waitFor({ timeout: 60_000 });
      await ctx.close();
    },
    LONG,
  );
});
