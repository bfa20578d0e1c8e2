/**
 * Seeds a synthetic city into a dedicated PostgreSQL database (dropped and
 * created again): 16 districts × 200 verified units, `holders` permit holders
 * from the synthetic-population generator with their registry data (permit,
 * the last `months` months of insurance from their synthetic career, education
 * verification, marriage records), and `cases` cases cloned from template
 * cases that the real use cases produced (caseTemplates.ts, cloneRows.ts), with
 * their audit trails on valid per-case hash chains. Plus the accounts the load needs:
 * a clerk, a reviewer and an approver per district, an HR officer per unit and
 * `holderUsers` holders, each with a scoped API token (`jfn_scale_<user id>`).
 *
 * Bulk only: rows travel as column arrays (`unnest`), insurance months are
 * expanded by PostgreSQL from one staging row per contribution run, and the
 * session writes with synchronous_commit off (a bench database; a crash just
 * means seeding again). The population is written to `populationFile` as the
 * `jifen synth` JSONL, for the impact run over the same people.
 */
import { DISTRICT_CODES, formatApplicationNo } from '../../src/storage/applicationNumbers.js';
import { createWriteStream } from 'node:fs';
import pg from 'pg';
import { hashSecret } from '../../src/accounts/secrets.js';
import { isoMonthToIndex } from '../../src/shared/dates.js';
import { idNumberCheckChar } from '../../src/storage/imports/fields.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { openDatabase } from '../../src/storage/openDatabase.js';
import { DISTRICTS } from '../../src/storage/schema.js';
import { synthHolder } from '../../src/synth/synthProfile.js';
import {
  buildCaseTemplates,
  TEMPLATE_DISTRICT,
  TEMPLATE_OFFICERS,
  TEMPLATE_UNIT,
  WORLD_TODAY,
  type CaseTemplate,
} from './caseTemplates.js';
import {
  AuditChain,
  ColumnBatch,
  columnsOf,
  loadTableTemplate,
  render,
  templateTokens,
  type CloneValues,
  type TableTemplate,
} from './cloneRows.js';
import { sampleCreditCode } from '../../src/shared/creditCode.js';

export interface SeedOptions {
  adminUrl: string;
  database: string;
  holders: number;
  cases: number;
  months: number;
  holderUsers: number;
  seed: number;
  populationFile: string;
  log: (line: string) => void;
}

export interface SeedReport {
  url: string;
  seconds: number;
  rows: Record<string, number>;
  /** Template case id per case index, for the load generator (which cases can be accepted, determined …). */
  casesByTemplate: Map<string, { template: CaseTemplate; indexes: number[] }>;
  /** State and version of a clone is its template's. */
  templates: (CaseTemplate & { state: string; version: number })[];
}

export const UNITS_PER_DISTRICT = 200;
export const unitOf = (d: number, k: number) => ({
  id: `u${String(d).padStart(2, '0')}-${String(k).padStart(3, '0')}`,
  creditCode: sampleCreditCode(d * 10_000 + k),
});
export const holderIdOf = (i: number) => `h${String(i).padStart(7, '0')}`;
export const caseIdOf = (i: number) => `c${String(i).padStart(7, '0')}`;
export const tokenOf = (userId: string) => `jfn_scale_${userId}`;
export const officerId = (role: 'clerk' | 'reviewer' | 'approver', d: number) => `u-${role}-${d}`;
export const hrIdOf = (unitId: string) => `u-hr-${unitId}`;
export const holderUserIdOf = (i: number) => `u-holder-${i}`;
const phoneOf = (i: number) => `139${String(10_000_000 + i).slice(-8)}`;
const NOW = '2025-09-01T01:00:00.000Z';

async function recreate(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(adminUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

/** Picks a template for case `i` by the state shares (deterministic, well spread). */
function templatePicker(templates: CaseTemplate[]) {
  const cum: number[] = [];
  let acc = 0;
  for (const t of templates) cum.push((acc += t.share));
  return (i: number) => {
    const r = (((i * 2654435761) >>> 0) / 2 ** 32) * acc;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return templates[lo]!;
  };
}

export async function seedCity(o: SeedOptions): Promise<SeedReport> {
  const t0 = performance.now();
  const rows: Record<string, number> = {};
  const count = (table: string, n: number) => (rows[table] = (rows[table] ?? 0) + n);

  // 1. Template cases through the real use cases, in a scratch database.
  const tplName = `${o.database}_tpl`;
  const tplUrl = await recreate(o.adminUrl, tplName);
  const tplHandle = openDatabase({ dialect: 'postgres', url: tplUrl, poolMax: 4 });
  await migrateToLatest(tplHandle.db);
  const templates = await buildCaseTemplates(tplHandle.db);
  await tplHandle.close();
  o.log(
    `  ${templates.length} template cases driven through the use cases (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );

  const tpl = new pg.Client({ connectionString: tplUrl });
  await tpl.connect();
  const ids = templates.map((t) => t.caseId);
  const holderIds = templates.map((t) => t.holderId);
  const phones = await tpl.query<{ id: string; phone: string }>(
    'select id, phone from holders where id = any($1)',
    [holderIds],
  );
  const codes = await tpl.query<{ verification_code: string }>(
    'select verification_code from determinations',
  );
  const tokens = templateTokens({
    cases: templates.map((t) => ({
      no: t.no,
      caseId: t.caseId,
      holderId: t.holderId,
      phone: phones.rows.find((p) => p.id === t.holderId)!.phone,
    })),
    unitId: TEMPLATE_UNIT.id,
    creditCode: TEMPLATE_UNIT.creditCode,
    district: TEMPLATE_DISTRICT,
    hr: TEMPLATE_UNIT.hr,
    clerk: TEMPLATE_OFFICERS.clerk,
    reviewer: TEMPLATE_OFFICERS.reviewer,
    approver: TEMPLATE_OFFICERS.approver,
    verificationCodes: codes.rows.map((r) => r.verification_code),
  });
  const permitTpl = await loadTableTemplate(
    tpl,
    'permits',
    'holder_id = any($1)',
    'holder_id',
    holderIds,
    tokens,
  );
  // Parents before children (foreign keys); determinations in sequence order (supersedes).
  const caseTables: TableTemplate[] = [
    await loadTableTemplate(tpl, 'cases', 'id = any($1)', 'id', ids, tokens),
  ];
  for (const [table, order] of [
    ['claimed_indicators', '1'],
    ['materials', '1'],
    ['review_tasks', '1'],
    ['receipts', '1'],
    ['one_time_notices', '1'],
    ['determinations', 'sequence'],
    ['reconsiderations', 'requested_at'],
    ['corrections', '1'],
    ['refusals', '1'],
    ['confirmations', '1'],
    ['outbox', '1'],
    ['reminders', '1'],
  ] as const)
    caseTables.push(await loadTableTemplate(tpl, table, 'case_id = any($1)', 'case_id', ids, tokens, order));
  const auditTpl = await loadTableTemplate(
    tpl,
    'audit_events',
    'case_id = any($1)',
    'case_id',
    ids,
    tokens,
    'seq',
  );
  const stateOf = await tpl.query<{ id: string; state: string; version: number }>(
    'select id, state, version from cases where id = any($1)',
    [ids],
  );
  await tpl.end();
  await dropDatabase(o.adminUrl, tplName);

  // 2. The city database.
  const url = await recreate(o.adminUrl, o.database);
  const handle = openDatabase({ dialect: 'postgres', url, poolMax: 2 });
  await migrateToLatest(handle.db);
  await handle.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const client2 = new pg.Client({ connectionString: url });
  await client2.connect();
  for (const c of [client, client2]) await c.query('set synchronous_commit = off');
  const batch = async (table: string) => new ColumnBatch({ table, columns: await columnsOf(client, table) });
  const byName = (b: ColumnBatch, obj: Record<string, unknown>) =>
    b.push(b.t.columns.map((c) => obj[c.name] ?? null));

  // Units, officers, HR officers, tokens.
  const units = await batch('units');
  const users = await batch('users');
  const apiTokens = await batch('api_tokens');
  const addUser = (u: {
    id: string;
    role: string;
    district?: string;
    unit_id?: string;
    holder_id?: string;
  }) => {
    byName(users, {
      id: u.id,
      username: u.id.slice(2),
      display_name: u.id,
      role: u.role,
      district: u.district ?? null,
      unit_id: u.unit_id ?? null,
      holder_id: u.holder_id ?? null,
      password_hash: null,
      active: true,
      failed_logins: 0,
      password_change_required: false,
      created_at: NOW,
      updated_at: NOW,
    });
    byName(apiTokens, {
      id: `t-${u.id}`,
      token_hash: hashSecret(tokenOf(u.id)),
      name: 'bench:scale',
      user_id: u.id,
      scopes: JSON.stringify(['cases:read', 'cases:write', 'registry:import', 'stats:read']),
      created_at: NOW,
    });
  };
  for (let d = 0; d < DISTRICTS.length; d++) {
    for (const role of ['clerk', 'reviewer', 'approver'] as const)
      addUser({
        id: officerId(role, d),
        role: { clerk: 'acceptance_clerk', reviewer: 'district_reviewer', approver: 'district_approver' }[
          role
        ],
        district: DISTRICTS[d]!,
      });
    for (let k = 0; k < UNITS_PER_DISTRICT; k++) {
      const u = unitOf(d, k);
      byName(units, {
        id: u.id,
        name: `${DISTRICTS[d]}企业${k}`,
        credit_code: u.creditCode,
        district: DISTRICTS[d],
        kind: 'enterprise',
        registration_status: 'verified',
        tax_status: 'paying',
        operating_status: 'normal',
        registered_at: NOW,
        verified_at: NOW,
        created_at: NOW,
        updated_at: NOW,
      });
      addUser({ id: hrIdOf(u.id), role: 'employer_hr', unit_id: u.id });
    }
  }
  count('units', units.size);
  await units.flush(client);

  // Holders, registry data and cases, in batches.
  const holders = await batch('holders');
  const permits = await batch('permits');
  const education = await batch('education_verifications');
  const household = await batch('household_records');
  await client.query(
    'create unlogged table scale_runs (holder_id text, credit text, from_idx int, to_idx int, base_fen bigint, back_paid boolean)',
  );
  const runs = new ColumnBatch({
    table: 'scale_runs',
    columns: [
      { name: 'holder_id', udt: 'text' },
      { name: 'credit', udt: 'text' },
      { name: 'from_idx', udt: 'int4' },
      { name: 'to_idx', udt: 'int4' },
      { name: 'base_fen', udt: 'int8' },
      { name: 'back_paid', udt: 'bool' },
    ],
  });
  const clones = caseTables.map((t) => new ColumnBatch(t));
  const audit = new ColumnBatch(auditTpl);
  const chain = new AuditChain(
    Number(
      (await client.query<{ m: string }>('select coalesce(max(seq), 0) as m from audit_events')).rows[0]!.m,
    ),
  );
  const pick = templatePicker(templates);
  const casesByTemplate = new Map<string, { template: CaseTemplate; indexes: number[] }>();
  const lastMonth = isoMonthToIndex(WORLD_TODAY.slice(0, 7));
  const firstMonth = lastMonth - o.months + 1;
  const population = createWriteStream(o.populationFile);
  const outboxCols = caseTables.find((t) => t.table === 'outbox')!.columns.map((c) => c.name);
  const col = (n: string) => outboxCols.indexOf(n);
  const applicationNoCol = caseTables
    .find((t) => t.table === 'cases')!
    .columns.findIndex((c) => c.name === 'application_no');
  const BATCH = 5000;
  let text = '';
  // Pipelined: the rows of one batch are inserted (parents first, then the children on both
  // connections) while the next batch is generated.
  let inFlight: Promise<void> = Promise.resolve();
  const flushAll = async () => {
    const parents = [holders, permits, education, household, runs, users, apiTokens].map((b) => b.take());
    const children = [...clones, audit].map((b) => b.take());
    for (const b of [...parents, ...children]) count(b.t.table, b.size);
    await inFlight;
    inFlight = (async () => {
      for (const b of parents) await b.flush(client); // holder accounts reference their holders
      const [cases, ...rest] = children;
      await cases!.flush(client);
      // Determinations and the rows that reference them on one connection, the rest on the other.
      const onFirst = new Set([
        'determinations',
        'reconsiderations',
        'corrections',
        'confirmations',
        'claimed_indicators',
      ]);
      const half = [rest.filter((b) => onFirst.has(b.t.table)), rest.filter((b) => !onFirst.has(b.t.table))];
      await Promise.all([
        (async () => {
          for (const b of half[0]!) await b.flush(client);
        })(),
        (async () => {
          for (const b of half[1]!) await b.flush(client2);
        })(),
      ]);
    })();
    if (!population.write(text)) await new Promise<void>((r) => population.once('drain', () => r()));
    text = '';
  };
  for (let i = 0; i < o.holders; i++) {
    const s = synthHolder(i, { seed: o.seed, asOf: WORLD_TODAY });
    text += `${JSON.stringify(s)}\n`;
    const d = Math.max(0, DISTRICTS.indexOf(s.district as (typeof DISTRICTS)[number]));
    const unit = unitOf(d, i % UNITS_PER_DISTRICT);
    const holderId = holderIdOf(i);
    const p = s.profile;
    const first17 = `31${String(1000 + Math.floor(i / 1000)).slice(-4)}${p.birthDate.replaceAll('-', '')}${String(i % 1000).padStart(3, '0')}`;
    const idNumber = first17 + idNumberCheckChar(first17);
    const phone = phoneOf(i);
    byName(holders, {
      id: holderId,
      id_number: idNumber,
      id_number_masked: `${idNumber.slice(0, 4)}********${idNumber.slice(-4)}`,
      name: `持证人${i}`,
      phone,
      phone_masked: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      birth_date: p.birthDate,
      created_at: NOW,
      updated_at: NOW,
    });
    const edu = p.education?.[0];
    if (edu)
      byName(education, {
        holder_id: holderId,
        certificate_no: `EDU-${holderId}`,
        level: edu.level,
        degree: edu.degree === true,
        full_time: edu.fullTime !== false,
        foreign_degree: edu.foreign === true,
        recognized: true,
        result: 'verified',
        verified_on: '2020-07-01',
        imported_at: NOW,
      });
    if (p.spouse) {
      byName(household, {
        holder_id: holderId,
        record_type: 'marriage',
        event_date: p.spouse.marriageDate,
        imported_at: NOW,
      });
      if (p.spouse.shanghaiHukou)
        byName(household, {
          holder_id: holderId,
          record_type: 'spouse_shanghai_hukou',
          event_date: p.spouse.marriageDate,
          imported_at: NOW,
        });
    }
    for (const r of p.contributions ?? []) {
      const from = Math.max(firstMonth, isoMonthToIndex(r.from));
      const to = Math.min(lastMonth, r.to === null || r.to === undefined ? lastMonth : isoMonthToIndex(r.to));
      if (from <= to)
        runs.push([holderId, unit.creditCode, from, to, Math.round(r.base * 100), r.backPaid === true]);
    }
    if (i < o.cases) {
      const t = pick(i);
      const v: CloneValues = {
        idx: i,
        templateNo: t.no,
        caseId: caseIdOf(i),
        holderId,
        phone,
        unitId: unit.id,
        creditCode: unit.creditCode,
        district: DISTRICTS[d]!,
        hr: hrIdOf(unit.id),
        clerk: officerId('clerk', d),
        reviewer: officerId('reviewer', d),
        approver: officerId('approver', d),
      };
      for (const r of permitTpl.rows.get(t.holderId)!) permits.push(r.map((x) => render(x, v)));
      for (let k = 0; k < caseTables.length; k++) {
        const table = caseTables[k]!;
        for (const r of table.rows.get(t.caseId) ?? []) {
          const values = r.map((x) => render(x, v));
          if (table.table === 'outbox' && values[col('status')] === 'pending') {
            // History: the dispatcher delivered the clones' messages long ago.
            values[col('status')] = 'delivered';
            values[col('attempts')] = 1;
            values[col('provider_message_id')] = values[col('id')];
            values[col('sent_at')] = values[col('created_at')];
            values[col('delivered_at')] = values[col('created_at')];
          }
          if (
            table.table === 'cases' &&
            applicationNoCol >= 0 &&
            typeof values[applicationNoCol] === 'string'
          ) {
            // 申请编号 are unique: each clone gets its own in its district and the template's year,
            // numbered from 500 000, far above what the sequence hands the load's new drafts.
            const year = Number(/(\d{4})-\d+$/.exec(String(values[applicationNoCol]))![1]);
            values[applicationNoCol] = formatApplicationNo(DISTRICT_CODES[DISTRICTS[d]!], year, 500_000 + i);
          }
          clones[k]!.push(values);
        }
      }
      for (const r of auditTpl.rows.get(t.caseId) ?? []) {
        const values = r.map((x) => render(x, v)) as string[];
        const [, id, at, actorId, actorRole, command, caseId, payloadJson] = values;
        const link = chain.next({
          id: id!,
          at: at!,
          actorId: actorId!,
          actorRole: actorRole!,
          command: command!,
          caseId: caseId!,
          payloadJson: payloadJson!,
        });
        audit.push([
          link.seq,
          id,
          at,
          actorId,
          actorRole,
          command,
          caseId,
          payloadJson,
          link.prevHash,
          link.hash,
          link.chain,
          link.chainSeq,
        ]);
      }
      if (!casesByTemplate.has(t.caseId)) casesByTemplate.set(t.caseId, { template: t, indexes: [] });
      casesByTemplate.get(t.caseId)!.indexes.push(i);
      if (i < o.holderUsers) {
        addUser({ id: holderUserIdOf(i), role: 'holder', holder_id: holderId });
      }
    } else {
      byName(permits, {
        id: `${holderId}-permit`,
        holder_id: holderId,
        permit_no: `P${holderId}`,
        issued_on: '2023-03-01',
        valid_until: '2027-03-01',
        endorsed_until: '2026-12-31',
        status: 'active',
        created_at: NOW,
        updated_at: NOW,
      });
    }
    if ((i + 1) % BATCH === 0) await flushAll();
    if ((i + 1) % 100_000 === 0) {
      o.log(
        `  ${(i + 1).toLocaleString('en-US')} holders (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
      );
    }
  }
  await flushAll();
  await inFlight;
  // The clones' chain heads, and the event sequence moved past the numbers used here.
  await client.query(
    `insert into audit_chains (chain, last_seq, last_hash)
     select distinct on (chain) chain, chain_seq, hash from audit_events
     where chain like 'case:%' order by chain, chain_seq desc
     on conflict (chain) do nothing`,
  );
  await client.query(`select setval('audit_events_seq', (select max(seq) from audit_events))`);
  await client2.end();
  await new Promise<void>((r) => population.end(() => r()));
  o.log(
    `  holders, permits, cases and audit trails written (${((performance.now() - t0) / 1000).toFixed(0)} s); expanding insurance months…`,
  );
  const months = await client.query(
    `insert into insurance_months (holder_id, month, base_fen, unit_credit_code, back_paid, imported_at)
     select r.holder_id, to_char(make_date(m / 12, m % 12 + 1, 1), 'YYYY-MM'), r.base_fen, r.credit, r.back_paid, $1
     from scale_runs r cross join lateral generate_series(r.from_idx, r.to_idx) m`,
    [NOW],
  );
  count('insurance_months', months.rowCount ?? 0);
  await client.query('drop table scale_runs');
  o.log(
    `  ${(months.rowCount ?? 0).toLocaleString('en-US')} insurance months (${((performance.now() - t0) / 1000).toFixed(0)} s); vacuum analyze…`,
  );
  await client.query('vacuum analyze');
  await client.end();
  return {
    url,
    seconds: (performance.now() - t0) / 1000,
    rows,
    casesByTemplate,
    templates: templates.map((t) => {
      const s = stateOf.rows.find((r) => r.id === t.caseId)!;
      return { ...t, state: s.state, version: s.version };
    }),
  };
}
