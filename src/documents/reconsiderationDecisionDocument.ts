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
}

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
