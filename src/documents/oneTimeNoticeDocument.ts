import type { DocumentFonts } from './documentFonts.js';
import { acceptanceOffice } from './offices.js';
import { chineseDate, renderOfficialDocument } from './officialDocument.js';

export interface OneTimeNoticeData {
  noticeNo: string;
  sequence: number;
  /** 申请编号 (issue 15: the number people read; the internal id is never printed). */
  applicationNo: string;
  district: string;
  issuedOn: string;
  holderName: string;
  unitName: string;
  clerk: string;
  /** Every missing or defective item, with the reason ("缺少：…" / "有误：…"). */
  items: { code: string; label: string; reason: string }[];
  overrideReason: string | null;
}

/**
 * 一次性告知单 (细则 第五条: 材料不齐全的，应当当场一次性告知用人单位补齐材料):
 * every missing or defective item in one notice, each with its reason. No deadline
 * is printed: 细则 第五条 sets no time limit for supplying missing materials (decision,
 * issue 14); the unit resubmits once complete. How long the case has waited is an
 * internal management signal shown to HR and the clerk, never a term on this notice.
 * Whatever else was on the checklist was judged present now and may not be objected
 * to in a later notice (docs/spec/workflow.md Decision).
 */
export function renderOneTimeNotice(d: OneTimeNoticeData, fonts: DocumentFonts): Promise<Buffer> {
  return renderOfficialDocument(
    fonts,
    {
      title: '居住证积分申请材料一次性告知单',
      issuer: acceptanceOffice(d.district),
      number: d.noticeNo,
      issuedOn: d.issuedOn,
    },
    (s) => {
      s.paragraph(`${d.unitName}：`);
      s.paragraph(
        `你单位为 ${d.holderName} 递交的居住证积分申请材料（申请编号 ${d.applicationNo}）经初审不齐全。根据《上海市居住证积分管理办法实施细则》第五条，现将需要补齐或更正的全部材料一次性告知如下（第 ${d.sequence} 次告知，共 ${d.items.length} 项）：`,
        { indent: true },
      );
      s.table(
        [
          { header: '序号', width: 0.08, align: 'center' },
          { header: '材料名称', width: 0.4 },
          { header: '缺少或有误的原因', width: 0.52 },
        ],
        d.items.map((m, i) => [String(i + 1), m.label, m.reason]),
      );
      s.paragraph(
        '请补齐上述材料；材料齐全后，在网上重新提交并递交受理机构即可。本告知单所列为本次初审发现的全部问题；本次已审查、未列入本单的材料，此后不再另行告知补正。',
        { indent: true },
      );
      if (d.overrideReason) s.note(`本次告知包含前次已审查的材料，经监督人员记录理由：${d.overrideReason}`);
      s.note('补齐材料没有期限要求；补齐之前，本次申请继续保留。');
      s.fields([
        ['告知单编号', d.noticeNo],
        ['告知日期', chineseDate(d.issuedOn)],
        ['经办人', d.clerk],
        ['单位签收', ''],
      ]);
      s.signature(acceptanceOffice(d.district), d.issuedOn);
    },
  );
}
