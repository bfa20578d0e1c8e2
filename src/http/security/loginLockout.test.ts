import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../../accounts/passwords.js';
import { insertUser } from '../../storage/index.js';
import { describeOnBothEngines } from '../../storage/testing/bothEngines.js';
import { Browser, startTestServer, type TestServer } from '../testing/startTestServer.js';

const PASSWORD = 'lockout right password 1';

/**
 * Brute force (issue 12): 30 parallel wrong passwords check at most 5, lock the
 * account in the database, and the right password is refused until the lock
 * ends. Unknown usernames are locked the same way (no enumeration by 429).
 */
describeOnBothEngines('login lockout over real HTTP', (getDb, engine) => {
  let server: TestServer;
  let now = '2025-09-15T01:00:00.000Z';
  beforeAll(async () => {
    await insertUser(getDb(), {
      username: `lock-${engine}`,
      displayName: '受理',
      role: 'acceptance_clerk',
      district: '闵行',
      passwordHash: await hashPassword(PASSWORD),
      now,
    });
    server = await startTestServer({ db: getDb(), clock: () => now, loginPerMinute: 10_000 });
  });
  afterAll(() => server?.close());

  const attempt = (username: string, password: string) => new Browser(server.url).login(username, password);

  it('30 parallel wrong passwords: at most 5 checked, then locked; the right one waits for the end', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, () => attempt(`lock-${engine}`, 'wrong guess 123456')),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect((await attempt(`lock-${engine}`, PASSWORD)).status).toBe(429);
    now = '2025-09-15T01:14:00.000Z';
    expect((await attempt(`lock-${engine}`, PASSWORD)).status).toBe(429);
    now = '2025-09-15T01:16:00.000Z';
    expect((await attempt(`lock-${engine}`, PASSWORD)).status).toBe(200);
  });

  it('an unknown username answers like a known one: 401 five times, then 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await attempt(`nobody-${engine}`, 'wrong guess 123456')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});
