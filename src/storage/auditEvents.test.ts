import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CommandType } from '../workflow/types.js';
import { isAuditCommand, knownAuditEvent, type AuditCommand, type AuditEventOf } from './auditEvents.js';
import {
  appendAuditEvent,
  GENESIS_HASH,
  listAuditEventsForCase,
  verifyAuditChain,
  type AuditEventInput,
} from './auditLog.js';
import { describeOnBothEngines } from './testing/bothEngines.js';
import { T0 } from './testing/fixtures.js';

const who = { at: T0, actorId: 'officer-1', actorRole: 'district_reviewer' };
const sha = (id: string) => id.padEnd(64, '0');

/**
 * One event of every kind outside the machine, with the chain it must join: the
 * record is keyed by the union, so an event added without a sample fails tsc.
 */
const SAMPLES: {
  [C in Exclude<AuditCommand, CommandType>]: [Extract<AuditEventOf, { command: C }>, chain: string];
} = {
  print_document: [
    { command: 'print_document', caseId: 'c1', payload: { document: 'receipt', ref: 'R1' } },
    'case:c1',
  ],
  create_holder_login: [
    { command: 'create_holder_login', caseId: 'c1', payload: { account: 'holder' } },
    'case:c1',
  ],
  reveal_identity: [
    { command: 'reveal_identity', caseId: 'c1', payload: { holderId: 'h1', reason: '持证人到场核对' } },
    'case:c1',
  ],
  upload_evidence: [
    {
      command: 'upload_evidence',
      caseId: 'c1',
      payload: {
        evidenceId: 'ev1',
        reconsiderationId: 'r1',
        contentType: 'application/pdf',
        size: 10,
        sha256: sha('a'),
      },
    },
    'case:c1',
  ],
  download_evidence: [
    { command: 'download_evidence', caseId: 'c1', payload: { evidenceId: 'ev1', sha256: sha('a') } },
    'case:c1',
  ],
  enable_user: [{ command: 'enable_user', payload: { userId: 'p1', role: 'district_reviewer' } }, 'user:p1'],
  disable_user: [
    { command: 'disable_user', payload: { userId: 'p1', role: 'district_reviewer', tokensRevoked: 2 } },
    'user:p1',
  ],
  reset_password: [
    { command: 'reset_password', payload: { userId: 'p1', role: 'district_reviewer', sessionsEnded: 1 } },
    'user:p1',
  ],
  change_password: [{ command: 'change_password', payload: { userId: 'p1', wasRequired: true } }, 'user:p1'],
  register_unit: [
    { command: 'register_unit', payload: { unitId: 'u1', district: '浦东新区', kind: 'enterprise' } },
    'unit:u1',
  ],
  verify_unit: [{ command: 'verify_unit', payload: { unitId: 'u1', decision: 'verified' } }, 'unit:u1'],
  load_wage_figure: [
    {
      command: 'load_wage_figure',
      payload: { revisionId: 'rev1', subject: '2025-07', contentHash: sha('b') },
    },
    'policy:2025-07',
  ],
  load_calendar_year: [
    {
      command: 'load_calendar_year',
      payload: { revisionId: 'rev2', subject: '2026', contentHash: sha('c') },
    },
    'policy:2026',
  ],
  load_materials_catalogue: [
    {
      command: 'load_materials_catalogue',
      payload: { revisionId: 'rev3', subject: 'materials', contentHash: sha('d') },
    },
    'policy:materials',
  ],
  export_list: [
    {
      command: 'export_list',
      caseId: null,
      payload: {
        list: 'city_cases',
        format: 'csv',
        filters: { order: 'created_desc' },
        rows: 3,
        capped: false,
      },
    },
    'actor:officer-1',
  ],
  record_penalty: [
    {
      command: 'record_penalty',
      payload: {
        party: 'individual',
        holderId: 'h1',
        relatedCaseId: 'c1',
        penaltyIds: ['pen1'],
        kinds: ['false_material'],
        serious: false,
        decidedOn: '2025-09-15',
      },
    },
    'actor:officer-1',
  ],
};

/** An event of the machine as the executor writes it, and its stored JSON, byte for byte. */
const ACCEPT: AuditEventInput = {
  ...who,
  id: 'e-accept',
  actorRole: 'acceptance_clerk',
  command: 'accept',
  caseId: 'c1',
  payload: { version: 3, from: 'submitted', to: 'accepted', detail: { payload: {} }, receiptNo: 'R1' },
};
const ACCEPT_PAYLOAD_JSON =
  '{"detail":{"payload":{}},"from":"submitted","receiptNo":"R1","to":"accepted","version":3}';
const ACCEPT_HASHED =
  '{"actorId":"officer-1","actorRole":"acceptance_clerk","at":"2025-09-15T01:00:00.000Z","caseId":"c1",' +
  `"chain":"case:c1","chainSeq":1,"command":"accept","id":"e-accept","payload":${ACCEPT_PAYLOAD_JSON}}`;

describe('the audit event union', () => {
  it('knows the machine commands and the other events, and nothing else', () => {
    expect(isAuditCommand('accept')).toBe(true);
    expect(isAuditCommand('remind')).toBe(true);
    for (const command of Object.keys(SAMPLES)) expect(isAuditCommand(command)).toBe(true);
    expect(isAuditCommand('acept')).toBe(false);
    expect(isAuditCommand('load_rules')).toBe(false);
    expect(knownAuditEvent({ seq: 1, command: 'retired_event', payload: {} })).toBeNull();
    expect(knownAuditEvent({ seq: 2, command: 'verify_unit', payload: { unitId: 'u1' } })).toEqual({
      seq: 2,
      command: 'verify_unit',
      payload: { unitId: 'u1' },
    });
  });

  it('refuses at compile time an unknown command, a field its event does not declare, a case event without its case', () => {
    // Each line below must stay a tsc error: were the union widened back to `string`
    // or a payload to a free record, the unused @ts-expect-error would fail tsc.
    const refused: AuditEventInput[] = [
      {
        ...who,
        // @ts-expect-error — no such event
        command: 'acept',
        caseId: 'c1',
        payload: { version: 2, from: 'submitted', to: 'accepted', detail: {} },
      },
      {
        ...who,
        command: 'verify_unit',
        // @ts-expect-error — the reason of a rejection stays in the unit row, not in the log
        payload: { unitId: 'u1', decision: 'rejected', reason: '材料不全' },
      },
      {
        ...who,
        command: 'reveal_identity',
        // @ts-expect-error — the number itself is never an event's field
        payload: { holderId: 'h1', reason: '核对', idNumber: '310101199001011234' },
      },
      // @ts-expect-error — a document printed belongs to a case's chain
      { ...who, command: 'print_document', payload: { document: 'receipt', ref: null } },
    ];
    expect(refused.map((e) => isAuditCommand(e.command))).toEqual([false, true, true, true]);
  });
});

describeOnBothEngines('audit events of every kind', (getDb) => {
  it('appends one of each to its chain, verifies the chains and reads them back narrowed', async () => {
    const db = getDb();
    const first = await appendAuditEvent(db, ACCEPT);
    expect(first.hash).toBe(
      createHash('sha256')
        .update(GENESIS_HASH + ACCEPT_HASHED)
        .digest('hex'),
    );
    const stored = await db
      .selectFrom('auditEvents')
      .select('payloadJson')
      .where('id', '=', 'e-accept')
      .executeTakeFirstOrThrow();
    expect(stored.payloadJson).toBe(ACCEPT_PAYLOAD_JSON);

    for (const [event, chain] of Object.values(SAMPLES)) {
      const appended = await appendAuditEvent(db, { ...who, ...event });
      expect([appended.command, appended.chain]).toEqual([event.command, chain]);
    }
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: true,
      count: 1 + Object.keys(SAMPLES).length,
      chains: 7,
    });

    const onCase = (await listAuditEventsForCase(db, 'c1')).map(knownAuditEvent);
    expect(onCase.map((e) => e?.command)).toEqual([
      'accept',
      'print_document',
      'create_holder_login',
      'reveal_identity',
      'upload_evidence',
      'download_evidence',
    ]);
    const reveal = onCase.find((e) => e?.command === 'reveal_identity');
    expect(reveal?.command === 'reveal_identity' && reveal.payload.holderId).toBe('h1');
  });
});
