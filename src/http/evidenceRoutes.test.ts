import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedWorld, type World } from '../cases/testing/world.js';
import { pendingReconsideration } from '../evidence/testing/pendingReconsideration.js';
import { testPolicy } from '../policy/testing/testPolicy.js';
import { describeOnBothEngines } from '../storage/testing/bothEngines.js';
import { signInUsers, type NamedUser } from './testing/signInEveryRole.js';
import { Browser, startTestServer, type TestServer } from './testing/startTestServer.js';

const PASSWORD = 'evidence password 2025';
const MB = 1024 * 1024;

/** Files recognised by their first bytes, padded to a size. */
const pdf = (size = 2000) =>
  Buffer.concat([Buffer.from('%PDF-1.4\n%\xe2\xe3\n1 0 obj\n'), Buffer.alloc(size)]);
const jpeg = () =>
  Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0'),
    Buffer.alloc(500),
  ]);
const png = () =>
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    Buffer.from('IHDR'),
    Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde]),
    Buffer.alloc(100),
  ]);
const exe = () =>
  Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]), Buffer.alloc(400)]);
const html = () => Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');

/**
 * Evidence of a reconsideration over real HTTP (issue 15): PDF, JPEG and PNG
 * recognised by their bytes are kept; anything else, a file over 10 MB and a
 * case over 30 MB are refused; downloads go to the readers of the case only,
 * always as an attachment with nosniff; uploads and downloads are audited.
 */
describeOnBothEngines('reconsideration evidence over HTTP', (getDb, engine) => {
  let server: TestServer;
  let w: World;
  const caseId = `ev-${engine}`;
  const as = new Map<string, Browser>();
  let now = '2025-10-23T02:00:00.000Z';
  beforeAll(async () => {
    const db = getDb();
    w = await seedWorld(db, `ev${engine}`);
    await pendingReconsideration(db, w, caseId);
    server = await startTestServer({ db, clock: () => now, loginPerMinute: 10_000 });
    const users: NamedUser[] = [
      ['holder', 'holder', { holderId: w.holders.h1 }],
      ['holderOther', 'holder', { holderId: w.holders.h2 }],
      ['hr', 'employer_hr', { unitId: w.units.a }],
      ['hrOther', 'employer_hr', { unitId: w.units.b }],
      ['reviewer', 'district_reviewer', { district: '闵行' }],
      ['approver', 'district_approver', { district: '闵行' }],
      ['reviewerPd', 'district_reviewer', { district: '浦东新区' }],
      ['city', 'city_supervisor', {}],
    ];
    for (const [name, b] of await signInUsers(db, server.url, users, {
      suffix: `ev-${engine}`,
      password: PASSWORD,
      now,
    }))
      as.set(name, b);
  }, 120_000);
  afterAll(() => server?.close());

  const cookie = (who: string) => [...as.get(who)!.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const upload = async (who: string, name: string, bytes: Buffer) => {
    const r = await fetch(`${server.url}/api/v1/cases/${caseId}/evidence?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: {
        cookie: cookie(who),
        'x-csrf-token': as.get(who)!.csrf!,
        'content-type': 'application/octet-stream',
      },
      body: new Uint8Array(bytes),
    });
    const text = await r.text();
    return {
      status: r.status,
      json: JSON.parse(text) as Record<string, unknown> & { errors?: { path: string }[] },
    };
  };
  const download = async (who: string, id: string) => {
    const r = await fetch(`${server.url}/api/v1/cases/${caseId}/evidence/${id}`, {
      headers: { cookie: cookie(who) },
    });
    return { status: r.status, headers: r.headers, body: Buffer.from(await r.arrayBuffer()) };
  };
  const ids: Record<string, string> = {};
  const sent: Record<string, Buffer> = {};

  it('keeps a PDF, a JPEG and a PNG recognised by their bytes, named as given (sanitised)', async () => {
    sent.pdf = pdf();
    sent.jpeg = jpeg();
    sent.png = png();
    for (const [kind, who, name, type] of [
      ['pdf', 'holder', '中级职称证书.pdf', 'application/pdf'],
      ['jpeg', 'hr', '../../职称证书照片.JPG', 'image/jpeg'],
      ['png', 'holder', 'C:\\扫描\\评审表:初稿.PNG', 'image/png'],
    ] as const) {
      const r = await upload(who, name, sent[kind]!);
      expect(r.status, JSON.stringify(r.json)).toBe(201);
      expect(r.json).toMatchObject({ contentType: type, size: sent[kind]!.length });
      ids[kind] = r.json.id as string;
    }
    const list = await as.get('reviewer')!.req('GET', `/api/v1/cases/${caseId}/evidence`);
    expect(list.status).toBe(200);
    // The test clock stands still: all three carry the same time, so compare as a set.
    expect((list.json.files as { fileName: string }[]).map((f) => f.fileName).sort()).toEqual(
      ['中级职称证书.pdf', '职称证书照片.jpg', '评审表_初稿.png'].sort(),
    );
  });

  it('refuses a renamed program and an HTML page named .pdf (415), naming the field', async () => {
    for (const bytes of [exe(), html()]) {
      const r = await upload('holder', '证书.pdf', bytes);
      expect(r.status).toBe(415);
      expect(r.json.errors?.[0]?.path).toBe('$.file');
      expect(String(r.json.title)).toContain('PDF、JPEG、PNG');
    }
  });

  it('refuses a file of 10 MB + 1 byte (413) and a case total over 30 MB, keeping nothing', async () => {
    const over = await upload('holder', '大文件.pdf', pdf(10 * MB + 1 - pdf(0).length));
    expect(over.status).toBe(413);
    expect(over.json.errors?.[0]).toMatchObject({ path: '$.file' });
    expect(String(over.json.title)).toContain('10 MB');
    // Exactly 10 MB is allowed; two of them with the small files stay under 30 MB, a third does not.
    const ten = pdf(10 * MB - pdf(0).length);
    expect((await upload('holder', '扫描件一.pdf', ten)).status).toBe(201);
    expect((await upload('holder', '扫描件二.pdf', ten)).status).toBe(201);
    const third = await upload('hr', '扫描件三.pdf', ten);
    expect(third.status).toBe(413);
    expect(String(third.json.title)).toContain('30 MB');
    const rows = await getDb()
      .selectFrom('evidenceFiles')
      .select('fileName')
      .where('caseId', '=', caseId)
      .execute();
    expect(rows.map((r) => r.fileName).sort()).toEqual(
      ['中级职称证书.pdf', '职称证书照片.jpg', '评审表_初稿.png', '扫描件一.pdf', '扫描件二.pdf'].sort(),
    );
  }, 60_000);

  it('only the applicant may upload: officers, HR of another unit and another holder are refused', async () => {
    for (const who of ['reviewer', 'approver', 'city'])
      expect((await upload(who, 'a.pdf', pdf())).json).toMatchObject({ status: 403, reason: 'role' });
    for (const who of ['hrOther', 'holderOther'])
      expect((await upload(who, 'a.pdf', pdf())).json).toMatchObject({ status: 403, reason: 'room' });
    const anon = await fetch(`${server.url}/api/v1/cases/${caseId}/evidence?name=a.pdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(pdf()),
    });
    expect(anon.status).toBe(401);
  });

  it('serves each file to the readers of the case, as an attachment with nosniff, never cached', async () => {
    for (const who of ['holder', 'hr', 'reviewer', 'approver', 'city']) {
      const r = await download(who, ids.pdf!);
      expect(r.status, who).toBe(200);
      expect(r.body.equals(sent.pdf!)).toBe(true);
      expect(r.headers.get('content-disposition')).toBe(
        `attachment; filename="evidence.pdf"; filename*=UTF-8''${encodeURIComponent('中级职称证书.pdf')}`,
      );
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(r.headers.get('content-type')).toBe('application/pdf');
    }
    const png = await download('reviewer', ids.png!);
    expect(png.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(png.body.equals(sent.png!)).toBe(true);
  });

  it('refuses another case’s holder, another unit’s HR and another district’s officer, with no bytes', async () => {
    for (const who of ['holderOther', 'hrOther', 'reviewerPd']) {
      const r = await download(who, ids.pdf!);
      expect([403, 404], who).toContain(r.status);
      expect(r.body.includes(sent.pdf!.subarray(0, 8))).toBe(false);
      expect(r.headers.get('content-disposition')).toBeNull();
      const list = await as.get(who)!.req('GET', `/api/v1/cases/${caseId}/evidence`);
      expect(list.status).toBe(403);
    }
    expect((await download('city', 'nope')).status).toBe(404);
  });

  it('audits every upload and download, by ids, size and digest only', async () => {
    const events = await getDb()
      .selectFrom('auditEvents')
      .select(['command', 'payloadJson', 'actorRole'])
      .where('caseId', '=', caseId)
      .where('command', 'in', ['upload_evidence', 'download_evidence'])
      .execute();
    const uploads = events.filter((e) => e.command === 'upload_evidence');
    const downloads = events.filter((e) => e.command === 'download_evidence');
    expect(uploads).toHaveLength(5);
    expect(downloads.length).toBeGreaterThanOrEqual(6);
    expect(JSON.parse(uploads[0]!.payloadJson)).toMatchObject({
      evidenceId: ids.pdf,
      contentType: 'application/pdf',
    });
    expect(events.map((e) => e.payloadJson).join('')).not.toContain('职称证书');
  });

  it('refuses an upload to a case without a pending request, and a file sent as JSON', async () => {
    const other = `ev2-${engine}`;
    await pendingReconsideration(getDb(), w, other, { holderId: w.holders.h2, request: false });
    const r = await fetch(`${server.url}/api/v1/cases/${other}/evidence?name=a.pdf`, {
      method: 'POST',
      headers: {
        cookie: cookie('holderOther'),
        'x-csrf-token': as.get('holderOther')!.csrf!,
        'content-type': 'application/octet-stream',
      },
      body: new Uint8Array(pdf()),
    });
    expect(r.status).toBe(409);
    const json = await as
      .get('holder')!
      .req('POST', `/api/v1/cases/${caseId}/evidence?name=a.pdf`, { file: 'x' });
    expect(json.status).toBe(400);
    expect(json.json.errors?.[0]?.path).toBe('$.file');
    // Bytes sent to a route that takes JSON are refused as before.
    const elsewhere = await fetch(`${server.url}/api/v1/cases/${caseId}/reconsideration`, {
      method: 'POST',
      headers: {
        cookie: cookie('holder'),
        'x-csrf-token': as.get('holder')!.csrf!,
        'content-type': 'application/octet-stream',
      },
      body: new Uint8Array(pdf()),
    });
    expect(elsewhere.status).toBe(415);
    const stored = await getDb()
      .selectFrom('evidenceFiles')
      .select('id')
      .where('caseId', '=', other)
      .execute();
    expect(stored).toHaveLength(0);
  });

  it('lists the facts of the request for the case readers; the preview is for the deciding officer only', async () => {
    expect(
      (await as.get('reviewer')!.req('GET', `/api/v1/cases/${caseId}/reconsideration-facts`)).json,
    ).toEqual({
      facts: [],
    });
    expect(
      (await as.get('hrOther')!.req('GET', `/api/v1/cases/${caseId}/reconsideration-facts`)).status,
    ).toBe(403);
    const preview = await as.get('approver')!.req('GET', `/api/v1/cases/${caseId}/redetermination-preview`);
    expect(preview.status).toBe(200);
    expect(preview.json.after).toMatchObject({ total: (preview.json.before as { total: number }).total });
    for (const who of ['reviewer', 'holder', 'hr'])
      expect(
        (await as.get(who)!.req('GET', `/api/v1/cases/${caseId}/redetermination-preview`)).status,
        who,
      ).toBe(403);
  });

  it('shows the request under 复核待处理 with its deadline, and still 31 working days after it', async () => {
    type Row = {
      caseId: string;
      dueDate: string;
      workdaysLeft: number;
      overdueWorkdays: number;
      evidenceFiles: number;
    };
    const pending = async (who: string) =>
      as.get(who)!.req('GET', `/api/v1/districts/${encodeURIComponent('闵行')}/reconsiderations`);
    const first = (await pending('approver')).json.items as Row[];
    const row = first.find((r) => r.caseId === caseId)!;
    expect(row).toMatchObject({ overdueWorkdays: 0, evidenceFiles: 5 });
    expect(row.workdaysLeft).toBeGreaterThan(0);
    for (const who of ['reviewerPd', 'hr', 'holder']) expect((await pending(who)).status, who).toBe(403);
    // 31 working days past the stored deadline: the request is listed, first, and says so.
    now = `${testPolicy.calendar.addWorkdays(row.dueDate, 31)}T02:00:00.000Z`;
    const b = new Browser(server.url);
    expect((await b.login(`approver-ev-${engine}`, PASSWORD)).status).toBe(200);
    const later = (await b.req('GET', `/api/v1/districts/${encodeURIComponent('闵行')}/reconsiderations`))
      .json.items as Row[];
    expect(later.find((r) => r.caseId === caseId)).toMatchObject({ overdueWorkdays: 31, workdaysLeft: 0 });
  });
});
