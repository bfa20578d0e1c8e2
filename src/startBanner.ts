import type { Role } from './shared/vocabulary.js';
import { ROLE_LABELS } from './workflow/labels.js';

/** A demo account as the start banner lists it. */
export interface BannerAccount {
  username: string;
  role: Role;
  district: string | null;
  unitName: string | null;
}

/** What each demo role shows a newcomer (the demo world of src/demo/seedDemo.ts). */
const DEMONSTRATES: Partial<Record<Role, string>> = {
  holder: '查看本人的申请进度、积分通知书',
  employer_hr: '为本单位职工申报、补正材料、查看核定结果',
  acceptance_clerk: '受理申请、一次性告知补正材料',
  district_reviewer: '逐项审核申报的指标',
  district_approver: '核定积分、出具积分通知书',
  city_supervisor: '全市统计、超期监督、纠正与市级复核',
  admin: '账号管理与政策数据',
};
const SPECIAL: Record<string, string> = {
  'hr.barred': '失信单位经办人，演示失信单位不能申请',
  holder9: '已核定积分的持证人，演示积分通知书与复核申请',
};

export interface BannerFacts {
  address: string;
  /** Where the data is: the SQLite file's absolute path, or the PostgreSQL server (no credentials). */
  data: string;
  today?: string;
  demo?: { seeded: boolean; password: string; accounts: BannerAccount[] };
  /** JIFEN_PUBLIC_URL as set, undefined when the default applies. */
  publicUrl?: string;
  /** Whether request logs go to the console. */
  requestLog: boolean;
}

/** Where a PostgreSQL URL points, without user or password. */
export const postgresPlace = (url: string): string => {
  try {
    const u = new URL(url);
    return `PostgreSQL ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
};

const districtName = (d: string): string => (d.endsWith('区') ? d : `${d}区`);

/** The text `npm start` prints: where it serves, where the data is, and who to sign in as. */
export function startBanner(f: BannerFacts): string {
  const web = f.address.replace('127.0.0.1', 'localhost');
  const width = Math.max(0, ...(f.demo?.accounts ?? []).map((a) => a.username.length)) + 2;
  return [
    '',
    `jifen 已启动：网页与 API ${web}`,
    `  数据位置  ${f.data}`,
    `  API 文档  ${web}/api/docs`,
    ...(f.today ? [`  业务日期  ${f.today}（演示时钟；JIFEN_TODAY=real 使用真实日期）`] : []),
    ...(f.publicUrl
      ? [`  通知书核验地址  ${f.publicUrl}/verify/…`]
      : [
          '  注意：未设置 JIFEN_PUBLIC_URL，积分通知书上的核验地址和二维码指向 http://localhost:3000，',
          '        他人扫码无法打开；对外使用前请设置 JIFEN_PUBLIC_URL=https://你的地址',
        ]),
    ...(f.requestLog ? [] : ['  请求日志未输出到控制台（LOG_LEVEL=info 可开启，见 README）']),
    ...(f.demo
      ? [
          `  ${f.demo.seeded ? '已建立演示数据' : '演示数据已存在'}；演示账号（密码均为 ${f.demo.password}，仅用于演示）：`,
          ...f.demo.accounts.map((a) => {
            const place =
              a.unitName ??
              (a.district ? districtName(a.district) : a.role === 'city_supervisor' ? '全市' : '');
            const shows = SPECIAL[a.username] ?? DEMONSTRATES[a.role] ?? '';
            return `    ${a.username.padEnd(width)}${ROLE_LABELS[a.role]}${place ? `（${place}）` : ''}：${shows}`;
          }),
        ]
      : []),
    '',
  ].join('\n');
}
