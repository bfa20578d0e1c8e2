import type { BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, looksRendered, setOwnPassword, startE2E, type E2E } from './harness.js';

/** The UI waits for the API on a busy machine: poll generously. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000, interval: 250 });

/**
 * The account lifecycle in a real browser (issue 12): the administrator resets
 * an officer's password (the one-time password is shown once), the officer
 * signs in with it, is kept on the forced change page until choosing an own
 * password, and then lands in the workspace.
 */
describe('password reset and forced change in a real browser', () => {
  let e2e: E2E;
  const contexts: BrowserContext[] = [];
  const newPage = async () => {
    const ctx = await e2e.context();
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.setDefaultTimeout(30_000);
    return page;
  };
  beforeAll(async () => {
    e2e = await startE2E();
  }, 180_000);
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(() => e2e?.close());

  it('admin resets clerk.ja; the clerk must change the one-time password before the queue opens', async () => {
    const admin = await newPage();
    await loginAs(admin, 'admin');
    await admin.goto('/admin');
    await admin.getByLabel('用户名或姓名').fill('clerk.ja');
    await admin.getByLabel('用户名或姓名').press('Enter');
    const rows = admin.getByTestId('users-table').locator('tbody tr.ant-table-row');
    await poll(() => rows.count()).toBe(1);
    await admin.getByRole('button', { name: '重置密码 clerk.ja' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByRole('button', { name: '确认重置' }).click();
    const shown = dialog.getByTestId('one-time-password');
    await shown.waitFor();
    const oneTime = (await shown.innerText()).trim();
    expect(oneTime.length).toBeGreaterThanOrEqual(16);
    await looksRendered(admin, 'admin-password-reset');

    const clerk = await newPage();
    await loginAs(clerk, 'clerk.ja', oneTime);
    await clerk.waitForURL((u) => u.pathname === '/account/password');
    await clerk.getByText('请设置新密码', { exact: true }).waitFor();
    await looksRendered(clerk, 'forced-password-change');
    // The workspace stays closed until the password is changed.
    await clerk.goto('/clerk');
    await clerk.waitForURL((u) => u.pathname === '/account/password');
    // The server's rules, shown on the field in Chinese.
    const form = clerk.getByRole('form', { name: '修改密码' });
    await form.getByLabel(/^当前密码/).fill(oneTime);
    await form.getByLabel('新密码', { exact: true }).fill('password123456');
    await form.getByLabel('再次输入新密码').fill('password123456');
    await form.getByRole('button', { name: '确认修改' }).click();
    await clerk.locator('.ant-form-item-explain-error', { hasText: '密码过于常见' }).waitFor();
    await setOwnPassword(clerk, oneTime, 'my own counter secret 8');
    await clerk.waitForURL((u) => u.pathname === '/clerk');
    await clerk.getByRole('navigation', { name: '主导航' }).waitFor();
    expect(await clerk.getByTestId('whoami').innerText()).toContain('静安');
    await looksRendered(clerk, 'after-password-change');

    // The new password is the one that works from now on.
    const again = await newPage();
    await loginAs(again, 'clerk.ja', 'my own counter secret 8');
    await again.waitForURL((u) => u.pathname === '/clerk');
  }, 240_000);

  it("the unit's HR resets its holder's password; the holder must change it before the cases open", async () => {
    const hr = await newPage();
    await loginAs(hr, 'hr.mh1'); // demo-h001 (login holder1) works for 闵行示范企业1号
    await hr.goto('/employer/employees');
    const search = hr.locator('#emp-search');
    await search.fill('demo-h001');
    await search.press('Enter');
    const reset = hr.getByRole('button', { name: /^重置持证人密码 / });
    await poll(() => reset.count()).toBe(1);
    await reset.click();
    const dialog = hr.getByRole('dialog');
    await dialog.getByText('重置持证人密码').first().waitFor();
    await dialog.getByRole('button', { name: '确认重置' }).click();
    const shown = dialog.getByTestId('one-time-password');
    await shown.waitFor();
    const oneTime = (await shown.innerText()).trim();
    expect(oneTime.length).toBeGreaterThanOrEqual(16);
    await looksRendered(hr, 'hr-holder-password-reset');

    const holder = await newPage();
    await loginAs(holder, 'holder1', oneTime);
    await holder.waitForURL((u) => u.pathname === '/account/password');
    await holder.goto('/holder');
    await holder.waitForURL((u) => u.pathname === '/account/password');
    await setOwnPassword(holder, oneTime, 'my own holder secret 42');
    await holder.waitForURL((u) => u.pathname.startsWith('/holder'));
    // The old demo password no longer works; the holder's own one does.
    const again = await newPage();
    await loginAs(again, 'holder1', 'my own holder secret 42');
    await again.waitForURL((u) => u.pathname.startsWith('/holder'));
  }, 240_000);
});
