import { expect, it } from 'vitest';
import { isJifenError } from '../shared/errors.js';
import { getHolder, getHolderWithPersonalData, holderIdsByIdNumber } from './holderRepository.js';
import {
  cancelPermit,
  endorsePermit,
  getCurrentPermit,
  insertPermit,
  listPermitsEndingOnOrBefore,
} from './permitRepository.js';
import { insertPenalty, listPenaltiesInForce } from './supervisionRepository.js';
import { describeOnBothEngines } from './testing/bothEngines.js';
import { seedHolder, seedUnit, T0 } from './testing/fixtures.js';
import { getUnit, setUnitBarredUntil, setUnitRegistration } from './unitRepository.js';
import { getLoginRecord, getUser, insertUser, recordLogin } from './userRepository.js';

describeOnBothEngines('units, holders, users, permits, penalties', (getDb) => {
  it('masks ID numbers and phones in the holder summary', async () => {
    const db = getDb();
    const h = await seedHolder(db, '31011519900501123X');
    expect(h).toMatchObject({ idNumberMasked: '3101********123X', phoneMasked: '138****0000' });
    expect(h).not.toHaveProperty('idNumber');
    expect(await getHolder(db, h.id)).not.toHaveProperty('phone');
    expect((await getHolderWithPersonalData(db, h.id))?.idNumber).toBe('31011519900501123X');
    expect((await holderIdsByIdNumber(db, ['31011519900501123X', 'nobody'])).get('31011519900501123X')).toBe(
      h.id,
    );
  });

  it('verifies, rejects and bars units', async () => {
    const db = getDb();
    const u = await seedUnit(db, '浦东新区');
    await setUnitRegistration(db, u.id, {
      status: 'rejected',
      by: 'clerk',
      reason: '营业执照不清晰',
      now: T0,
    });
    expect(await getUnit(db, u.id)).toMatchObject({
      registrationStatus: 'rejected',
      rejectionReason: '营业执照不清晰',
    });
    await setUnitRegistration(db, u.id, { status: 'verified', by: 'clerk', now: T0 });
    await setUnitBarredUntil(db, u.id, '2028-09-15', T0);
    expect(await getUnit(db, u.id)).toMatchObject({
      registrationStatus: 'verified',
      rejectionReason: null,
      barredUntil: '2028-09-15',
    });
  });

  it('keeps users in their room', async () => {
    const db = getDb();
    const u = await seedUnit(db);
    const hr = await insertUser(db, {
      username: `hr-${u.id}`,
      displayName: '王经办',
      role: 'employer_hr',
      unitId: u.id,
      now: T0,
    });
    expect(await getUser(db, hr.id)).toEqual(hr);
    expect(hr.active).toBe(true);
    // An HR user without a unit, an officer without a district: refused by the schema.
    await expect(
      insertUser(db, { username: `x-${u.id}`, displayName: 'x', role: 'employer_hr', now: T0 }),
    ).rejects.toThrow();
    await expect(
      insertUser(db, { username: `y-${u.id}`, displayName: 'y', role: 'acceptance_clerk', now: T0 }),
    ).rejects.toThrow();
    await recordLogin(db, hr.id, { ok: true, now: T0 });
    expect(await getLoginRecord(db, hr.username)).toMatchObject({ lastLoginAt: T0 });
  });

  it('endorses and cancels permits; the sweep finds lapsing ones', async () => {
    const db = getDb();
    const h = await seedHolder(db);
    const p = await insertPermit(db, {
      holderId: h.id,
      permitNo: `P-${h.id}`,
      issuedOn: '2024-01-10',
      validUntil: '2027-01-09',
      endorsedUntil: '2025-01-09',
      now: T0,
    });
    expect(
      (await listPermitsEndingOnOrBefore(db, { onOrBefore: '2025-01-09', limit: 1000 })).map((x) => x.id),
    ).toContain(p.id);
    await endorsePermit(db, p.id, '2026-01-09', T0);
    expect(
      (await listPermitsEndingOnOrBefore(db, { onOrBefore: '2025-01-09', limit: 1000 })).map((x) => x.id),
    ).not.toContain(p.id);
    await cancelPermit(db, p.id, '2025-06-01', T0);
    expect(await getCurrentPermit(db, h.id)).toMatchObject({
      status: 'cancelled',
      cancelledOn: '2025-06-01',
    });
    const again = await cancelPermit(db, p.id, '2025-06-02', T0).catch((e: unknown) => e);
    expect(isJifenError(again) && again.code).toBe('not_found');
  });

  it('lists penalties in force on a date', async () => {
    const db = getDb();
    const h = await seedHolder(db);
    const u = await seedUnit(db);
    await insertPenalty(db, {
      subject: { kind: 'individual', holderId: h.id },
      kind: 'false_material',
      serious: true,
      reason: '伪造学历',
      effectiveFrom: '2024-03-01',
      effectiveUntil: '2027-02-28',
      decidedBy: 'city',
      now: T0,
    });
    await insertPenalty(db, {
      subject: { kind: 'unit', unitId: u.id },
      kind: 'fine',
      serious: false,
      reason: '提供虚假材料',
      amountFen: 5_000_000, // 50 000 CNY
      effectiveFrom: '2024-03-01',
      decidedBy: 'city',
      now: T0,
    });
    const forHolder = await listPenaltiesInForce(db, { holderId: h.id, onDate: '2025-09-15' });
    expect(forHolder.map((p) => [p.kind, p.serious])).toEqual([['false_material', true]]);
    expect(await listPenaltiesInForce(db, { holderId: h.id, onDate: '2027-03-01' })).toEqual([]);
    expect((await listPenaltiesInForce(db, { unitId: u.id, onDate: '2025-09-15' }))[0]?.amountFen).toBe(
      5_000_000,
    );
  });
});
