/**
 * `npm run demo:workflow`: one case through its whole life on a fresh temporary
 * SQLite database — filing → return with one-time notice → resubmission →
 * acceptance → review with a referral → verification → determination → notice →
 * reconsideration → adjustment → expiry — printing each state with its actor and
 * working-day dates (official calendar: the 2025 National Day is in the middle).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyAuditChain } from '../storage/auditLog.js';
import { migrateToLatest } from '../storage/migrate.js';
import { openDatabase } from '../storage/openDatabase.js';
import { runFullScenario } from '../cases/testing/scenario.js';
import { seedWorld } from '../cases/testing/world.js';

const dir = mkdtempSync(join(tmpdir(), 'jifen-demo-'));
const handle = openDatabase({ dialect: 'sqlite', file: join(dir, 'demo.sqlite'), busyTimeoutMs: 5000 });
try {
  await migrateToLatest(handle.db);
  const world = await seedWorld(handle.db, 'demo');
  process.stdout.write(`临时数据库 ${join(dir, 'demo.sqlite')}\n\n`);
  const out = await runFullScenario(handle.db, world, 'demo-case', (s) => {
    const due = s.due ? `  期限 ${s.due}` : '';
    const waiting = s.waitingWorkdays !== null ? `  已等待 ${s.waitingWorkdays} 个工作日` : '';
    process.stdout.write(
      `${s.date}  ${s.step}\n            ${s.actor} → ${s.stateLabel}（${s.state}）  经办：${s.heldBy}${due}${waiting}\n`,
    );
    if (s.detail) process.stdout.write(`            ${s.detail}\n`);
  });
  process.stdout.write(`\n核定记录（从不覆盖，新的取代旧的）：\n`);
  for (const d of out.determinations)
    process.stdout.write(`  第 ${d.sequence} 次  ${d.total} 分  ${d.reason}\n`);
  const audit = await verifyAuditChain(handle.db);
  process.stdout.write(`\n审计链：${audit.ok ? `完整，共 ${audit.count} 个事件` : audit.message}\n`);
} finally {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
}
