/**
 * `npm run bench:documents` — printed documents and notifications on this machine:
 *
 * 1. 积分通知书 rendered per second (pdfkit, embedded Noto Sans SC subset, vector
 *    QR code), one after another on one core, with p50/p95 per document;
 * 2. the outbox dispatch rate: SMS through the generic HTTP driver (signed
 *    requests) to a fake gateway on 127.0.0.1, on embedded SQLite, with one and
 *    with four dispatchers sharing the outbox.
 *
 * BENCH_NOTICES (default 300) and BENCH_MESSAGES (default 3000) set the sizes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPointsNotice } from '../src/documents/pointsNotice.js';
import { samplePointsNotice } from '../src/documents/testing/sampleDocuments.js';
import { dispatchNotifications } from '../src/notify/dispatchNotifications.js';
import { HttpSmsDriver } from '../src/notify/HttpSmsDriver.js';
import { startFakeSmsGateway } from '../src/notify/testing/fakeSmsGateway.js';
import { migrateToLatest, openDatabase } from '../src/storage/index.js';
import { enqueue } from '../src/storage/outbox.js';
import { composePolicy } from '../src/policy/composePolicy.js';

/** The policy data, composed as the server and the CLI compose it (src/policy/composePolicy.ts). */
const policy = composePolicy();

const NOTICES = Number(process.env.BENCH_NOTICES ?? 300);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 3000);
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

console.log(`machine: ${cpus()[0]?.model ?? '?'} × ${cpus().length}, Node ${process.version}`);

// 1. Notices.
const data = samplePointsNotice('https://jifen.example.gov.cn');
for (let i = 0; i < 10; i++) await renderPointsNotice(data, policy.fonts); // font parse and JIT warm-up
const times: number[] = [];
let bytes = 0;
const t0 = performance.now();
for (let i = 0; i < NOTICES; i++) {
  const s = performance.now();
  const pdf = await renderPointsNotice(
    { ...data, total: 100 + (i % 60), sequence: 1 + (i % 3) },
    policy.fonts,
  );
  times.push(performance.now() - s);
  bytes += pdf.length;
}
const secs = (performance.now() - t0) / 1000;
times.sort((a, b) => a - b);
console.log(
  `积分通知书 render             ${(NOTICES / secs).toFixed(1).padStart(8)} notices/s   p50 ${pct(times, 0.5).toFixed(1)} ms   p95 ${pct(times, 0.95).toFixed(1)} ms   ${(bytes / NOTICES / 1024).toFixed(0)} KB each   (${NOTICES} notices)`,
);

// 2. Outbox dispatch against the fake gateway.
const secret = 'bench-secret-bench-secret';
const gateway = await startFakeSmsGateway({ secret });
const dir = mkdtempSync(join(tmpdir(), 'jifen-bench-docs-'));
try {
  for (const dispatchers of [1, 4]) {
    const handle = openDatabase({
      dialect: 'sqlite',
      file: join(dir, `outbox-${dispatchers}.sqlite`),
      busyTimeoutMs: 20_000,
    });
    await migrateToLatest(handle.db);
    const now = '2025-10-20T02:00:00.000Z';
    for (let i = 0; i < MESSAGES; i++)
      await enqueue(handle.db, {
        id: `bench-${dispatchers}-${i}`,
        channel: 'sms',
        recipient: `139${String(10_000_000 + i).slice(-8)}`,
        templateId: 'determination_made',
        templateVersion: 1,
        payload: { caseId: `c-${i}`, district: '闵行', points: 126, seq: 1 },
        now,
      });
    const driver = new HttpSmsDriver({ url: gateway.url, secret, timeoutMs: 5000 });
    const before = gateway.delivered.size;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: dispatchers }, async () => {
        for (;;)
          if (
            (await dispatchNotifications(handle.db, driver, now, { limit: 50, templates: policy.templates }))
              .claimed === 0
          )
            break;
      }),
    );
    const s = (performance.now() - start) / 1000;
    const sent = gateway.delivered.size - before;
    console.log(
      `outbox → HTTP gateway, ${dispatchers} dispatcher${dispatchers > 1 ? 's' : ' '}  ${(sent / s).toFixed(0).padStart(8)} SMS/s       (${sent} of ${MESSAGES} sent in ${s.toFixed(1)} s, SQLite)`,
    );
    await handle.close();
  }
} finally {
  await gateway.close();
  rmSync(dir, { recursive: true, force: true });
}
