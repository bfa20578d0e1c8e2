import type { Kysely } from 'kysely';
import { hashPassword } from '../../accounts/passwords.js';
import { ROLES } from '../../shared/vocabulary.js';
import { insertUser, type Role } from '../../storage/index.js';
import type { Database } from '../../storage/schema.js';
import { seedHolder, seedUnit } from '../../storage/testing/fixtures.js';
import { Browser } from './startTestServer.js';

/**
 * One signed-in browser per role, each in its room: district officers in 闵行, HR of a
 * fresh 闵行 unit, a holder of a fresh holder (the route-table tests walk every role).
 */
export async function signInEveryRole(
  db: Kysely<Database>,
  serverUrl: string,
  opts: { prefix: string; now: string },
): Promise<{ browsers: Map<Role, Browser>; unitId: string }> {
  const unit = await seedUnit(db, '闵行');
  const holder = await seedHolder(db);
  const password = `${opts.prefix} password 2025`;
  const hash = await hashPassword(password);
  const browsers = new Map<Role, Browser>();
  for (const role of ROLES) {
    const username = `${opts.prefix}-${role}`;
    await insertUser(db, {
      username,
      displayName: role,
      role,
      district: ['acceptance_clerk', 'district_reviewer', 'district_approver'].includes(role) ? '闵行' : null,
      unitId: role === 'employer_hr' ? unit.id : null,
      holderId: role === 'holder' ? holder.id : null,
      passwordHash: hash,
      now: opts.now,
    });
    const b = new Browser(serverUrl);
    const res = await b.login(username, password);
    if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status}`);
    browsers.set(role, b);
  }
  return { browsers, unitId: unit.id };
}

/** A named test user: its role and its room (unit, district or holder). */
export type NamedUser = [
  name: string,
  role: Role,
  rooms: Partial<{ unitId: string; district: '闵行' | '浦东新区'; holderId: string }>,
];

/**
 * Creates the named users (username `<name>-<suffix>`, display name `<name>经办`, one password)
 * and signs each in: one browser per name.
 */
export async function signInUsers(
  db: Kysely<Database>,
  serverUrl: string,
  users: readonly NamedUser[],
  opts: { suffix: string; password: string; now: string },
): Promise<Map<string, Browser>> {
  const hash = await hashPassword(opts.password);
  const browsers = new Map<string, Browser>();
  for (const [name, role, rooms] of users) {
    const username = `${name}-${opts.suffix}`;
    await insertUser(db, {
      username,
      displayName: `${name}经办`,
      role,
      ...rooms,
      passwordHash: hash,
      now: opts.now,
    });
    const b = new Browser(serverUrl);
    const res = await b.login(username, opts.password);
    if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status}`);
    browsers.set(name, b);
  }
  return browsers;
}
