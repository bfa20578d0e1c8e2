import { Migrator, type Kysely, type MigrationResult } from 'kysely';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

export interface MigrateOutcome {
  applied: string[];
  /** Names of migrations that were already applied. */
  alreadyApplied: number;
}

function migratorFor(db: Kysely<Database>): Migrator {
  // Migrations speak snake_case SQL: run them without the camelCase plugin.
  return new Migrator({ db: db.withoutPlugins(), provider: { getMigrations: async () => migrations } });
}

/** Brings the schema to the latest version; safe to run concurrently (kysely's migration lock). */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrateOutcome> {
  const migrator = migratorFor(db);
  const before = (await migrator.getMigrations()).filter((m) => m.executedAt !== undefined).length;
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return {
    applied: (results ?? [])
      .filter((r: MigrationResult) => r.status === 'Success')
      .map((r) => r.migrationName),
    alreadyApplied: before,
  };
}

/** Every known migration and whether it ran. */
export async function migrationStatus(
  db: Kysely<Database>,
): Promise<{ name: string; executedAt: Date | undefined }[]> {
  return (await migratorFor(db).getMigrations()).map((m) => ({ name: m.name, executedAt: m.executedAt }));
}
