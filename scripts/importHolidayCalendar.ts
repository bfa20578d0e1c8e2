/**
 * Seeds rules/calendars/cn/YYYY.yaml (2013–2026) from the npm package
 * holiday-calendar@1.3.3 (data/CN/YYYY.json). Run once, review, commit:
 *
 *   node --import tsx scripts/importHolidayCalendar.ts
 *
 * The committed YAML is the source of truth at run time; this script only makes
 * the seeding reproducible. The package files are keyed by the notice, not by
 * the calendar year (its 2019 file holds 2018-12-29..31), so the days are
 * regrouped by the year they fall in, and the year that receives days from the
 * next year's notice cites that notice as well.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkCalendarYear,
  formatCalendarYearYaml,
  type CalendarDay,
  type CalendarSource,
} from '../src/calendar/index.js';

const PACKAGE = 'holiday-calendar';
const PACKAGE_VERSION = '1.3.3';
const FIRST_YEAR = 2013;
const LAST_YEAR = 2026;

const repo = fileURLToPath(new URL('..', import.meta.url));
const pkgDir = path.join(repo, 'node_modules', PACKAGE);
const outDir = path.join(repo, 'rules', 'calendars', 'cn');

/**
 * 国务院办公厅关于YYYY年部分节假日安排的通知 and its 文号, keyed by the year it arranges.
 * Numbers are given only where known with confidence; each was checked against
 * two independent listings of the notices.
 */
const NOTICES: Record<number, string | undefined> = {
  2013: '国办发明电〔2012〕33号',
  2014: '国办发明电〔2013〕28号',
  2015: '国办发明电〔2014〕28号',
  2016: '国办发明电〔2015〕18号',
  2017: '国办发明电〔2016〕17号',
  2018: '国办发明电〔2017〕12号',
  2019: '国办发明电〔2018〕15号',
  2020: '国办发明电〔2019〕16号',
  2021: '国办发明电〔2020〕27号',
  2022: '国办发明电〔2021〕11号',
  2023: '国办发明电〔2022〕16号',
  2024: '国办发明电〔2023〕7号',
  2025: '国办发明电〔2024〕12号',
  2026: '国办发明电〔2025〕7号',
};

/** Later notices that changed a year's arrangement; the package data already reflects them. */
const AMENDMENTS: Record<number, CalendarSource[]> = {
  2015: [
    {
      title: '国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知',
      note: '9月3日至5日放假调休，9月6日（星期日）上班',
    },
  ],
  2019: [
    {
      title: '国务院办公厅关于调整2019年劳动节假期安排的通知',
      note: '劳动节改为5月1日至4日放假调休，4月28日（星期日）、5月5日（星期日）上班',
    },
  ],
  2020: [
    {
      title: '国务院办公厅关于延长2020年春节假期的通知',
      documentNumber: '国办发明电〔2020〕1号',
      note: '春节假期延长至2月2日，原定2月1日（星期六）上班取消',
    },
  ],
};

interface Correction {
  /** Why, in the notice's own words. */
  reason: string;
  removeMakeup?: string[];
  addMakeup?: CalendarDay[];
  addHolidays?: CalendarDay[];
}

/**
 * Where holiday-calendar@1.3.3 disagrees with the notice. Found by the day-by-day
 * cross-check against chinese-days@1.5.7 (src/calendar/WorkCalendar.test.ts) and
 * decided on the notice text. A Monday festival "与周末连休" needs no make-up day.
 */
const CORRECTIONS: Record<number, Correction[]> = {
  2015: [
    {
      reason: '通知：“元旦：1月1日至3日放假调休，共3天。1月4日（星期日）上班。”数据包漏列 2015-01-04。',
      addMakeup: [{ date: '2015-01-04', name: '元旦' }],
    },
  ],
  2016: [
    {
      reason: '通知：“清明节：4月4日放假，与周末连休。”无调休上班；数据包误将 2016-04-02 列为上班日。',
      removeMakeup: ['2016-04-02'],
      addHolidays: [
        { date: '2016-04-02', name: '清明节' },
        { date: '2016-04-03', name: '清明节' },
      ],
    },
  ],
  2018: [
    {
      reason: '通知：“端午节：6月18日放假，与周末连休。”无调休上班；数据包误将 2018-06-16 列为上班日。',
      removeMakeup: ['2018-06-16'],
      addHolidays: [
        { date: '2018-06-16', name: '端午节' },
        { date: '2018-06-17', name: '端午节' },
      ],
    },
    {
      reason: '通知：“中秋节：9月24日放假，与周末连休。”无调休上班；数据包误将 2018-09-22 列为上班日。',
      removeMakeup: ['2018-09-22'],
      addHolidays: [
        { date: '2018-09-22', name: '中秋节' },
        { date: '2018-09-23', name: '中秋节' },
      ],
    },
  ],
};

function applyCorrections(
  year: number,
  holidays: CalendarDay[],
  makeupWorkdays: CalendarDay[],
): CalendarDay[][] {
  let h = holidays;
  let m = makeupWorkdays;
  for (const c of CORRECTIONS[year] ?? []) {
    for (const date of c.removeMakeup ?? []) {
      if (!m.some((d) => d.date === date))
        throw new Error(`${year}: correction obsolete, ${date} is not a make-up day`);
      m = m.filter((d) => d.date !== date);
    }
    for (const day of c.addHolidays ?? []) if (!h.some((d) => d.date === day.date)) h = [...h, day];
    for (const day of c.addMakeup ?? []) {
      if (m.some((d) => d.date === day.date))
        throw new Error(`${year}: correction obsolete, ${day.date} already listed`);
      m = [...m, day];
    }
  }
  return [h, m];
}

const noticeTitle = (year: number): string => `国务院办公厅关于${year}年部分节假日安排的通知`;

function notice(year: number, note?: string): CalendarSource {
  const documentNumber = NOTICES[year];
  return {
    title: noticeTitle(year),
    ...(documentNumber !== undefined ? { documentNumber } : {}),
    ...(note !== undefined ? { note } : {}),
  };
}

interface PackageEntry {
  date: string;
  name: string;
  name_cn?: string;
  type: string;
}

function readPackageYear(year: number): PackageEntry[] {
  const file = path.join(pkgDir, 'data', 'CN', `${year}.json`);
  if (!existsSync(file)) return [];
  const data = JSON.parse(readFileSync(file, 'utf8')) as { year: number; dates: PackageEntry[] };
  if (data.year !== year) throw new Error(`${file}: year ${data.year}`);
  return data.dates;
}

function main(): void {
  const version = (JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string })
    .version;
  if (version !== PACKAGE_VERSION) {
    throw new Error(`${PACKAGE}@${version} installed; this import is pinned to ${PACKAGE_VERSION}`);
  }
  mkdirSync(outDir, { recursive: true });

  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const holidays: CalendarDay[] = [];
    const makeupWorkdays: CalendarDay[] = [];
    const sources: CalendarSource[] = [notice(year)];
    // A notice reaches at most a few days into the neighbouring years.
    for (const noticeYear of [year - 1, year, year + 1]) {
      const borrowed: string[] = [];
      for (const entry of readPackageYear(noticeYear)) {
        if (!entry.date.startsWith(`${year}-`)) continue;
        const name = (entry.name_cn ?? entry.name).trim();
        if (entry.type === 'public_holiday') holidays.push({ date: entry.date, name });
        else if (entry.type === 'transfer_workday') {
          // The package names a 调休上班日 "春节补班"; the list it sits in already says 上班.
          makeupWorkdays.push({ date: entry.date, name: name.replace(/补班$/, '') });
        } else throw new Error(`${noticeYear}.json ${entry.date}: unknown type ${entry.type}`);
        if (noticeYear !== year) borrowed.push(entry.date);
      }
      if (borrowed.length > 0) {
        sources.push(notice(noticeYear, `本年度的 ${borrowed.sort().join('、')} 由该通知安排`));
      }
    }
    sources.push(...(AMENDMENTS[year] ?? []));

    const [fixedHolidays, fixedMakeup] = applyCorrections(year, holidays, makeupWorkdays);
    const checked = checkCalendarYear({
      year,
      sources,
      holidays: fixedHolidays,
      makeupWorkdays: fixedMakeup,
    });
    if (!checked.ok) {
      throw new Error(`${year}: ${checked.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
    }
    const text = formatCalendarYearYaml(checked.value, [
      `${year} 年工作日历：放假日（holidays，含假期内的周末）与调休上班日（makeupWorkdays）。`,
      `由 scripts/importHolidayCalendar.ts 自 ${PACKAGE}@${PACKAGE_VERSION}（data/CN/*.json）生成；测试逐日与 chinese-days@1.5.7 交叉核对。`,
      '运行时以本文件为准；新年度请用 jifen calendar add-year 加载。',
      ...(CORRECTIONS[year] ?? []).map((c) => `更正 ${PACKAGE}@${PACKAGE_VERSION}：${c.reason}`),
    ]);
    writeFileSync(path.join(outDir, `${year}.yaml`), text, 'utf8');
    process.stdout.write(
      `${year}: ${checked.value.holidays.length} 放假日, ${checked.value.makeupWorkdays.length} 调休上班日\n`,
    );
  }
}

main();
