import { expect, it } from 'vitest';
import { appendAuditEvent, type AuditEventInput } from '../../storage/auditLog.js';
import { describeOnBothEngines } from '../../storage/testing/bothEngines.js';
import { seedCase, T0 } from '../../storage/testing/fixtures.js';
import { COMMAND_LABELS, STATE_LABELS, type Actor } from '../../workflow/index.js';
import { caseHistory } from './caseHistory.js';

describeOnBothEngines('case history', (getDb) => {
  it('names each event in Chinese, a printed document by its kind, and a retired command as another operation', async () => {
    const db = getDb();
    const c = await seedCase(db);
    const supervisor: Actor = { id: 'sup-1', role: 'city_supervisor' };
    const who = { at: T0, actorId: supervisor.id, actorRole: supervisor.role, caseId: c.id };
    await appendAuditEvent(db, {
      ...who,
      command: 'accept',
      payload: { version: 2, from: 'submitted', to: 'accepted', detail: {} },
    });
    await appendAuditEvent(db, {
      ...who,
      command: 'print_document',
      payload: { document: 'receipt', ref: 'R1' },
    });
    // A row of a command the code no longer writes: the log keeps it, the union does not know it.
    const retired = { ...who, command: 'retired_command', payload: {} };
    await appendAuditEvent(db, retired as unknown as AuditEventInput);
    const history = await caseHistory(db, { actor: supervisor, caseId: c.id });
    expect(history.events.map((e) => [e.command, e.what, e.change])).toEqual([
      ['accept', COMMAND_LABELS.accept, `${STATE_LABELS.submitted} → ${STATE_LABELS.accepted}`],
      ['print_document', '打印文书：收件凭证', null],
      ['retired_command', '其他操作', null],
    ]);
  });
});
