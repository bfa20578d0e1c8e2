import { describe, expect, it } from 'vitest';
import { isJifenError } from '../shared/errors.js';
import { configFromEnv } from './config.js';

describe('configFromEnv', () => {
  it('defaults to SQLite under ./data', () => {
    expect(configFromEnv({})).toEqual({ dialect: 'sqlite', file: 'data/jifen.sqlite', busyTimeoutMs: 5000 });
    expect(configFromEnv({ JIFEN_DATA_DIR: '/var/lib/jifen', DATABASE_URL: '' })).toMatchObject({
      file: '/var/lib/jifen/jifen.sqlite',
    });
  });
  it('selects PostgreSQL when DATABASE_URL is set', () => {
    expect(configFromEnv({ DATABASE_URL: 'postgres://u@h:5432/db', JIFEN_DB_POOL_MAX: '20' })).toEqual({
      dialect: 'postgres',
      url: 'postgres://u@h:5432/db',
      poolMax: 20,
      readUrl: 'postgres://u@h:5432/db',
      readPoolMax: 5,
    });
    expect(
      configFromEnv({ DATABASE_URL: 'postgres://u@h/db', DATABASE_READ_URL: 'postgres://u@replica/db' }),
    ).toMatchObject({ url: 'postgres://u@h/db', readUrl: 'postgres://u@replica/db', readPoolMax: 5 });
  });
  it('fails fast naming every bad setting', () => {
    const error = (() => {
      try {
        configFromEnv({
          DATABASE_URL: 'mysql://x',
          JIFEN_DB_POOL_MAX: 'many',
          JIFEN_SQLITE_BUSY_TIMEOUT_MS: '0',
        });
      } catch (e) {
        return e;
      }
    })();
    expect(isJifenError(error) && error.code).toBe('validation_failed');
    expect(isJifenError(error) && error.issues.map((i) => i.path)).toEqual([
      'DATABASE_URL',
      'JIFEN_DB_POOL_MAX',
      'JIFEN_SQLITE_BUSY_TIMEOUT_MS',
    ]);
  });
});
