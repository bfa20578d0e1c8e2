import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { canonicalJson } from '../canonicalJson.js';
import { readBool, specificsOf } from '../dialectSpecifics.js';
import { maskIdNumber, maskPhone } from '../masking.js';
import { DISTRICTS, type Database } from '../schema.js';
import { f } from './fields.js';

/**
 * The registry feeds and master data that `jifen import KIND FILE` loads. Each
 * kind names its columns, validates a row with zod, and knows its natural key
 * (so that re-importing a file is a no-op and a changed value is caught).
 */

export const IMPORT_KINDS = [
  'units',
  'holders',
  'permits',
  'insurance',
  'tax',
  'household',
  'education',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

type Tx = Transaction<Database>;
export interface Resolved<R> {
  row: R;
  holderId: string | null;
}

export interface KindDef<R> {
  label: string;
  columns: readonly string[];
  required: readonly string[];
  schema: z.ZodType<R>;
  /** Natural key inside the file (duplicates are refused). */
  fileKey(row: R): string;
  duplicateMessage: string;
  /** The ID number whose holder the row belongs to, if any (must already be imported). */
  idNumberOf?(row: R): string;
  /** Natural key in the database. */
  dbKey(r: Resolved<R>): string;
  /** The stored values that must match for a row to count as unchanged. */
  comparable(r: Resolved<R>): string;
  /** dbKey → comparable, for the rows of the database that share a key with the file. */
  loadExisting(tx: Tx, rows: Resolved<R>[]): Promise<Map<string, string>>;
  insert(tx: Tx, rows: Resolved<R>[], now: string): Promise<void>;
}

const CHUNK = 400;
const chunks = <T>(xs: T[]): T[][] =>
  Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));
const holderIds = (rows: Resolved<unknown>[]): string[] => [...new Set(rows.map((r) => r.holderId!))];
const k = (...parts: (string | number | null)[]): string => JSON.stringify(parts);

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (const chunk of chunks(rows)) if (chunk.length > 0) await insert(chunk);
}

// ---------- units ----------
const UNIT_KINDS = [
  'enterprise',
  'public_institution',
  'social_organization',
  'private_non_enterprise',
  'individual_business',
  'representative_office',
  'branch',
] as const;
const unitSchema = z.strictObject({
  creditCode: f.creditCode(),
  name: f.text('单位名称'),
  district: f.oneOf(DISTRICTS, '注册地所在区'),
  kind: f.oneOf(UNIT_KINDS, '单位类型'),
  registrationStatus: f.optOneOf(['registered', 'verified', 'rejected'] as const),
  taxStatus: f.optOneOf(['paying', 'not_paying'] as const),
});
type UnitRowIn = z.output<typeof unitSchema>;
const unitValues = (r: UnitRowIn) => ({
  name: r.name,
  district: r.district,
  kind: r.kind,
  registrationStatus: r.registrationStatus ?? 'registered',
  taxStatus: r.taxStatus ?? 'paying',
});
const units: KindDef<UnitRowIn> = {
  label: '用人单位',
  columns: Object.keys(unitSchema.shape),
  required: ['creditCode', 'name', 'district', 'kind'],
  schema: unitSchema,
  fileKey: (r) => r.creditCode,
  duplicateMessage: '统一社会信用代码重复',
  dbKey: ({ row }) => row.creditCode,
  comparable: ({ row }) => canonicalJson(unitValues(row)),
  async loadExisting(tx, rows) {
    const out = new Map<string, string>();
    for (const chunk of chunks(rows.map((r) => r.row.creditCode))) {
      const found = await tx
        .selectFrom('units')
        .select(['creditCode', 'name', 'district', 'kind', 'registrationStatus', 'taxStatus'])
        .where('creditCode', 'in', chunk)
        .execute();
      for (const u of found)
        out.set(
          u.creditCode,
          canonicalJson({
            name: u.name,
            district: u.district,
            kind: u.kind,
            registrationStatus: u.registrationStatus,
            taxStatus: u.taxStatus,
          }),
        );
    }
    return out;
  },
  insert: (tx, rows, now) =>
    insertChunks(rows, (chunk) =>
      tx
        .insertInto('units')
        .values(
          chunk.map(({ row }) => ({
            id: randomUUID(),
            creditCode: row.creditCode,
            ...unitValues(row),
            rejectionReason: null,
            barredUntil: null,
            registeredAt: now,
            verifiedAt: null,
            verifiedBy: null,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .execute(),
    ),
};

// ---------- holders ----------
const holderSchema = z
  .strictObject({
    idNumber: f.idNumber(),
    name: f.text('姓名', 100),
    birthDate: f.date('出生日期'),
    phone: f.optText(20),
  })
  .superRefine((r, ctx) => {
    if (r.birthDate.replaceAll('-', '') !== r.idNumber.slice(6, 14)) {
      ctx.addIssue({ code: 'custom', path: ['birthDate'], message: '出生日期与身份证号码不一致' });
    }
    if (r.phone !== null && !/^1\d{10}$/.test(r.phone))
      ctx.addIssue({ code: 'custom', path: ['phone'], message: '手机号码无效' });
  });
type HolderRowIn = z.output<typeof holderSchema>;
const holders: KindDef<HolderRowIn> = {
  label: '持证人',
  columns: ['idNumber', 'name', 'birthDate', 'phone'],
  required: ['idNumber', 'name', 'birthDate'],
  schema: holderSchema,
  fileKey: (r) => r.idNumber,
  duplicateMessage: '身份证号码重复',
  dbKey: ({ row }) => row.idNumber,
  comparable: ({ row }) => canonicalJson({ name: row.name, birthDate: row.birthDate, phone: row.phone }),
  async loadExisting(tx, rows) {
    const out = new Map<string, string>();
    for (const chunk of chunks(rows.map((r) => r.row.idNumber))) {
      const found = await tx
        .selectFrom('holders')
        .select(['idNumber', 'name', 'birthDate', 'phone'])
        .where('idNumber', 'in', chunk)
        .execute();
      for (const h of found)
        out.set(h.idNumber, canonicalJson({ name: h.name, birthDate: h.birthDate, phone: h.phone }));
    }
    return out;
  },
  insert: (tx, rows, now) =>
    insertChunks(rows, (chunk) =>
      tx
        .insertInto('holders')
        .values(
          chunk.map(({ row }) => ({
            id: randomUUID(),
            idNumber: row.idNumber,
            idNumberMasked: maskIdNumber(row.idNumber),
            name: row.name,
            phone: row.phone,
            phoneMasked: row.phone === null ? null : maskPhone(row.phone),
            birthDate: row.birthDate,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .execute(),
    ),
};

// ---------- permits ----------
const permitSchema = z
  .strictObject({
    permitNo: f.text('居住证编号', 40),
    idNumber: f.idNumber(),
    issuedOn: f.date('签发日期'),
    validUntil: f.date('有效期至'),
    endorsedUntil: f.date('签注有效期至'),
    status: f.optOneOf(['active', 'cancelled'] as const),
    cancelledOn: f.optDate(),
  })
  .superRefine((r, ctx) => {
    if (r.validUntil < r.issuedOn)
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: '有效期早于签发日期' });
    if (r.endorsedUntil < r.issuedOn)
      ctx.addIssue({ code: 'custom', path: ['endorsedUntil'], message: '签注有效期早于签发日期' });
    if ((r.status === 'cancelled') !== (r.cancelledOn !== null))
      ctx.addIssue({ code: 'custom', path: ['cancelledOn'], message: '注销状态须且只须填写注销日期' });
  });
type PermitRowIn = z.output<typeof permitSchema>;
const permitValues = ({ row, holderId }: Resolved<PermitRowIn>) => ({
  holderId: holderId!,
  issuedOn: row.issuedOn,
  validUntil: row.validUntil,
  endorsedUntil: row.endorsedUntil,
  status: row.status ?? 'active',
  cancelledOn: row.cancelledOn,
});
const permits: KindDef<PermitRowIn> = {
  label: '居住证',
  columns: ['permitNo', 'idNumber', 'issuedOn', 'validUntil', 'endorsedUntil', 'status', 'cancelledOn'],
  required: ['permitNo', 'idNumber', 'issuedOn', 'validUntil', 'endorsedUntil'],
  schema: permitSchema,
  fileKey: (r) => r.permitNo,
  duplicateMessage: '居住证编号重复',
  idNumberOf: (r) => r.idNumber,
  dbKey: ({ row }) => row.permitNo,
  comparable: (r) => canonicalJson(permitValues(r)),
  async loadExisting(tx, rows) {
    const out = new Map<string, string>();
    for (const chunk of chunks(rows.map((r) => r.row.permitNo))) {
      const found = await tx
        .selectFrom('permits')
        .select(['permitNo', 'holderId', 'issuedOn', 'validUntil', 'endorsedUntil', 'status', 'cancelledOn'])
        .where('permitNo', 'in', chunk)
        .execute();
      for (const { permitNo, ...p } of found) out.set(permitNo, canonicalJson(p));
    }
    return out;
  },
  insert: (tx, rows, now) =>
    insertChunks(rows, (chunk) =>
      tx
        .insertInto('permits')
        .values(
          chunk.map((r) => ({
            id: randomUUID(),
            permitNo: r.row.permitNo,
            ...permitValues(r),
            createdAt: now,
            updatedAt: now,
          })),
        )
        .execute(),
    ),
};

// ---------- insurance months ----------
const insuranceSchema = z.strictObject({
  idNumber: f.idNumber(),
  month: f.month('缴费月份'),
  base: f.fen('缴费基数'),
  unitCreditCode: f.creditCode('缴费单位统一社会信用代码'),
  backPaid: f.bool('是否补缴'),
});
type InsuranceRowIn = z.output<typeof insuranceSchema>;
const insurance: KindDef<InsuranceRowIn> = {
  label: '社会保险缴费记录',
  columns: Object.keys(insuranceSchema.shape),
  required: Object.keys(insuranceSchema.shape),
  schema: insuranceSchema,
  fileKey: (r) => k(r.idNumber, r.month),
  duplicateMessage: '同一人同一月份重复',
  idNumberOf: (r) => r.idNumber,
  dbKey: ({ row, holderId }) => k(holderId, row.month),
  comparable: ({ row }) =>
    canonicalJson({ baseFen: row.base, unitCreditCode: row.unitCreditCode, backPaid: row.backPaid }),
  async loadExisting(tx, rows) {
    const out = new Map<string, string>();
    const months = rows.map((r) => r.row.month).sort();
    for (const chunk of chunks(holderIds(rows))) {
      const found = await tx
        .selectFrom('insuranceMonths')
        .select(['holderId', 'month', 'baseFen', 'unitCreditCode', 'backPaid'])
        .where('holderId', 'in', chunk)
        .where('month', '>=', months[0]!)
        .where('month', '<=', months.at(-1)!)
        .execute();
      for (const m of found)
        out.set(
          k(m.holderId, m.month),
          canonicalJson({
            baseFen: m.baseFen,
            unitCreditCode: m.unitCreditCode,
            backPaid: readBool(m.backPaid),
          }),
        );
    }
    return out;
  },
  insert: (tx, rows, now) =>
    insertChunks(rows, (chunk) =>
      tx
        .insertInto('insuranceMonths')
        .values(
          chunk.map(({ row, holderId }) => ({
            holderId: holderId!,
            month: row.month,
            baseFen: row.base,
            unitCreditCode: row.unitCreditCode,
            backPaid: specificsOf(tx).bool(row.backPaid),
            importedAt: now,
          })),
        )
        .execute(),
    ),
};

// ---------- tax ----------
const taxSchema = z.strictObject({
  idNumber: f.idNumber(),
  month: f.month('所属月份'),
  payerCreditCode: f.creditCode('扣缴单位统一社会信用代码'),
  income: f.fen('收入额'),
  tax: f.fen('税额'),
});
type TaxRowIn = z.output<typeof taxSchema>;
const tax: KindDef<TaxRowIn> = {
  label: '个人所得税记录',
  columns: Object.keys(taxSchema.shape),
  required: Object.keys(taxSchema.shape),
  schema: taxSchema,
  fileKey: (r) => k(r.idNumber, r.month, r.payerCreditCode),
  duplicateMessage: '同一人同一月份同一扣缴单位重复',
  idNumberOf: (r) => r.idNumber,
  dbKey: ({ row, holderId }) => k(holderId, row.month, row.payerCreditCode),
  comparable: ({ row }) => canonicalJson({ incomeFen: row.income, taxFen: row.tax }),
  async loadExisting(tx, rows) {
    const out = new Map<string, string>();
    for (const chunk of chunks(holderIds(rows))) {
      const found = await tx
        .selectFrom('taxRecords')
        .select(['holderId', 'month', 'payerCreditCode', 'incomeFen', 'taxFen'])
        .where('holderId', 'in', chunk)
        .execute();
      for (const t of found)
        out.set(
          k(t.holderId, t.month, t.payerCreditCode),
          canonicalJson({ incomeFen: t.incomeFen, taxFen: t.taxFen }),
        );
    }
    return out;
  },
  insert: (tx, rows, now) =>
    insertChunks(rows, (chunk) =>
      tx
        .insertInto('taxRecords')
        .values(
          chunk.map(({ row, holderId }) => ({
            holderId: holderId!,
            month: row.month,
            payerCreditCode: row.payerCreditCode,
            incomeFen: row.income,
            taxFen: row.tax,
            importedAt: now,
          })),
        )
        .execute(),
    ),
};

// ---------- household / marriage ----------
const householdSchema = z.strictObject({
  idNumber: f.idNumber(),
  recordType: f.oneOf(['marriage', 'divorce', 'spouse_shanghai_hukou', 'child_birth'] as const, '记录类型'),
  eventDate: f.date('发生日期'),
  detail: f.optText(500),
});
type HouseholdRowIn = z.output<typeof householdSchema>;
const household: KindDef<HouseholdRowIn> = {
  label: '户籍与婚姻记录',
  columns: Object.keys(householdSchema.shape),
  required: ['idNumber', 'recordType', 'eventDate'],
  schema: householdSchema,
  fileKey: (r) => k(r.idNumber, r.recordType, r.eventDate),
  duplicateMessage: '同一人同一类型同一日期的记录重复',
  idNumberOf: (r) => r.idNumber,
  dbKey: ({ row, holderId }) => k(holderId, row.recordType, row.eventDate),
  comparable: ({ row }) => canonicalJson({ detail: row.detail }),
  async loadExisting(tx, rows) {
    const out = new Map<string, string>();
    for (const chunk of chunks(holderIds(rows))) {
      const found = await tx
        .selectFrom('householdRecords')
        .select(['holderId', 'recordType', 'eventDate', 'detail'])
        .where('holderId', 'in', chunk)
        .execute();
      for (const h of found)
        out.set(k(h.holderId, h.recordType, h.eventDate), canonicalJson({ detail: h.detail }));
    }
    return out;
  },
  insert: (tx, rows, now) =>
    insertChunks(rows, (chunk) =>
      tx
        .insertInto('householdRecords')
        .values(
          chunk.map(({ row, holderId }) => ({
            holderId: holderId!,
            recordType: row.recordType,
            eventDate: row.eventDate,
            detail: row.detail,
            importedAt: now,
          })),
        )
        .execute(),
    ),
};

// ---------- education verifications ----------
const educationSchema = z.strictObject({
  idNumber: f.idNumber(),
  certificateNo: f.text('证书编号', 60),
  level: f.oneOf(['senior_high', 'associate', 'bachelor', 'master', 'doctor'] as const, '学历层次'),
  degree: f.bool('是否有学位'),
  fullTime: f.bool('是否全日制'),
  foreign: f.bool('是否国外学历'),
  recognized: f.bool('是否经认证'),
  result: f.oneOf(['verified', 'not_found', 'mismatch'] as const, '核验结果'),
  verifiedOn: f.date('核验日期'),
  majorCode: f.optText(20),
  majorName: f.optText(100),
});
type EducationRowIn = z.output<typeof educationSchema>;
const educationValues = (r: EducationRowIn) => ({
  level: r.level,
  degree: r.degree,
  fullTime: r.fullTime,
  foreignDegree: r.foreign,
  recognized: r.recognized,
  result: r.result,
  verifiedOn: r.verifiedOn,
  majorCode: r.majorCode,
  majorName: r.majorName,
});
const education: KindDef<EducationRowIn> = {
  label: '学历核验结果',
  columns: Object.keys(educationSchema.shape),
  required: [
    'idNumber',
    'certificateNo',
    'level',
    'degree',
    'fullTime',
    'foreign',
    'recognized',
    'result',
    'verifiedOn',
  ],
  schema: educationSchema,
  fileKey: (r) => k(r.idNumber, r.certificateNo),
  duplicateMessage: '同一人同一证书编号重复',
  idNumberOf: (r) => r.idNumber,
  dbKey: ({ row, holderId }) => k(holderId, row.certificateNo),
  comparable: ({ row }) => canonicalJson(educationValues(row)),
  async loadExisting(tx, rows) {
    const out = new Map<string, string>();
    for (const chunk of chunks(holderIds(rows))) {
      const found = await tx
        .selectFrom('educationVerifications')
        .selectAll()
        .where('holderId', 'in', chunk)
        .execute();
      for (const e of found) {
        out.set(
          k(e.holderId, e.certificateNo),
          canonicalJson({
            level: e.level,
            degree: readBool(e.degree),
            fullTime: readBool(e.fullTime),
            foreignDegree: readBool(e.foreignDegree),
            recognized: readBool(e.recognized),
            result: e.result,
            verifiedOn: e.verifiedOn,
            majorCode: e.majorCode,
            majorName: e.majorName,
          }),
        );
      }
    }
    return out;
  },
  insert: (tx, rows, now) => {
    const b = specificsOf(tx).bool;
    return insertChunks(rows, (chunk) =>
      tx
        .insertInto('educationVerifications')
        .values(
          chunk.map(({ row, holderId }) => {
            const v = educationValues(row);
            return {
              holderId: holderId!,
              certificateNo: row.certificateNo,
              ...v,
              degree: b(v.degree),
              fullTime: b(v.fullTime),
              foreignDegree: b(v.foreignDegree),
              recognized: b(v.recognized),
              importedAt: now,
            };
          }),
        )
        .execute(),
    );
  },
};

// Each kind has its own row type; the table is indexed by kind name only.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const KIND_DEFS: { [K in ImportKind]: KindDef<any> } = {
  units,
  holders,
  permits,
  insurance,
  tax,
  household,
  education,
};
