/**
 * SQL statements and CPU per request of the mixed workload's operations, one request at a time
 * (issue 16): the real app in this process on a seeded bench:scale database, pg's Client.query
 * counted. Mutates the database (accepts one submitted case, files one draft).
 *
 *   npx tsx bench/scale/queryCount.ts jifen_scale_s16 [repeat=20]
 */
import pg from 'pg';
import { buildServer } from '../../src/http/buildServer.js';
import { loadServerConfig } from '../../src/http/config.js';
import { openDatabase } from '../../src/storage/index.js';
import { DISTRICTS } from '../../src/storage/schema.js';
import { WORLD_TODAY } from './caseTemplates.js';
import {
  holderIdOf,
  holderUserIdOf,
  hrIdOf,
  officerId,
  tokenOf,
  unitOf,
  UNITS_PER_DISTRICT,
} from './seedCity.js';
import { synthHolder } from '../../src/synth/synthProfile.js';

const database = process.argv[2] ?? 'jifen_scale_s16';
const repeat = Number(process.argv[3] ?? 20);
const admin = process.env.JIFEN_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const url = new URL(admin);
url.pathname = `/${database}`;

let queries = 0;
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  queries++;
  return (original as (...a: unknown[]) => unknown).apply(this, args);
} as typeof original;

const handle = openDatabase({ dialect: 'postgres', url: url.toString(), poolMax: 10 });
const app = await buildServer({
  config: loadServerConfig({ ...process.env, LOG_LEVEL: 'silent' }),
  logger: false,
  db: handle.db,
  readDb: handle.readDb,
  clock: () => `${WORLD_TODAY}T02:00:00.000Z`,
  ready: async () => void 0,
});

const submitted = await handle.db
  .selectFrom('cases')
  .select(['id', 'version', 'district'])
  .where('state', '=', 'submitted')
  .limit(repeat + 1)
  .execute();
const verified = await handle.db
  .selectFrom('cases')
  .select(['id', 'version', 'district'])
  .where('state', '=', 'verified')
  .limit(repeat + 1)
  .execute();
const last = await handle.db
  .selectFrom('cases')
  .select((eb) => eb.fn.max('id').as('id'))
  .executeTakeFirst();
let nextFree = Number(String(last?.id ?? 'c0').slice(1)) + 1;
let key = 0;

async function measure(name: string, run: (i: number) => Promise<{ statusCode: number }>) {
  await run(0); // warm
  const q0 = queries;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const statuses = new Map<number, number>();
  for (let i = 1; i <= repeat; i++) {
    const r = await run(i);
    statuses.set(r.statusCode, (statuses.get(r.statusCode) ?? 0) + 1);
  }
  const cpu = process.cpuUsage(c0);
  console.log(
    `${name.padEnd(22)} ${((queries - q0) / repeat).toFixed(1).padStart(6)} queries  ` +
      `${((cpu.user + cpu.system) / 1000 / repeat).toFixed(2).padStart(7)} ms CPU  ` +
      `${((performance.now() - t0) / repeat).toFixed(2).padStart(7)} ms wall  ${[...statuses].map(([k, v]) => `${k}×${v}`).join(' ')}`,
  );
}
const bearer = (u: string) => ({ authorization: `Bearer ${tokenOf(u)}` });
const d0 = DISTRICTS.indexOf(submitted[0]!.district);

await measure('clerk: view case', (i) =>
  app.inject({
    method: 'GET',
    url: `/api/v1/cases/${submitted[i % submitted.length]!.id}`,
    headers: bearer(officerId('clerk', DISTRICTS.indexOf(submitted[i % submitted.length]!.district))),
  }),
);
// The same cases again: the stored view's key holds (issue 16).
await measure('clerk: view again', (i) => {
  const c = submitted[i % submitted.length]!;
  return app.inject({
    method: 'GET',
    url: `/api/v1/cases/${c.id}`,
    headers: bearer(officerId('clerk', DISTRICTS.indexOf(c.district))),
  });
});
await measure('clerk: queue', () =>
  app.inject({
    method: 'GET',
    url: `/api/v1/districts/${encodeURIComponent(DISTRICTS[d0]!)}/queue?limit=50`,
    headers: bearer(officerId('clerk', d0)),
  }),
);
await measure('holder: my cases', (i) =>
  app.inject({
    method: 'GET',
    url: `/api/v1/holders/${holderIdOf(i)}/cases`,
    headers: bearer(holderUserIdOf(i)),
  }),
);
await measure('holder: simulate score', () => {
  const s = synthHolder(20_000_000, { seed: 2026, asOf: WORLD_TODAY });
  return app.inject({ method: 'POST', url: '/api/v1/score', payload: s.profile as object });
});
await measure('clerk: accept', async (i) => {
  const c = submitted[i]!;
  const token = bearer(officerId('clerk', DISTRICTS.indexOf(c.district)));
  const view = await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, headers: token });
  const received = ((view.json() as { materials?: { code: string }[] }).materials ?? []).map((m) => m.code);
  const q = queries;
  const r = await app.inject({
    method: 'POST',
    url: `/api/v1/cases/${c.id}/accept`,
    headers: { ...token, 'idempotency-key': `qc-${process.pid}-${++key}`, 'if-match': String(c.version) },
    payload: { received },
  });
  queries = q + (queries - q); // the view's statements are counted too; reported separately above
  return r;
});
if (verified.length > 0)
  await measure('approver: determine', (i) => {
    const c = verified[i % verified.length]!;
    return app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/determine`,
      headers: {
        ...bearer(officerId('approver', DISTRICTS.indexOf(c.district))),
        'idempotency-key': `qc-${process.pid}-${++key}`,
        'if-match': String(c.version),
      },
      payload: {},
    });
  });
await measure('hr: create + submit', async () => {
  const i = nextFree++;
  const s = synthHolder(i, { seed: 2026, asOf: WORLD_TODAY });
  const d = Math.max(0, DISTRICTS.indexOf(s.district as (typeof DISTRICTS)[number]));
  const token = bearer(hrIdOf(unitOf(d, i % UNITS_PER_DISTRICT).id));
  const caseId = `c${String(i).padStart(7, '0')}`;
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: { ...token, 'idempotency-key': `qc-${process.pid}-${++key}` },
    payload: {
      holderId: holderIdOf(i),
      caseId,
      claims: s.profile.education ? [{ indicator: 'education' }] : [],
    },
  });
  if (created.statusCode !== 201) return created;
  return app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/submit`,
    headers: {
      ...token,
      'idempotency-key': `qc-${process.pid}-${++key}`,
      'if-match': String((created.json() as { version: number }).version),
    },
    payload: {},
  });
});
await app.close();
await handle.close();
