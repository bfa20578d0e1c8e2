import { dirname } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../../test/cliRunner.js';
import { applyWageFigure } from '../admin/policyData.js';
import { score } from '../engine/score.js';
import type { Profile } from '../profile/profileSchema.js';
import { startTestServer, type TestServer } from '../http/testing/startTestServer.js';
import { insertUser } from '../storage/index.js';
import { createTestDatabase, type TestDatabase } from '../storage/testing/createTestDatabase.js';
import { testPolicy } from './testing/testPolicy.js';

/**
 * An official determination and the public simulator never disagree (issue 13): after an
 * administrator loads a wage figure, `jifen score` given the database and
 * `POST /api/v1/score` answer the same bytes, naming the same dataRevision.
 */
const NOW = '2025-12-15T02:00:00.000Z';
// Applying in 2027-07 with 42 months at 26 000: twice the average wage in every month while the
// figure for 2026-07..2027-06 is the provisional 12 434 (100 points); a loaded 40 000 leaves 30.
const PROFILE: Profile = {
  asOf: '2027-07-01',
  birthDate: '1990-05-01',
  education: [{ level: 'bachelor', degree: true, fullTime: true }],
  contributions: [{ from: '2024-01', to: null, base: 26_000 }],
} as Profile;

let t: TestDatabase;
let server: TestServer;
beforeAll(async () => {
  t = await createTestDatabase('sqlite');
  await insertUser(t.db, {
    id: 'admin-1',
    username: 'admin1',
    displayName: '管理员',
    role: 'admin',
    now: NOW,
  });
  server = await startTestServer({ db: t.db, clock: () => NOW });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await t?.destroy();
});

it('after an admin wage load, the CLI given the database and the HTTP API give byte-identical scores', async () => {
  const before = server.app.policyStore.current;
  const loaded = await applyWageFigure(
    t.db,
    { id: 'admin-1', role: 'admin' },
    NOW,
    { from: '2026-07', to: '2027-06', value: 40_000, citation: '市人社局公布2026年度社平工资（测试）' },
    server.app.policyStore,
  );
  expect(loaded.dataRevision).not.toBe(before.dataRevision);

  const http = await fetch(`${server.url}/api/v1/score`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(PROFILE),
  });
  expect(http.status).toBe(200);
  const body = await http.text();

  const cli = await runCli(['score', '--batch', '-', '--format', 'jsonl'], {
    input: `${JSON.stringify(PROFILE)}\n`,
    env: { JIFEN_DATA_DIR: dirname(t.location), DATABASE_URL: '' },
  });
  expect(cli.code).toBe(0);
  expect(cli.stdout).toBe(`${body}\n`);

  const result = JSON.parse(body) as { dataRevision: string; total: number };
  expect(result.dataRevision).toBe(loaded.dataRevision);
  // The load mattered: the files alone score differently and name another revision.
  const filesOnly = score(PROFILE, {}, testPolicy.rules);
  expect(filesOnly.dataRevision).toBe(testPolicy.dataRevision);
  expect(filesOnly.total).not.toBe(result.total);
}, 60_000);
