/**
 * Clones the rows of template cases (caseTemplates.ts) for the city-scale seed.
 * Every text or JSON value of a template row is split once at the tokens it
 * contains (template case/holder/unit/officer ids, the district, the phone,
 * UUIDs, verification codes); a clone is the parts joined with its own values,
 * so 300 000 cases cost string joins, not JSON parsing. Rows go to PostgreSQL
 * with one `INSERT … SELECT * FROM unnest($1::text[], …)` per table and batch
 * (one round trip for thousands of rows; no per-row statements).
 *
 * The audit events of each clone form its case's hash chain, computed here exactly
 * as `chainedAuditHash` does (the canonical JSON of the event with its stored,
 * already canonical payload): `jifen audit verify` checks them like any other.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { GENESIS_HASH } from '../../src/storage/auditLog.js';

/** What replaces the template tokens in one clone. */
export interface CloneValues {
  idx: number;
  templateNo: number;
  caseId: string;
  holderId: string;
  phone: string;
  unitId: string;
  creditCode: string;
  district: string;
  hr: string;
  clerk: string;
  reviewer: string;
  approver: string;
}

type Slot = (v: CloneValues) => string;
/** A value split at its tokens: literal parts and the slots between them, or a non-text value as is. */
type Piece = { parts: string[]; slots: Slot[] } | { value: unknown };

export interface TableTemplate {
  table: string;
  columns: { name: string; udt: string }[];
  /** Template case id → its rows, each row a piece per column. */
  rows: Map<string, Piece[][]>;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const b32 = (n: number, width: number) => {
  let s = '';
  for (let i = 0; i < width; i++, n = Math.floor(n / 32)) s = CROCKFORD[n % 32]! + s;
  return s;
};
const uuidFor = (template: string, idx: number) =>
  `${template.slice(0, 24)}${idx.toString(16).padStart(12, '0')}`;

export interface TokenSet {
  /** Literal token → slot. */
  literal: Map<string, Slot>;
}

/** The tokens of the template world (see caseTemplates.ts) and what each becomes in a clone. */
export function templateTokens(t: {
  cases: { no: number; caseId: string; holderId: string; phone: string }[];
  unitId: string;
  creditCode: string;
  district: string;
  hr: string;
  clerk: string;
  reviewer: string;
  approver: string;
  verificationCodes: string[];
}): TokenSet {
  const literal = new Map<string, Slot>();
  for (const c of t.cases) {
    literal.set(c.caseId, (v) => v.caseId);
    // Receipt numbers carry the case id's last 10 letters/digits in capitals (effects.ts receiptNumber).
    literal.set(
      c.caseId
        .replace(/[^0-9A-Za-z]/g, '')
        .slice(-10)
        .toUpperCase(),
      (v) =>
        v.caseId
          .replace(/[^0-9A-Za-z]/g, '')
          .slice(-10)
          .toUpperCase(),
    );
    literal.set(c.holderId, (v) => v.holderId);
    literal.set(c.phone, (v) => v.phone);
  }
  literal.set(t.unitId, (v) => v.unitId);
  literal.set(t.creditCode, (v) => v.creditCode);
  literal.set(t.district, (v) => v.district);
  literal.set(t.hr, (v) => v.hr);
  literal.set(t.clerk, (v) => v.clerk);
  literal.set(t.reviewer, (v) => v.reviewer);
  literal.set(t.approver, (v) => v.approver);
  // Verification codes are unique: template number and clone index, in the same alphabet and length.
  for (const code of t.verificationCodes)
    literal.set(code, (v) => `S${b32(v.templateNo, 2)}${b32(v.idx, 9)}`);
  return { literal };
}

function splitter(tokens: TokenSet): (text: string) => Piece {
  const escaped = [...tokens.literal.keys()]
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`${UUID}|${escaped.join('|')}`, 'g');
  return (text) => {
    const parts: string[] = [];
    const slots: Slot[] = [];
    let last = 0;
    for (const m of text.matchAll(re)) {
      parts.push(text.slice(last, m.index));
      const token = m[0];
      slots.push(tokens.literal.get(token) ?? ((v) => uuidFor(token, v.idx)));
      last = m.index + token.length;
    }
    if (slots.length === 0) return { value: text };
    parts.push(text.slice(last));
    return { parts, slots };
  };
}

export async function columnsOf(client: pg.ClientBase, table: string) {
  const r = await client.query<{ column_name: string; udt_name: string }>(
    `select column_name, udt_name from information_schema.columns
     where table_schema = 'public' and table_name = $1 order by ordinal_position`,
    [table],
  );
  return r.rows.map((c) => ({ name: c.column_name, udt: c.udt_name }));
}

/** Reads the template rows of `table` (`where` selects them; `$1` is the template case ids). */
export async function loadTableTemplate(
  client: pg.ClientBase,
  table: string,
  where: string,
  keyColumn: string,
  caseIds: string[],
  tokens: TokenSet,
  orderBy = '1',
): Promise<TableTemplate> {
  const columns = await columnsOf(client, table);
  const split = splitter(tokens);
  const r = await client.query(`select * from ${table} where ${where} order by ${orderBy}`, [caseIds]);
  const rows = new Map<string, Piece[][]>();
  for (const row of r.rows as Record<string, unknown>[]) {
    const key = String(row[keyColumn]);
    const pieces = columns.map((c): Piece => {
      const v = row[c.name];
      if (v === null || v === undefined) return { value: null };
      if (c.udt === 'jsonb' || c.udt === 'json') return split(JSON.stringify(v));
      return typeof v === 'string' ? split(v) : { value: v };
    });
    if (!rows.has(key)) rows.set(key, []);
    rows.get(key)!.push(pieces);
  }
  return { table, columns, rows };
}

export function render(p: Piece, v: CloneValues): unknown {
  if ('value' in p) return p.value;
  let s = p.parts[0]!;
  for (let i = 0; i < p.slots.length; i++) s += p.slots[i]!(v) + p.parts[i + 1]!;
  return s;
}

/** Column arrays for one unnest insert. */
export class ColumnBatch {
  readonly cols: unknown[][];
  constructor(readonly t: Pick<TableTemplate, 'table' | 'columns'>) {
    this.cols = t.columns.map(() => []);
  }
  get size() {
    return this.cols[0]!.length;
  }
  push(values: unknown[]) {
    for (let i = 0; i < values.length; i++) this.cols[i]!.push(values[i]);
  }
  /** Hands the rows collected so far to a new batch (to insert while this one fills again). */
  take(): ColumnBatch {
    const b = new ColumnBatch(this.t);
    for (let i = 0; i < this.cols.length; i++) [b.cols[i], this.cols[i]] = [this.cols[i]!, b.cols[i]!];
    return b;
  }
  async flush(client: pg.ClientBase): Promise<void> {
    if (this.size === 0) return;
    const t0 = performance.now();
    // Text-like columns travel as arrays; JSON columns as one JSON array each (joined text, no
    // array-literal escaping of kilobytes of quotes). ROWS FROM zips them in lockstep (no join).
    const params: unknown[] = [];
    const fns = this.t.columns.map((c, i) => {
      if (c.udt === 'jsonb') {
        params.push(`[${this.cols[i]!.map((v) => (v === null ? 'null' : (v as string))).join(',')}]`);
        return `jsonb_array_elements($${params.length}::jsonb)`;
      }
      params.push(this.cols[i]);
      return `unnest($${params.length}::${c.udt}[])`;
    });
    const select = this.t.columns.map((c, i) =>
      c.udt === 'jsonb' ? `case when jsonb_typeof(c${i}) = 'null' then null else c${i} end` : `c${i}`,
    );
    const names = this.t.columns.map((c) => c.name).join(', ');
    await client.query(
      `insert into ${this.t.table} (${names}) select ${select.join(', ')}
       from rows from (${fns.join(', ')}) as u(${this.t.columns.map((_, i) => `c${i}`).join(', ')})`,
      params,
    );
    if (process.env.SCALE_TRACE)
      console.log(`    ${this.t.table} ${this.size} rows ${(performance.now() - t0).toFixed(0)} ms`);
    for (const c of this.cols) c.length = 0;
  }
}

/**
 * The audit chains of the clones: one chain per cloned case (`case:<id>`, as
 * `appendAuditEvent` writes them since migration 0170), each hashed exactly as
 * `chainedAuditHash` does. Column order of `audit_events`: seq, id, at,
 * actor_id, actor_role, command, case_id, payload_json, prev_hash, hash (0001),
 * chain, chain_seq (0170). `seq` is a global ordering key counted here; the
 * seeder moves the database's sequence past it and writes the chain heads.
 */
export class AuditChain {
  seq: number;
  readonly #heads = new Map<string, { chainSeq: number; hash: string }>();
  constructor(firstSeq = 0) {
    this.seq = firstSeq;
  }
  /** `row` is a rendered audit_events row of a template (seq and hashes are replaced). */
  next(row: {
    id: string;
    at: string;
    actorId: string;
    actorRole: string;
    command: string;
    caseId: string;
    payloadJson: string;
  }) {
    const seq = ++this.seq;
    const chain = `case:${row.caseId}`;
    const head = this.#heads.get(chain) ?? { chainSeq: 0, hash: GENESIS_HASH };
    const chainSeq = head.chainSeq + 1;
    // canonicalJson of the hashed fields, keys in code-unit order; the payload text is already canonical.
    const body =
      `{"actorId":${JSON.stringify(row.actorId)},"actorRole":${JSON.stringify(row.actorRole)},` +
      `"at":${JSON.stringify(row.at)},"caseId":${JSON.stringify(row.caseId)},"chain":${JSON.stringify(chain)},` +
      `"chainSeq":${chainSeq},"command":${JSON.stringify(row.command)},` +
      `"id":${JSON.stringify(row.id)},"payload":${row.payloadJson}}`;
    const prevHash = head.hash;
    const hash = createHash('sha256').update(prevHash).update(body).digest('hex');
    this.#heads.set(chain, { chainSeq, hash });
    return { seq, prevHash, hash, chain, chainSeq };
  }
}
