import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { insertCase } from '../caseRepository.js';
import { idNumberCheckChar } from '../imports/fields.js';
import { insertHolder } from '../holderRepository.js';
import type { CaseRow, Database, District } from '../schema.js';
import { insertUnit } from '../unitRepository.js';
import { CREDIT_CODE_ALPHABET, withCreditCodeCheck } from '../../shared/creditCode.js';

/** A random valid 统一社会信用代码 (GB 32100-2015 check character): 上海, 9 random characters. */
const randomCreditCode = (): string =>
  withCreditCodeCheck(`91310000${[...randomBytes(9)].map((b) => CREDIT_CODE_ALPHABET[b % 31]).join('')}`);

/** Synthetic people and units for tests (never real identifiers). */

export const T0 = '2025-09-15T01:00:00.000Z';

let counter = 0;
const next = (): number => ++counter;
const rand = (): string => randomBytes(4).toString('hex');

/** A synthetic, checksum-valid ID number (born 1990-05-01 unless told), unique per call. */
export function syntheticIdNumber(birth = '19900501'): string {
  const region = String(parseInt(rand(), 16) % 1000).padStart(3, '0');
  const serial = String(next() % 1000).padStart(3, '0');
  const first17 = `310${region}${birth}${serial}`;
  return first17 + idNumberCheckChar(first17);
}

export async function seedUnit(db: Kysely<Database>, district: District = '闵行') {
  return insertUnit(db, {
    name: `测试单位${next()}`,
    creditCode: randomCreditCode(),
    district,
    kind: 'enterprise',
    registrationStatus: 'verified',
    now: T0,
  });
}

export async function seedHolder(db: Kysely<Database>, idNumber = syntheticIdNumber()) {
  return insertHolder(db, {
    idNumber,
    name: `持证人${next()}`,
    phone: '13800000000',
    birthDate: '1990-05-01',
    now: T0,
  });
}

export async function seedCase(db: Kysely<Database>, district: District = '闵行'): Promise<CaseRow> {
  const unit = await seedUnit(db, district);
  const holder = await seedHolder(db);
  return insertCase(db, { holderId: holder.id, unitId: unit.id, district, createdBy: 'user-hr-1', now: T0 });
}
