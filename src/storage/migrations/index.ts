import type { Migration } from 'kysely';
import * as m0001 from './0001_core.js';

/**
 * Migrations in code (not read from a folder at run time), so that they ship
 * inside any bundle and run the same under tsx, vitest and a build. Append only.
 */
export const migrations: Record<string, Migration> = {
  '0001_core': m0001,
};
