import type { DocumentFonts } from './documentFonts.js';
import { CITY_BUREAU, CITY_CENTRE, districtBureau } from './offices.js';
import { chineseDate, renderOfficialDocument } from './officialDocument.js';

export interface ReconsiderationDecisionData {
  decisionNo: string;
  level: 'district' | 'city';
  /** 申请编号 (issue 15: the number people read; the internal id is never printed). */
  applicationNo: string;
  district: string;
  holderName: string;
  holderIdNumberMasked: string;
  unitName: string;
  requestedOn: string;
  grounds: string;
  about: { sequence: number; total: number };
  outcome: 'upheld' | 'changed';
  reasons: string;
  decidedOn: string;
  /** The new determination of a changed result (its own notice and verification code). */
  newDetermination: { sequence: number; total: number; verificationCode: string } | null;
  /** Issue 15: per item, the points of the determination disputed and of the new one (changed results). */
  items?: { label: string; before: number; after: number }[];
  /** What was disputed, per item where given. */
  disputed?: { item: string | null; statement: string }[];
  /** Facts added or corrected in the request, with the reviewer's finding. */
  facts?: { item: string; statement: string; finding: string }[];
}

/** +5 / −5 / 0: the change of one item, as the table prints it. */
const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

/**
 * 复核决定书 (细则 第十二条): the district bureau decides first, the city bureau
 * on a further request; each decision is a written document with its reasons.
 * A changed result is a new determination with its own 积分通知书.
 */
export function renderReconsiderationDecision(
  d: ReconsiderationDecisionData,
  fonts: DocumentFonts,
): Promise<Buffer> {
  const issuer = d.level === 'city' ? CITY_BUREAU : districtBureau(d.district);
  return renderOfficialDocument(
    fonts,
    {
      title: d.level === 'city' ? '居住证积分复核决定书（市级）' : '居住证积分复核决定书',
      issuer,
      number: d.decisionNo,
      issuedOn: d.decidedOn,
    },
    (s) => {
      s.fields([
        ['申请人', d.holderName],
        ['公民身份号码', d.holderIdNumberMasked],
        ['用人单位', d.unitName],
        ['申请编号', d.applicationNo],
        ['申请复核日期', chineseDate(d.requestedOn)],
        ['复核对象', `第 ${d.about.sequence} 次核定（${d.about.total} 分）`],
      ]);
      s.section('复核请求及理由');
      s.paragraph(d.grounds, { indent: true });
      if (d.disputed?.length)
        s.table(
          [
            { header: '有异议的项目', width: 0.3 },
            { header: '异议内容', width: 0.7 },
          ],
          d.disputed.map((x) => [x.item ?? '核定结果整体', x.statement]),
        );
      if (d.facts?.length) {
        s.section('补正的事实及核实意见');
        s.table(
          [
            { header: '积分指标', width: 0.22 },
            { header: '申请人陈述', width: 0.43 },
            { header: '核实意见', width: 0.35 },
          ],
          d.facts.map((f) => [f.item, f.statement, f.finding]),
        );
      }
      s.section('复核决定');
      s.paragraph(
        d.outcome === 'upheld'
          ? `经复核，维持第 ${d.about.sequence} 次积分核定结果（${d.about.total} 分）。`
          : `经复核，变更积分核定结果：${
              d.newDetermination
                ? `重新核定为 ${d.newDetermination.total} 分（第 ${d.newDetermination.sequence} 次核定，积分通知书核验码 ${d.newDetermination.verificationCode}），原核定结果不再有效。`
                : '重新核定结果另行通知。'
            }`,
        { indent: true, bold: true },
      );
      if (d.outcome === 'changed' && d.newDetermination && d.items?.length) {
        s.section('变更前后逐项对照');
        // The totals are the determinations' own (a cap or a veto may make them differ from the items' sum).
        const before = d.about.total;
        const after = d.newDetermination.total;
        s.table(
          [
            { header: '积分指标', width: 0.4 },
            { header: `原核定（第 ${d.about.sequence} 次）`, width: 0.2, align: 'right' },
            { header: `重新核定（第 ${d.newDetermination.sequence} 次）`, width: 0.22, align: 'right' },
            { header: '变化', width: 0.18, align: 'right' },
          ],
          [
            ...d.items.map((x) => [x.label, String(x.before), String(x.after), signed(x.after - x.before)]),
            ['合计', String(before), String(after), signed(after - before)],
          ],
        );
      }
      s.section('理由');
      s.paragraph(d.reasons, { indent: true });
      s.section('告知');
      s.paragraph(
        d.level === 'district'
          ? `对本复核决定仍有异议的，可向${CITY_CENTRE}提交复核申请，由${CITY_BUREAU}进行复核（《上海市居住证积分管理办法实施细则》第十二条）。`
          : '本决定为市级复核决定（《上海市居住证积分管理办法实施细则》第十二条）。',
        { indent: true },
      );
      s.signature(issuer, d.decidedOn);
    },
  );
}
