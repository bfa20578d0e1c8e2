import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScreenshot, loginAs, screenshot, startE2E, type E2E } from './harness.js';

describe('the web app shell in a real browser', { timeout: 120_000 }, () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  }, 120_000);
  afterAll(() => e2e?.close());

  it('serves the home page in Chinese, with the public tools, and a screenshot that is not blank', async () => {
    const ctx = await e2e.context();
    const page = await ctx.newPage();
    await page.goto('/');
    await expect.poll(() => page.title()).toContain('居住证积分');
    await page.getByRole('heading', { name: '上海市居住证积分', level: 2 }).waitFor();
    const png = await screenshot(page, 'home');
    const check = await checkScreenshot(page, png);
    expect(check.cjkRendered).toBe(true);
    expect(check.inkRatio).toBeGreaterThan(0.02);
    expect(check.colours).toBeGreaterThan(3);
    await ctx.close();
  });

  it('a deep link to a client route is served the app, an unknown API path stays a 404 problem', async () => {
    const page = await (await e2e.context()).newPage();
    const res = await page.goto('/rules');
    expect(res?.status()).toBe(200);
    // Scripts go out precompressed to browsers that accept it, and are cached for good (hashed names).
    const html = await (await page.request.get('/', { headers: { accept: 'text/html' } })).text();
    const entry = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const js = await fetch(e2e.url + entry!, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(js.headers.get('content-encoding')).toBe('br');
    expect(js.headers.get('cache-control')).toContain('immutable');
    const api = await page.request.get('/api/v1/nope');
    expect(api.status()).toBe(404);
    expect(api.headers()['content-type']).toContain('application/problem+json');
  });

  it('a wrong password shows the Chinese error; a holder is refused the clerk queue', async () => {
    const page = await (await e2e.context()).newPage();
    await page.goto('/login');
    await page.getByLabel('用户名').fill('holder1');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/用户名或密码|密码/);
    await loginAs(page, 'holder1');
    await page.goto('/clerk');
    await page.getByText('无权访问').waitFor();
    await screenshot(page, 'forbidden');
  });
});
