import { testPolicy } from '../policy/testing/testPolicy.js';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { hashPassword } from '../accounts/passwords.js';
import { createDraft } from '../cases/index.js';
import { at, seedWorld, type World } from '../cases/testing/world.js';
import { Browser, startTestServer, type TestServer } from '../http/testing/startTestServer.js';
import { addMilliseconds } from '../storage/instant.js';
import { claimDueMessages, enqueue, getOutboxMessage } from '../storage/outbox.js';
import { insertUser, listUnitMessages } from '../storage/index.js';
import { describeOnBothEngines } from '../storage/testing/bothEngines.js';
import { dispatchNotifications } from './dispatchNotifications.js';
import { HttpSmsDriver } from './HttpSmsDriver.js';
import { NotificationProvider } from './NotificationProvider.js';
import { signBody } from './requestSignature.js';
import { startFakeSmsGateway, type FakeSmsGateway } from './testing/fakeSmsGateway.js';

const SECRET = 'gateway-secret-for-tests-0001';
const CALLBACK_SECRET = 'callback-secret-for-tests-0002';
const T0 = '2025-10-20T02:00:00.000Z';
const PASSWORD = 'notify password 2025';
const TSX = fileURLToPath(import.meta.resolve('tsx'));
const CHILD = fileURLToPath(new URL('./testing/dispatchChild.ts', import.meta.url));

/**
 * SMS and unit messages through the outbox against a fake gateway (a real HTTP
 * server on 127.0.0.1): success, timeout, 5xx with retry and backoff, permanent
 * failure → dead letter + message to the unit, signed delivery reports (twice),
 * and crashes mid-dispatch: nothing lost, no SMS sent twice.
 */
describeOnBothEngines('notifications', (getDb, engine, getTestDb) => {
  let gateway: FakeSmsGateway;
  let w: World;
  let phone = '';
  const caseId = `nt-${engine}`;
  const driver = (timeoutMs = 2000) => new HttpSmsDriver({ url: gateway.url, secret: SECRET, timeoutMs });
  const sms = (id: string, extra: { maxAttempts?: number } = {}) =>
    enqueue(getDb(), {
      id,
      channel: 'sms',
      recipient: phone,
      templateId: 'determination_made',
      templateVersion: 1,
      payload: { caseId, district: '闵行', points: 126, seq: 1 },
      caseId,
      now: T0,
      ...extra,
    });

  beforeAll(async () => {
    const db = getDb();
    w = await seedWorld(db, `nt${engine}`);
    await createDraft(
      db,
      {
        actor: w.actors.hrA,
        idempotencyKey: `${caseId}-1`,
        ...at('2025-09-15'),
        input: { holderId: w.holders.h1, caseId },
      },
      testPolicy,
    );
    phone = (
      await db.selectFrom('holders').select('phone').where('id', '=', w.holders.h1).executeTakeFirstOrThrow()
    ).phone!;
    gateway = await startFakeSmsGateway({ secret: SECRET, hangMs: 600 });
  });
  afterAll(() => gateway?.close());
  beforeEach(async () => {
    await getDb().deleteFrom('outbox').execute();
    await getDb().deleteFrom('unitMessages').execute();
    gateway.requests.length = 0;
    gateway.delivered.clear();
    gateway.script = [];
  });

  it('sends a signed request with the message id as idempotency key; the gateway id is recorded', async () => {
    await sms('s-ok');
    expect(
      await dispatchNotifications(getDb(), driver(), T0, { templates: testPolicy.templates }),
    ).toMatchObject({ claimed: 1, sent: 1 });
    expect(await getOutboxMessage(getDb(), 's-ok')).toMatchObject({
      status: 'sent',
      providerMessageId: 'gw-s-ok',
    });
    expect(gateway.delivered.get('s-ok')).toEqual({
      to: phone,
      text: '【上海居住证积分】您的居住证积分已核定为126分。积分通知书可在全市任一受理机构或网上打印，并可凭核验码核验真伪。',
    });
  });

  it('a timeout is retried after the backoff with the same id; the gateway sends one SMS', async () => {
    await sms('s-slow');
    gateway.script = ['hang'];
    const opts = { baseBackoffMs: 1000 };
    expect(
      await dispatchNotifications(getDb(), driver(150), T0, { ...opts, templates: testPolicy.templates }),
    ).toMatchObject({ retrying: 1 });
    const m = await getOutboxMessage(getDb(), 's-slow');
    expect(m).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: addMilliseconds(T0, 1000) });
    expect(m?.lastError).toContain('超时');
    await new Promise((r) => setTimeout(r, 700)); // the hung answer is gone
    expect(
      await dispatchNotifications(getDb(), driver(), addMilliseconds(T0, 1000), {
        ...opts,
        templates: testPolicy.templates,
      }),
    ).toMatchObject({
      sent: 1,
    });
    expect(gateway.requests).toEqual(['s-slow', 's-slow']);
    expect(gateway.delivered.size).toBe(1);
  });

  it('5xx: retried with exponential backoff until the gateway takes it', async () => {
    await sms('s-5xx');
    gateway.script = ['500', '500'];
    const opts = { baseBackoffMs: 1000 };
    const t1 = addMilliseconds(T0, 1000);
    const t2 = addMilliseconds(t1, 2000);
    expect(
      await dispatchNotifications(getDb(), driver(), T0, { ...opts, templates: testPolicy.templates }),
    ).toMatchObject({ retrying: 1 });
    expect(await getOutboxMessage(getDb(), 's-5xx')).toMatchObject({ status: 'pending', nextAttemptAt: t1 });
    expect(
      await dispatchNotifications(getDb(), driver(), addMilliseconds(t1, -1), {
        ...opts,
        templates: testPolicy.templates,
      }),
    ).toMatchObject({
      claimed: 0,
    });
    expect(
      await dispatchNotifications(getDb(), driver(), t1, { ...opts, templates: testPolicy.templates }),
    ).toMatchObject({ retrying: 1 });
    expect(await getOutboxMessage(getDb(), 's-5xx')).toMatchObject({ nextAttemptAt: t2 });
    expect(
      await dispatchNotifications(getDb(), driver(), t2, { ...opts, templates: testPolicy.templates }),
    ).toMatchObject({ sent: 1 });
    expect(await getOutboxMessage(getDb(), 's-5xx')).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('a permanent refusal is a dead letter at once, and the unit gets an in-system message (once)', async () => {
    await sms('s-bad');
    gateway.script = ['400'];
    expect(
      await dispatchNotifications(getDb(), driver(), T0, { templates: testPolicy.templates }),
    ).toMatchObject({ dead: 1 });
    expect(await getOutboxMessage(getDb(), 's-bad')).toMatchObject({ status: 'dead' });
    const inbox = await listUnitMessages(getDb(), w.units.a);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ kind: 'sms_undeliverable', caseId, dedupKey: 'undeliverable:s-bad' });
    expect(inbox[0]!.text).toContain(`手机尾号${phone.slice(-4)}`);
    expect(inbox[0]!.text).toContain('积分已核定为126分');
    expect(inbox[0]!.text).not.toContain(phone);
    expect(
      await dispatchNotifications(getDb(), driver(), addMilliseconds(T0, 3_600_000), {
        templates: testPolicy.templates,
      }),
    ).toMatchObject({
      claimed: 0,
    });
  });

  it('transient failures up to the last attempt: dead letter and fallback', async () => {
    await sms('s-tired', { maxAttempts: 2 });
    gateway.script = ['500', '500'];
    const opts = { baseBackoffMs: 10 };
    await dispatchNotifications(getDb(), driver(), T0, { ...opts, templates: testPolicy.templates });
    expect(
      await dispatchNotifications(getDb(), driver(), addMilliseconds(T0, 10), {
        ...opts,
        templates: testPolicy.templates,
      }),
    ).toMatchObject({
      dead: 1,
    });
    expect((await listUnitMessages(getDb(), w.units.a)).map((m) => m.kind)).toEqual(['sms_undeliverable']);
  });

  it('messages to the unit land in its in-system messages, once however often delivered', async () => {
    await enqueue(getDb(), {
      id: 'u-1',
      channel: 'unit_message',
      recipient: w.units.a,
      templateId: 'application_accepted',
      templateVersion: 1,
      payload: { caseId, district: '闵行', on: '2025-09-24' },
      caseId,
      now: T0,
    });
    // A dispatcher delivers it and crashes before recording; the next one delivers it again.
    const [claimed] = await claimDueMessages(getDb(), { now: T0, limit: 5, leaseMs: 1000 });
    await new NotificationProvider(getDb(), driver(), T0, testPolicy.templates).send(claimed!);
    expect(
      await dispatchNotifications(getDb(), driver(), addMilliseconds(T0, 1000), {
        templates: testPolicy.templates,
      }),
    ).toMatchObject({
      sent: 1,
    });
    const inbox = await listUnitMessages(getDb(), w.units.a);
    expect(inbox.map((m) => m.text)).toEqual([
      `申请 ${caseId} 的材料已于2025年9月24日受理，收件凭证可在系统中打印。`,
    ]);
  });

  it('a crash between the gateway accepting and the record: sent again with the same id, one SMS', async () => {
    await sms('s-crash');
    const [claimed] = await claimDueMessages(getDb(), { now: T0, limit: 5, leaseMs: 60_000 });
    await new NotificationProvider(getDb(), driver(), T0, testPolicy.templates).send(claimed!); // …and the process dies here
    expect(await getOutboxMessage(getDb(), 's-crash')).toMatchObject({ status: 'sending' });
    expect(
      await dispatchNotifications(getDb(), driver(), addMilliseconds(T0, 59_999), {
        templates: testPolicy.templates,
      }),
    ).toMatchObject({
      claimed: 0,
    });
    expect(
      await dispatchNotifications(getDb(), driver(), addMilliseconds(T0, 60_000), {
        templates: testPolicy.templates,
      }),
    ).toMatchObject({
      sent: 1,
    });
    expect(gateway.requests).toEqual(['s-crash', 's-crash']);
    expect([...gateway.delivered.keys()]).toEqual(['s-crash']);
  });

  it('a dispatcher process killed mid-dispatch (SIGKILL): nothing lost, nothing sent twice', async () => {
    for (let i = 0; i < 6; i++) await sms(`s-kill-${i}`);
    const child = spawn(
      process.execPath,
      ['--import', TSX, CHILD, engine, getTestDb().location, gateway.url, SECRET, T0],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const killed = new Promise<void>((resolve) => {
      gateway.onRequest = (id) => {
        // The third message reached the gateway (accepted, below) and the dispatcher dies before its record.
        if (gateway.requests.length === 3) {
          child.kill('SIGKILL');
          gateway.onRequest = undefined;
          resolve();
        }
        void id;
      };
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await killed;
    expect(await exited).toBe(null);
    const after = await getDb().selectFrom('outbox').select(['id', 'status']).execute();
    expect(after.some((m) => m.status === 'sending')).toBe(true);
    // After the lease a fresh dispatcher finishes the job.
    const later = addMilliseconds(T0, 60_000);
    for (;;)
      if (
        (await dispatchNotifications(getDb(), driver(), later, { templates: testPolicy.templates }))
          .claimed === 0
      )
        break;
    const final = await getDb().selectFrom('outbox').select(['id', 'status']).orderBy('id').execute();
    expect(final.map((m) => m.status)).toEqual(Array(6).fill('sent'));
    expect([...gateway.delivered.keys()].sort()).toEqual(final.map((m) => m.id));
    expect(gateway.requests.length).toBeGreaterThan(6); // at least one id was sent twice…
    expect(gateway.delivered.size).toBe(6); // …and reached the handset once
  }, 60_000);

  it('signed delivery reports over HTTP: applied once, duplicates harmless, failures shown to the unit', async () => {
    const db = getDb();
    await sms('s-rep-ok');
    await sms('s-rep-fail');
    await dispatchNotifications(db, driver(), T0, { templates: testPolicy.templates });
    let now = addMilliseconds(T0, 5000);
    const server: TestServer = await startTestServer({
      db,
      clock: () => now,
      loginPerMinute: 10_000,
      env: { JIFEN_SMS_CALLBACK_SECRET: CALLBACK_SECRET },
    });
    try {
      const post = (body: unknown, secret = CALLBACK_SECRET) => {
        const text = JSON.stringify(body);
        return fetch(`${server.url}/api/v1/sms/delivery-reports`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-jifen-signature': signBody(secret, text, Math.floor(Date.parse(now) / 1000)),
          },
          body: text,
        });
      };
      const delivered = { reports: [{ id: 's-rep-ok', status: 'delivered', at: now }] };
      const first = await post(delivered);
      expect(first.status).toBe(200);
      expect(await first.json()).toEqual({ results: [{ id: 's-rep-ok', outcome: 'applied' }] });
      now = addMilliseconds(now, 1000);
      expect(await (await post(delivered)).json()).toEqual({
        results: [{ id: 's-rep-ok', outcome: 'duplicate' }],
      });
      expect(await getOutboxMessage(db, 's-rep-ok')).toMatchObject({ status: 'delivered' });
      // By the gateway's own id, a carrier failure, twice: one fallback message.
      const failed = { reports: [{ messageId: 'gw-s-rep-fail', status: 'failed', at: now, error: '空号' }] };
      expect(await (await post(failed)).json()).toEqual({
        results: [{ id: 's-rep-fail', outcome: 'applied' }],
      });
      expect(await (await post(failed)).json()).toEqual({
        results: [{ id: 's-rep-fail', outcome: 'duplicate' }],
      });
      expect((await listUnitMessages(db, w.units.a)).map((m) => m.dedupKey)).toEqual([
        'undeliverable:s-rep-fail',
      ]);
      expect(await (await post({ reports: [{ id: 'nope', status: 'delivered', at: now }] })).json()).toEqual({
        results: [{ id: 'nope', outcome: 'unknown' }],
      });
      // Unsigned, wrongly signed, replayed out of the window, or malformed.
      expect((await post(delivered, 'wrong-secret-wrong-secret')).status).toBe(401);
      const unsigned = await fetch(`${server.url}/api/v1/sms/delivery-reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(delivered),
      });
      expect(unsigned.status).toBe(401);
      expect(unsigned.headers.get('content-type')).toContain('application/problem+json');
      const old = JSON.stringify(delivered);
      const replay = await fetch(`${server.url}/api/v1/sms/delivery-reports`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-jifen-signature': signBody(CALLBACK_SECRET, old, Math.floor(Date.parse(now) / 1000) - 3600),
        },
        body: old,
      });
      expect(replay.status).toBe(401);
      expect((await post({ reports: [{ id: 'x', status: 'lost', at: now }] })).status).toBe(400);

      // The unit sees the SMS with their delivery status and its in-system messages; another unit does not.
      const hash = await hashPassword(PASSWORD);
      for (const [name, unitId] of [
        ['hr', w.units.a],
        ['hrB', w.units.b],
      ] as const)
        await insertUser(db, {
          username: `${name}-nt-${engine}`,
          displayName: name,
          role: 'employer_hr',
          unitId,
          passwordHash: hash,
          now,
        });
      const hr = new Browser(server.url);
      expect((await hr.login(`hr-nt-${engine}`, PASSWORD)).status).toBe(200);
      const list = await hr.req('GET', `/api/v1/units/${w.units.a}/sms`);
      expect(list.status).toBe(200);
      const rows = list.json as unknown as { id: string; statusLabel: string; phoneMasked: string }[];
      expect(Object.fromEntries(rows.map((r) => [r.id, r.statusLabel]))).toEqual({
        's-rep-ok': '已送达',
        's-rep-fail': '未送达（运营商回执）',
      });
      expect(JSON.stringify(list.json)).not.toContain(phone);
      const inbox = await hr.req('GET', `/api/v1/units/${w.units.a}/messages`);
      expect(inbox.json).toMatchObject([{ kind: 'sms_undeliverable', caseId }]);
      const other = new Browser(server.url);
      expect((await other.login(`hrB-nt-${engine}`, PASSWORD)).status).toBe(200);
      expect((await other.req('GET', `/api/v1/units/${w.units.a}/messages`)).json).toMatchObject({
        status: 403,
        reason: 'room',
      });
      expect(server.logs()).not.toContain(phone);
    } finally {
      await server.close();
    }
  });
});
