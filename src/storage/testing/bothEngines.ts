import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe } from 'vitest';
import type { DialectName } from '../dialectSpecifics.js';
import type { Database } from '../schema.js';
import { createTestDatabase, type TestDatabase } from './createTestDatabase.js';

export const ENGINES: readonly DialectName[] = ['sqlite', 'postgres'];

/**
 * Declares the same tests once per engine, each block on its own fresh,
 * migrated database (created in `beforeAll`, destroyed in `afterAll`). Tests
 * inside one block share that database: give rows unique ids.
 *
 *   describeOnBothEngines('cases', (getDb, engine) => { it('…', async () => { const db = getDb(); … }) });
 *
 * If PostgreSQL cannot be reached, every test of the PostgreSQL block fails.
 */
export function describeOnBothEngines(
  name: string,
  body: (getDb: () => Kysely<Database>, engine: DialectName, getTestDb: () => TestDatabase) => void,
): void {
  for (const engine of ENGINES) {
    describe(`${name} [${engine}]`, () => {
      let testDb: TestDatabase | undefined;
      beforeAll(async () => {
        testDb = await createTestDatabase(engine);
      });
      afterAll(async () => {
        await testDb?.destroy();
      });
      const getTestDb = (): TestDatabase => {
        if (!testDb) throw new Error(`the ${engine} test database was not created (see the beforeAll error)`);
        return testDb;
      };
      body(() => getTestDb().db, engine, getTestDb);
    });
  }
}
