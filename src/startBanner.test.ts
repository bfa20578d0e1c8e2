import { describe, expect, it } from 'vitest';
import { postgresPlace, startBanner } from './startBanner.js';

const accounts = [
  { username: 'approver.mh', role: 'district_approver', district: '闵行', unitName: null },
  { username: 'hr.barred', role: 'employer_hr', district: null, unitName: '闵行失信示范公司' },
  { username: 'hr.pd1', role: 'employer_hr', district: null, unitName: '浦东新区示范企业1号' },
  { username: 'reviewer.pd', role: 'district_reviewer', district: '浦东新区', unitName: null },
] as const;

describe('startBanner', () => {
  const text = startBanner({
    address: 'http://127.0.0.1:3000',
    data: 'SQLite /srv/jifen/jifen.sqlite',
    today: '2025-12-15',
    demo: { seeded: true, password: 'pw', accounts: [...accounts] },
    requestLog: false,
  });

  it('says where the data is and warns that the notice QR points to localhost', () => {
    expect(text).toContain('数据位置  SQLite /srv/jifen/jifen.sqlite');
    expect(text).toContain('未设置 JIFEN_PUBLIC_URL');
    expect(text).toContain('LOG_LEVEL=info');
    const set = startBanner({ address: 'x', data: 'y', publicUrl: 'https://jf.example', requestLog: true });
    expect(set).not.toContain('未设置');
    expect(set).toContain('https://jf.example/verify/');
  });

  it('lists demo accounts by Chinese role name, their unit or district and what they show', () => {
    expect(text).toMatch(/hr\.barred\s+单位经办人（闵行失信示范公司）：失信单位经办人，演示失信单位不能申请/);
    expect(text).toMatch(/approver\.mh\s+区人社局核定人员（闵行区）：核定积分/);
    expect(text).toMatch(/reviewer\.pd\s+区审核人员（浦东新区）：/);
    expect(text).not.toMatch(/district_|employer_hr/);
  });

  it('names a PostgreSQL server without its credentials', () => {
    expect(postgresPlace('postgres://u:secret@db.local:5433/jifen')).toBe('PostgreSQL db.local:5433/jifen');
  });
});
