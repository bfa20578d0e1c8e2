import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, screenshot, startE2E, type E2E } from './harness.js';

/**
 * A holder reads their cases and determination on a phone (issue 14): at 390 px nothing
 * scrolls sideways and no table squeezes a column so that its words break into a stack of
 * one or two characters a line.
 */
describe('the holder on a phone (390 px)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  }, 180_000);
  afterAll(() => e2e?.close());

  /** Sideways overflow of the page, and the table cells too narrow for their words, in CSS pixels. */
  const layout = (page: Page) =>
    page.evaluate(() => {
      const overflow = document.documentElement.scrollWidth - window.innerWidth;
      const squeezed: string[] = [];
      for (const cell of document.querySelectorAll<HTMLElement>('th, td')) {
        const text = cell.innerText.trim();
        const box = cell.getBoundingClientRect();
        if (!text || box.width === 0) continue;
        const style = getComputedStyle(cell);
        const em = parseFloat(style.fontSize);
        const inner = box.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        // The longest unbroken word (a run of CJK counts per 3 characters, a Latin word or number whole)
        // must fit on one line, up to 4 ems: "材料" may not become 材/料, "2025-12-15" not wrap by digits.
        const cjk = /[\u4e00-\u9fff]/.test(text)
          ? Math.min(3, text.replace(/[^\u4e00-\u9fff]/g, '').length)
          : 0;
        const latin = Math.max(0, ...text.split(/[\s\u4e00-\u9fff]+/).map((w) => w.length * 0.55));
        const needs = Math.min(4, Math.max(cjk, latin)) * em;
        if (inner + 1 < needs)
          squeezed.push(`${text.slice(0, 12)} (${Math.round(inner)} px < ${Math.round(needs)})`);
      }
      return { overflow, squeezed };
    });

  const readable = async (page: Page, name: string) => {
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
    const l = await layout(page);
    await screenshot(page, name);
    expect(l.overflow, `${name}: scrolls sideways`).toBeLessThanOrEqual(1);
    expect(l.squeezed, `${name}: squeezed columns`).toEqual([]);
  };

  it('the case list and a determined case with its notice fit the screen', async () => {
    const ctx = await e2e.context({ phone: true });
    const page = await ctx.newPage();
    page.setDefaultTimeout(30_000);
    await loginAs(page, 'holder9'); // demo-h009: a determined case (src/cases/demo/seedDemo.ts)
    await page.goto('/holder');
    const link = page.locator('main a[href^="/holder/cases/"]').first();
    await link.waitFor();
    await readable(page, 'holder-phone-cases');
    await link.click();
    await page.waitForURL((u) => u.pathname.startsWith('/holder/cases/'));
    await page.getByText('已核定').first().waitFor();
    await readable(page, 'holder-phone-determination');
    await ctx.close();
  }, 240_000);

  it('a case in progress fits the screen too', async () => {
    const ctx = await e2e.context({ phone: true });
    const page = await ctx.newPage();
    page.setDefaultTimeout(30_000);
    await loginAs(page, 'holder2');
    await page.goto('/holder');
    const link = page.locator('main a[href^="/holder/cases/"]').first();
    await link.click();
    await page.waitForURL((u) => u.pathname.startsWith('/holder/cases/'));
    await readable(page, 'holder-phone-in-progress');
    await ctx.close();
  }, 240_000);
});
