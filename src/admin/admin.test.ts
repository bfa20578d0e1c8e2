import { testPolicy } from '../policy/testing/testPolicy.js';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { stringify } from 'yaml';
import { cityCases, cityStatistics, listPenalties } from '../city/cityQueries.js';
import { PolicyStore } from '../policy/PolicyStore.js';
import { JifenError } from '../shared/errors.js';
import { insertUser } from '../storage/index.js';
import { describeOnBothEngines } from '../storage/testing/bothEngines.js';
import { seedCase } from '../storage/testing/fixtures.js';
import { runFullScenario } from '../cases/testing/scenario.js';
import { seedWorld } from '../cases/testing/world.js';
import {
  applyCalendarYear,
  applyMaterialsCatalogue,
  applyWageFigure,
  previewCalendarYear,
  previewMaterialsCatalogue,
  previewWageFigure,
} from './policyData.js';
import { listPolicyRevisions } from '../storage/policyRevisionRepository.js';
import { listUsers, setUserActive } from './users.js';

const NOW = '2025-12-15T02:00:00.000Z';
const CAL_2027 = readFileSync(new URL('./fixtures/calendar-2027.yaml', import.meta.url), 'utf8');
const WAGE = {
  from: '2026-07',
  to: '2027-06',
  value: 12_800,
  citation: '市人社局关于公布2025年度全市职工平均工资的通知（测试）',
};

async function issues(p: Promise<unknown> | (() => unknown)): Promise<JifenError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (error) {
    return error as JifenError;
  }
  throw new Error('expected an error');
}

describeOnBothEngines('admin: users and policy data loads', (getDb, engine) => {
  // Each instance holds its own policy snapshot: nothing to reset between tests.
  const admin = { id: `admin-${engine}`, role: 'admin' };

  it('lists users with filters and pagination; disabling ends sessions and is audited', async () => {
    const db = getDb();
    await insertUser(db, {
      id: admin.id,
      username: `adm-${engine}`,
      displayName: '管理员',
      role: 'admin',
      now: NOW,
    });
    for (let i = 0; i < 5; i++)
      await insertUser(db, {
        id: `clerk-${engine}-${i}`,
        username: `clerk${i}-${engine}`,
        displayName: `受理${i}`,
        role: 'acceptance_clerk',
        district: i % 2 ? '闵行' : '徐汇',
        now: NOW,
      });
    const page1 = await listUsers(db, { role: 'acceptance_clerk', limit: 2 });
    expect(page1.total).toBe(5);
    expect(page1.items).toHaveLength(2);
    const page3 = await listUsers(db, { role: 'acceptance_clerk', limit: 2, offset: 4 });
    expect(page3.items.map((u) => u.username)).toEqual([`clerk4-${engine}`]);
    expect((await listUsers(db, { district: '闵行' })).total).toBe(2);
    expect((await listUsers(db, { q: 'clerk3' })).items[0]!.displayName).toBe('受理3');

    await db
      .insertInto('sessions')
      .values({
        idHash: `h-${engine}`,
        userId: `clerk-${engine}-1`,
        csrfToken: 'x',
        createdAt: NOW,
        expiresAt: NOW,
        lastSeenAt: NOW,
      })
      .execute();
    const r = await setUserActive(db, admin, `clerk-${engine}-1`, { active: false, reason: '调离岗位' }, NOW);
    expect(r).toMatchObject({ active: false, sessionsEnded: 1 });
    expect((await listUsers(db, { active: 'false' })).items.map((u) => u.id)).toEqual([`clerk-${engine}-1`]);
    const audit = await db
      .selectFrom('auditEvents')
      .select('command')
      .orderBy('seq', 'desc')
      .executeTakeFirst();
    expect(audit?.command).toBe('disable_user');
    expect(
      (await issues(setUserActive(db, admin, admin.id, { active: false, reason: '测试' }, NOW))).code,
    ).toBe('conflict');
    expect(
      (await issues(setUserActive(db, admin, 'nobody', { active: true, reason: '测试' }, NOW))).code,
    ).toBe('not_found');
  });

  it('previews a wage figure (diff and example scores), applies it, and another instance sees it', async () => {
    const db = getDb();
    const store = await PolicyStore.open(db);
    const before = store.current.rules.data.wages.figures.at(-1)!;
    const preview = await previewWageFigure(db, WAGE, testPolicy);
    expect(preview).toMatchObject({
      change: 'appended',
      before: null,
      provisionalBefore: { value: before.value },
    });
    expect(preview.tableTail.at(-1)).toEqual({ from: '2026-07', to: '2027-06', value: 12_800 });
    expect(await listPolicyRevisions(db)).toHaveLength(0);

    const filesOnly = store.current;
    const other = new PolicyStore(testPolicy, db, 0);
    const applied = await applyWageFigure(db, admin, NOW, WAGE, store);
    expect(applied.revision).toMatchObject({ kind: 'wage_figure', subject: '2026-07', loadedBy: admin.id });
    expect(store.current.rules.data.wages.figures.at(-1)).toEqual({
      from: '2026-07',
      to: '2027-06',
      value: 12_800,
    });
    // The swap makes a new snapshot with a new name; the old one is unchanged (a request holding it).
    expect(applied.dataRevision).toBe(store.current.dataRevision);
    expect(store.current.dataRevision).not.toBe(filesOnly.dataRevision);
    expect(filesOnly.rules.data.wages.figures.at(-1)).toEqual(before);

    // Another instance: the files alone until its signature check, then the database's revisions merged.
    expect(other.current.rules.data.wages.figures.at(-1)).toEqual(before);
    await other.maybeRefresh();
    expect(other.current.rules.wages.latest.value).toBe(12_800);
    expect(other.current.dataRevision).toBe(store.current.dataRevision);

    // The same again changes nothing: refused; a correction of the same months is a new revision.
    expect((await issues(applyWageFigure(db, admin, NOW, WAGE, other))).code).toBe('conflict');
    await applyWageFigure(db, admin, '2025-12-16T02:00:00.000Z', { ...WAGE, value: 12_900 }, other);
    expect(other.current.rules.wages.latest.value).toBe(12_900);
    expect((await listPolicyRevisions(db)).map((r) => r.subject)).toEqual(['2026-07', '2026-07']);
  });

  it('refuses bad wage input with Chinese messages at JSON paths', async () => {
    const db = getDb();
    const bad = await issues(
      previewWageFigure(db, { from: '2026-13', to: '2026-01', value: 'x' }, testPolicy),
    );
    expect(bad.code).toBe('validation_failed');
    expect(bad.issues.map((i) => i.path).sort()).toEqual(['$.citation', '$.from', '$.value']);
    expect(bad.issues.find((i) => i.path === '$.from')!.message).toContain('YYYY-MM');
    const gap = await issues(previewWageFigure(db, { ...WAGE, from: '2028-01', to: '2028-12' }, testPolicy));
    expect(gap.issues[0]).toMatchObject({ path: '$.from' });
    expect(gap.issues[0]!.message).toMatch(/应紧接/);
  });

  it('previews a holiday year (working days, deadlines computable) and applies it', async () => {
    const db = getDb();
    const preview = previewCalendarYear({ text: CAL_2027 }, testPolicy);
    expect(preview.year).toBe(2027);
    expect(preview.replaced).toBe(false);
    expect(preview.workdays).toBeGreaterThan(240);
    expect(preview.months.reduce((a, m) => a + m.workdays, 0)).toBe(preview.workdays);
    const det = preview.deadlines.find((d) => d.kind === 'determination')!;
    expect(det.lastStartBefore! < '2026-12-31').toBe(true);
    expect(det.lastStartAfter! > '2027-11-01').toBe(true);
    const store = await PolicyStore.open(db);
    expect(store.current.calendar.coveredYears()).not.toContain(2027);
    await applyCalendarYear(db, admin, NOW, { text: CAL_2027 }, store);
    expect(store.current.calendar.coveredYears()).toContain(2027);
    expect(store.current.calendar.addWorkdays('2026-12-25', 20)).toMatch(/^2027-01/);
    expect(testPolicy.calendar.coveredYears()).not.toContain(2027);
    const again = await issues(() => previewCalendarYear({ text: CAL_2027 }, store.current));
    expect(again.code).toBe('conflict');
    expect(previewCalendarYear({ text: CAL_2027, replace: true }, store.current).replaced).toBe(true);

    const bad = await issues(() =>
      previewCalendarYear(
        {
          text: 'year: 2028\nsources: []\nholidays:\n  - { date: "2028-02-30", name: 春节 }\n',
        },
        testPolicy,
      ),
    );
    expect(bad.code).toBe('validation_failed');
    expect(bad.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['$.sources', '$.holidays[0].date']),
    );
    expect((await issues(() => previewCalendarYear({ text: '{' }, testPolicy))).issues[0]!.path).toBe(
      '$.text',
    );
  });

  it('previews and applies a materials catalogue update', async () => {
    const db = getDb();
    const store = await PolicyStore.open(db);
    const current = store.current.catalogue;
    const raw = readFileSync(new URL('../../rules/catalogues/materials.yaml', import.meta.url), 'utf8');
    const doc = (await import('yaml')).parse(raw) as { materials: { id: string; name: string }[] };
    doc.materials[0]!.name = `${doc.materials[0]!.name}（新版）`;
    const removed = doc.materials.pop()!;
    const text = stringify(doc);
    const preview = previewMaterialsCatalogue({ text }, store.current);
    expect(preview.changed).toEqual([
      { id: doc.materials[0]!.id, name: doc.materials[0]!.name, fields: ['name'] },
    ]);
    expect(preview.removed).toEqual([{ id: removed.id, name: removed.name }]);
    expect(preview.added).toEqual([]);
    await applyMaterialsCatalogue(db, admin, NOW, { text }, store);
    expect(store.current.catalogue.materials).toHaveLength(current.materials.length - 1);
    expect(testPolicy.catalogue.materials).toHaveLength(current.materials.length);
    const bad = await issues(() =>
      previewMaterialsCatalogue({ text: 'catalogue: materials\nlabel: x\n' }, testPolicy),
    );
    expect(bad.code).toBe('validation_failed');
    expect(bad.issues.some((i) => i.path.startsWith('$.'))).toBe(true);
  });

  it('city queries: every district, statistics with the city total, penalties; only the city supervisor', async () => {
    const db = getDb();
    const w = await seedWorld(db, `city${engine}`);
    await runFullScenario(db, w, `city-${engine}`);
    const waiting = await seedCase(db, '徐汇');
    const city = { id: 'city-1', role: 'city_supervisor' as const, unitId: null, district: null };
    const all = await cityCases(db, { actor: city, today: '2025-12-15', query: { limit: 1 } }, testPolicy);
    expect(all.total).toBe(1);
    expect(all.items).toHaveLength(1);
    const mh = await cityCases(
      db,
      { actor: city, today: '2025-12-15', query: { district: '闵行' } },
      testPolicy,
    );
    expect(mh.items.map((i) => i.caseId)).toContain(`city-${engine}`);
    expect(mh.items.every((i) => i.district === '闵行')).toBe(true);
    const stats = await cityStatistics(db, { actor: city, today: '2025-12-15' }, testPolicy);
    expect(stats.districts.map((d) => d.district)).toEqual(['徐汇', '闵行']);
    const sum = Object.values(stats.city.casesByState).reduce((x, y) => x + y, 0);
    expect(sum).toBe(2); // the fixture row without a snapshot counts as a case of 徐汇
    expect(stats.city.determinations).toBe(stats.districts.reduce((x, d) => x + d.determinations, 0));
    expect(stats.city.medianWorkdaysToAcceptance).not.toBeNull();
    expect(stats.city.determinationOverdue).toBe(0);
    expect(stats.city.determinationDeadlinesMet).toBe(
      stats.city.determinationsOnTime / stats.city.determinations,
    );

    // A verified case past its determination deadline counts against the on-time rate while it waits,
    // and the city can list exactly those cases (issue 14).
    const { snapshot } = await db
      .selectFrom('cases')
      .select('snapshot')
      .where('id', '=', `city-${engine}`)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('cases')
      .set({
        state: 'verified',
        dueKind: 'determination',
        dueDate: '2025-12-01',
        snapshot: snapshot as string,
      })
      .where('id', '=', waiting.id)
      .execute();
    const later = await cityStatistics(db, { actor: city, today: '2025-12-15' }, testPolicy);
    expect(later.city.determinationOverdue).toBe(1);
    expect(later.city.determinationDeadlinesMet).toBe(
      later.city.determinationsOnTime / (later.city.determinations + 1),
    );
    const xh = later.districts.find((d) => d.district === '徐汇')!;
    expect(xh.determinationOverdue).toBe(1);
    expect(xh.determinationDeadlinesMet).toBe(0);
    const overdue = await cityCases(
      db,
      {
        actor: city,
        today: '2025-12-15',
        query: { overdue: 'determination' },
      },
      testPolicy,
    );
    // (The fixture row borrows the scenario's snapshot, so it is listed under that case number.)
    expect(overdue.total).toBe(1);
    expect(overdue.items).toHaveLength(1);
    expect(
      (
        await cityCases(
          db,
          { actor: city, today: '2025-12-01', query: { overdue: 'determination' } },
          testPolicy,
        )
      ).total,
    ).toBe(0);
    expect((await listPenalties(db, { actor: city, query: {} })).total).toBe(0);
    const clerk = { id: 'c', role: 'acceptance_clerk' as const, unitId: null, district: '闵行' as const };
    expect(
      (await issues(cityCases(db, { actor: clerk, today: '2025-12-15', query: {} }, testPolicy))).code,
    ).toBe('forbidden');
  });
});
