import ExcelJS from 'exceljs';
import { testPolicy } from '../policy/testing/testPolicy.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TODAY, seedDemo } from '../demo/seedDemo.js';
import { exportCaseList } from '../export/exportList.js';
import { describeOnBothEngines } from '../storage/testing/bothEngines.js';
import { STATE_LABELS } from '../workflow/index.js';
import { SMS_STATUS_LABELS } from '../notify/unitNotifications.js';
import { insertUnitMessage } from '../storage/unitMessageRepository.js';
import { Browser, startTestServer, type TestServer } from './testing/startTestServer.js';

const readXlsx = async (bytes: Buffer) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) =>
    rows.push(
      (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))),
    ),
  );
  return rows;
};

/** Issue 15: officer lists export to Excel and CSV, masked, audited, in the room only. */
describeOnBothEngines('list export over real HTTP', (getDb) => {
  let server: TestServer;
  const now = `${DEMO_TODAY}T02:00:00.000Z`;
  beforeAll(async () => {
    await seedDemo(getDb(), testPolicy);
    server = await startTestServer({ db: getDb(), clock: () => now, loginPerMinute: 10_000 });
  }, 180_000);
  afterAll(() => server?.close());

  const download = async (b: Browser, path: string) => {
    const res = await fetch(server.url + path, {
      headers: { cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  it("HR exports its unit's cases to .xlsx: the expected rows, Chinese headers and labels, masked ID numbers", async () => {
    const db = getDb();
    const hr = new Browser(server.url);
    expect((await hr.login('hr.mh1', DEMO_PASSWORD)).status).toBe(200);
    const { res, bytes } = await download(hr, '/api/v1/units/demo-mh-1/cases/export?format=xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const rows = await readXlsx(bytes);
    expect(rows[0]).toEqual([
      '申请编号',
      '持证人姓名',
      '公民身份号码',
      '用人单位',
      '受理区',
      '状态',
      '网上提交时间',
      '办理期限',
      '创建时间',
    ]);
    const expected = await db
      .selectFrom('cases')
      .innerJoin('holders', 'holders.id', 'cases.holderId')
      .select(['cases.applicationNo', 'holders.name', 'holders.idNumber', 'cases.state'])
      .where('cases.unitId', '=', 'demo-mh-1')
      .execute();
    const body = rows.slice(1);
    expect(body.length).toBe(expected.length);
    expect(body.map((r) => r[0]).sort()).toEqual(expected.map((e) => e.applicationNo).sort());
    for (const e of expected) {
      const row = body.find((r) => r[0] === e.applicationNo)!;
      expect(row[1]).toBe(e.name);
      expect(row[2]).toMatch(/^\d{4}\*{8}[\dX]{4}$/);
      expect(bytes.includes(Buffer.from(e.idNumber))).toBe(false);
      expect(row[3]).toBe('闵行示范企业1号');
      expect(row[5]).toBe(STATE_LABELS[e.state]);
    }
    // No raw enum value reaches the file.
    const states = new Set(body.map((r) => r[5]));
    for (const s of states) expect(Object.values(STATE_LABELS)).toContain(s);

    const audit = await db
      .selectFrom('auditEvents')
      .select(['actorId', 'payloadJson'])
      .where('command', '=', 'export_list')
      .execute();
    expect(audit.map((a) => JSON.parse(a.payloadJson) as Record<string, unknown>)).toContainEqual(
      expect.objectContaining({ list: 'unit_cases', format: 'xlsx', rows: expected.length, capped: false }),
    );
    // Another unit's list is not this HR's to export.
    expect((await download(hr, '/api/v1/units/demo-mh-2/cases/export')).res.status).toBe(403);
  });

  it('a clerk exports the queue as CSV with the same filter as the screen; a capped file says so', async () => {
    const clerk = new Browser(server.url);
    await clerk.login('clerk.mh', DEMO_PASSWORD);
    const { res, bytes } = await download(
      clerk,
      `/api/v1/districts/${encodeURIComponent('闵行')}/queue/export?format=csv`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe(
      '申请编号,持证人姓名,公民身份号码,用人单位,受理区,状态,网上提交时间,办理期限,创建时间',
    );
    const queue = (await clerk.req('GET', `/api/v1/districts/${encodeURIComponent('闵行')}/queue?limit=200`))
      .json as unknown as { applicationNo: string }[];
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(queue.map((q) => q.applicationNo));
    expect(lines.slice(1).every((l) => l.includes(',等待受理,'))).toBe(true);

    const small = await exportCaseList(getDb(), {
      actor: { id: 'u-clerk.mh', role: 'acceptance_clerk', unitId: null, district: '闵行' },
      now,
      format: 'csv',
      list: 'district_queue',
      room: { kind: 'district', district: '闵行' },
      filter: { district: '闵行', state: 'submitted', order: 'submitted_asc' },
      cap: 2,
    });
    let capped = '';
    for await (const chunk of small.stream) capped += String(chunk);
    const cappedLines = capped
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(small).toMatchObject({ rows: 2, capped: true });
    expect(cappedLines[0]).toContain(`本文件只含前 2 行（符合条件的共 ${queue.length} 行）`);
    expect(cappedLines.length).toBe(1 + 1 + 2);

    const other = new Browser(server.url);
    await other.login('clerk.pd', DEMO_PASSWORD);
    expect(
      (await download(other, `/api/v1/districts/${encodeURIComponent('闵行')}/queue/export`)).res.status,
    ).toBe(403);
  });

  it('message centre: unread counts and mark-read for the unit, SMS with delivery status for the holder', async () => {
    const db = getDb();
    const hr = new Browser(server.url);
    await hr.login('hr.mh1', DEMO_PASSWORD);
    const before = (await hr.req('GET', '/api/v1/units/demo-mh-1/message-centre')).json as unknown as {
      unread: number;
    };
    const c = await db
      .selectFrom('cases')
      .select(['id', 'applicationNo', 'holderId'])
      .where('unitId', '=', 'demo-mh-1')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    for (const k of ['a', 'b'])
      await insertUnitMessage(db, {
        unitId: 'demo-mh-1',
        caseId: c.id,
        kind: 'notice',
        dedupKey: `centre-test-${k}`,
        templateId: 'application_accepted',
        templateVersion: 2,
        text: `申请 ${c.applicationNo} 的材料已受理`,
        now,
      });
    const page = (await hr.req('GET', '/api/v1/units/demo-mh-1/message-centre?unread=true'))
      .json as unknown as {
      unread: number;
      items: { id: string; applicationNo: string; kindLabel: string; read: boolean }[];
    };
    expect(page.unread).toBe(before.unread + 2);
    expect(page.items[0]).toMatchObject({
      applicationNo: c.applicationNo,
      kindLabel: '办理通知',
      read: false,
    });
    const marked = await hr.req('POST', '/api/v1/units/demo-mh-1/message-centre/read', {
      ids: [page.items[0]!.id],
    });
    expect(marked.json).toMatchObject({ marked: 1, unread: before.unread + 1 });
    const all = await hr.req('POST', '/api/v1/units/demo-mh-1/message-centre/read', {});
    expect(all.json).toMatchObject({ unread: 0 });
    expect((await hr.req('GET', '/api/v1/units/demo-mh-2/message-centre')).status).toBe(403);

    const city = new Browser(server.url);
    await city.login('city', DEMO_PASSWORD);
    const sms = (await city.req('GET', `/api/v1/holders/${c.holderId}/messages`)).json as unknown as {
      items: { applicationNo: string; statusLabel: string; text: string }[];
    };
    expect(sms.items.length).toBeGreaterThan(0);
    for (const m of sms.items) {
      expect(m.applicationNo).toBe(c.applicationNo);
      expect(Object.values(SMS_STATUS_LABELS)).toContain(m.statusLabel);
      expect(m.text).toMatch(/^【上海居住证积分】/);
    }
    expect((await hr.req('GET', `/api/v1/holders/${c.holderId}/messages`)).status).toBe(403);
  });
});
