import { describe, expect, it } from 'vitest';
import { isJifenError } from '../shared/errors.js';
import { loadServerConfig } from './config.js';

describe('server configuration', () => {
  it('has working defaults', () => {
    expect(loadServerConfig({})).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', LOG_LEVEL: 'info' });
  });

  it('fails fast, naming every bad setting', () => {
    try {
      loadServerConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', JIFEN_BODY_LIMIT: '10' });
      expect.unreachable();
    } catch (e) {
      expect(isJifenError(e)).toBe(true);
      const names = (e as { issues: { path: string }[] }).issues.map((i) => i.path);
      expect(names).toEqual(expect.arrayContaining(['PORT', 'LOG_LEVEL', 'JIFEN_BODY_LIMIT']));
      expect((e as Error).message).toContain('PORT');
    }
  });
});
