/**
 * What a person reads (issue 14): every public page and each role's main page has its
 * own <title> and one <h1>, passes axe-core with no serious or critical violation
 * (contrast AA included), and — with every collapsible panel expanded — shows no
 * program identifier (camelCase, snake_case, a JSON path) and no run of three or more
 * English words. Excluded, by design: /api/docs (the API's own documentation), JSON
 * shown as JSON (the profile import box) and the 高级：调整假设 panel, marked
 * data-program-words="allowed"; allowed terms: test/programWords.ts ALLOWED_TERMS.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programWords } from '../../test/programWords.js';
import { loginAs, startE2E, type E2E } from './harness.js';

// Evaluated through the debugging protocol: the page's CSP (script-src 'self') stays as it is.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const PUBLIC = [
  '/',
  '/simulate',
  '/plan',
  '/checklist',
  '/precheck',
  '/verify',
  '/rules',
  '/login',
  '/register-unit',
];
const ROLES: Array<{ user: string; pages: string[] }> = [
  { user: 'holder1', pages: ['/holder', '/holder/messages'] },
  { user: 'hr.mh1', pages: ['/employer', '/employer/messages'] },
  { user: 'clerk.mh', pages: ['/clerk'] },
  { user: 'reviewer.mh', pages: ['/review'] },
  { user: 'approver.mh', pages: ['/review'] },
  { user: 'city', pages: ['/city', '/city/cases'] },
  { user: 'admin', pages: ['/admin'] },
];

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning, .ant-table-loading, [aria-busy="true"]')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
}

/** Opens every collapsed panel (new ones may appear inside opened ones). */
async function expandAll(page: Page): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const closed = page.locator('.ant-collapse-header[aria-expanded="false"]');
    const n = await closed.count();
    if (n === 0) return;
    for (let i = 0; i < n; i++) await closed.first().click();
    await settle(page);
  }
}

async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const skipped = [...document.querySelectorAll<HTMLElement>('[data-program-words="allowed"]')];
    const before = skipped.map((e) => e.style.display);
    skipped.forEach((e) => (e.style.display = 'none'));
    const text = document.body.innerText;
    skipped.forEach((e, i) => (e.style.display = before[i]!));
    return text;
  });
}

interface PageReport {
  path: string;
  title: string;
  h1: number;
  axe: string[];
  words: string[];
}

async function inspect(page: Page, path: string): Promise<PageReport> {
  await page.goto(path);
  await settle(page);
  await expandAll(page);
  // Opened panels fade in: axe would read the text mid-fade (e.g. #d5d5d5 on white) as low contrast.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null, {
    timeout: 15_000,
  });
  await page.evaluate(AXE);
  const axe = await page.evaluate(async () => {
    const r = await (
      window as unknown as {
        axe: {
          run: (c: unknown) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
        };
      }
    ).axe.run(document);
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id}（${v.impact}，${v.nodes.length} 处）：${JSON.stringify((v.nodes as { target: unknown; any: { message: string }[] }[]).slice(0, 2).map((n) => [n.target, n.any[0]?.message]))}`,
      );
  });
  return {
    path,
    title: await page.title(),
    h1: await page.locator('h1').count(),
    axe,
    words: programWords(await visibleText(page)),
  };
}

describe('what people read: titles, headings, axe-core, no program words', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('every public page and each role main page', { timeout: 600_000 }, async () => {
    const reports: PageReport[] = [];
    const ctx = await e2e.context();
    const page = await ctx.newPage();
    // A filled profile, so the result, plan, checklist and pre-check pages show their content.
    await page.goto('/simulate');
    await page.getByLabel('出生日期').fill('1990-05-01');
    await page.getByTestId('score-total').waitFor();
    for (const path of PUBLIC) reports.push(await inspect(page, path));
    await ctx.close();
    for (const r of ROLES) {
      const c = await e2e.context();
      const p = await c.newPage();
      await loginAs(p, r.user);
      for (const path of r.pages) reports.push({ ...(await inspect(p, path)), path: `${r.user} ${path}` });
      await c.close();
    }
    const problems = reports.flatMap((r) => [
      ...(r.h1 === 1 ? [] : [`${r.path}: ${r.h1} 个 h1`]),
      ...r.axe.map((a) => `${r.path}: axe ${a}`),
      ...r.words.map((w) => `${r.path}: ${w}`),
    ]);
    const titles = new Map<string, string[]>();
    for (const r of reports.filter((x) => !x.path.includes(' ')))
      titles.set(r.title, [...(titles.get(r.title) ?? []), r.path]);
    for (const [t, paths] of titles)
      if (paths.length > 1) problems.push(`同一标题 “${t}”：${paths.join('、')}`);
    expect(problems).toEqual([]);
  });
});
