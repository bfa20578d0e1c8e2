import type { DocumentFonts } from './documentFonts.js';
import { districtBureau } from './offices.js';
import { chineseDate, renderOfficialDocument } from './officialDocument.js';

export interface PointsNoticeData {
  verificationCode: string;
  /** `<public base URL>/verify/<code>`: printed and encoded in the QR code. */
  verifyUrl: string;
  /** 申请编号 (issue 15: the number people read; the internal id is never printed). */
  applicationNo: string;
  district: string;
  sequence: number;
  /** 首次核定, 调整, 复核, 纠正 …. */
  reasonLabel: string;
  holderName: string;
  holderIdNumberMasked: string;
  decidedOn: string;
  /** The acceptance date whose rules version applies (docs/spec/rules.md §1). */
  rulesAsOf: string;
  rulesVersion: string;
  total: number;
  standard: number;
  items: { label: string; group: 'basic' | 'bonus' | 'deduction'; points: number }[];
  permit: { validUntil: string; endorsedUntil: string } | null;
  provisional: boolean;
}

const GROUP = { basic: '基础指标', bonus: '加分指标', deduction: '减分指标' } as const;

/** ABCD EFGH JKMN PQRS: read aloud and typed in groups of four. */
export const groupCode = (code: string): string => code.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * 积分通知书 (细则 第七条: 核定积分并告知持证人；可在全市任一受理机构自助打印).
 * The holder's ID number is masked; the notice carries the verification code
 * and a QR code to the public verification page, which is what makes a
 * self-printed copy trustworthy (no seal on a self-service print). Validity
 * follows the permit (细则 第十条、第十一条).
 */
export function renderPointsNotice(d: PointsNoticeData, fonts: DocumentFonts): Promise<Buffer> {
  return renderOfficialDocument(
    fonts,
    {
      title: '上海市居住证积分通知书',
      issuer: districtBureau(d.district),
      number: groupCode(d.verificationCode),
      issuedOn: d.decidedOn,
    },
    (s) => {
      s.paragraph(`${d.holderName}（公民身份号码 ${d.holderIdNumberMasked}）：`);
      s.paragraph(
        `你的居住证积分申请（申请编号 ${d.applicationNo}）经审核属实，根据《上海市居住证积分管理办法》及其实施细则，按受理日 ${chineseDate(d.rulesAsOf)} 适用的积分规则（规则版本 ${d.rulesVersion}），${d.reasonLabel}积分如下（第 ${d.sequence} 次核定）：`,
        { indent: true },
      );
      s.table(
        [
          { header: '序号', width: 0.08, align: 'center' },
          { header: '指标类别', width: 0.18, align: 'center' },
          { header: '积分指标', width: 0.54 },
          { header: '分值', width: 0.2, align: 'right' },
        ],
        [
          ...d.items.map((it, i) => [String(i + 1), GROUP[it.group], it.label, String(it.points)]),
          ['', '', '合计', String(d.total)],
        ],
      );
      s.paragraph(
        d.total >= d.standard
          ? `核定积分 ${d.total} 分，已达到标准分值 ${d.standard} 分。`
          : `核定积分 ${d.total} 分，未达到标准分值 ${d.standard} 分，可享受相应的积分待遇。`,
        { bold: true },
      );
      if (d.provisional) s.note('注：部分月份的社会平均工资尚未公布，按最近公布的数值计算（rules.md §7）。');
      s.paragraph(
        d.permit
          ? `积分有效期与《上海市居住证》有效期一致（细则 第十条）：居住证有效期至 ${chineseDate(d.permit.validUntil)}，当前签注有效期至 ${chineseDate(d.permit.endorsedUntil)}。居住证签注过期或被注销的，积分失效（细则 第十一条）。`
          : '积分有效期与《上海市居住证》有效期一致（细则 第十条）；居住证签注过期或被注销的，积分失效（细则 第十一条）。',
        { indent: true },
      );
      s.paragraph(
        '对核定结果有异议的，可向原受理机构提交复核申请，由区人力资源社会保障局复核；对区级复核结果仍有异议的，可向上海市人才服务中心申请复核（细则 第十二条）。',
        { indent: true },
      );

      // Verification box: code and URL on the left, QR code on the right.
      s.ensureRoom(130);
      s.space(6);
      const y = s.doc.y;
      const boxH = 118;
      const qrSize = 104;
      s.doc.rect(s.left, y, s.width, boxH).lineWidth(0.8).stroke('#333333');
      s.qr(d.verifyUrl, s.left + s.width - qrSize - 7, y + 7, qrSize);
      const textW = s.width - qrSize - 30;
      s.doc
        .font('bold')
        .fontSize(11)
        .fillColor('#111111')
        .text('真伪核验', s.left + 10, y + 10, { width: textW });
      s.doc
        .font('bold')
        .fontSize(14)
        .text(`核验码：${groupCode(d.verificationCode)}`, s.left + 10, y + 30, { width: textW });
      s.doc
        .font('regular')
        .fontSize(9)
        .text(
          `扫描右侧二维码，或访问 ${d.verifyUrl} 核验本通知书。核验结果显示“已被新的核定取代”或“积分已失效”的，本通知书不再有效。`,
          s.left + 10,
          y + 54,
          { width: textW, lineGap: 2 },
        );
      s.doc.x = s.left;
      s.doc.y = y + boxH;
      s.signature(districtBureau(d.district), d.decidedOn);
      s.note('本通知书可由持证人或用人单位在任一受理机构或网上自助打印，凭核验码核验真伪，无须加盖印章。');
    },
  );
}
