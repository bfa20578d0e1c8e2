import type { DocumentFonts } from './documentFonts.js';
import { acceptanceOffice } from './offices.js';
import { chineseDate, renderOfficialDocument, type Sheet } from './officialDocument.js';

/** What the printed 积分申请表 shows: the filed data, never a full ID or phone number. */
export interface ApplicationFormData {
  /** 申请编号 (issue 15: the number people read; the internal id is never printed). */
  applicationNo: string;
  version: number;
  district: string;
  submittedOn: string | null;
  printedOn: string;
  holder: { name: string; idNumberMasked: string; birthDate: string; phoneMasked: string | null };
  permit: { permitNo: string; issuedOn: string; validUntil: string; endorsedUntil: string } | null;
  unit: { name: string; creditCode: string; district: string };
  claims: { label: string; detail: string }[];
  materials: { label: string; status: string }[];
}

/**
 * 积分申请表 (基本流程 5–6: the unit fills the form online, prints it, seals it and
 * brings it with the materials to the counter). The seal area is left for the
 * unit's seal and its officer's signature; the applicant signs the undertaking
 * (细则 第十四条 makes false materials a matter of penalty for both).
 */
export function renderApplicationForm(d: ApplicationFormData, fonts: DocumentFonts): Promise<Buffer> {
  return renderOfficialDocument(
    fonts,
    {
      title: '上海市居住证积分申请表',
      issuer: `受理机构：${acceptanceOffice(d.district)}`,
      number: d.applicationNo,
      issuedOn: d.printedOn,
    },
    (s) => {
      s.note(
        `申请编号 ${d.applicationNo}（第 ${d.version} 版）${d.submittedOn ? `；网上提交日期 ${chineseDate(d.submittedOn)}` : '；尚未网上提交'}`,
      );
      counterCode(s, d.applicationNo);
      s.section('一、申请人（持证人）信息');
      s.fields([
        ['姓名', d.holder.name],
        ['公民身份号码', d.holder.idNumberMasked],
        ['出生日期', chineseDate(d.holder.birthDate)],
        ['联系电话', d.holder.phoneMasked ?? '—'],
      ]);
      s.section('二、《上海市居住证》信息');
      s.fields(
        d.permit
          ? [
              ['居住证号', d.permit.permitNo],
              ['领证日期', chineseDate(d.permit.issuedOn)],
              ['有效期至', chineseDate(d.permit.validUntil)],
              ['签注有效期至', chineseDate(d.permit.endorsedUntil)],
            ]
          : [['居住证号', '（未关联）']],
      );
      s.section('三、用人单位信息');
      s.fields([
        ['单位名称', d.unit.name],
        ['统一社会信用代码', d.unit.creditCode],
        ['注册所在区', d.unit.district],
        ['受理机构', acceptanceOffice(d.district)],
      ]);
      s.section('四、申报的积分指标');
      s.table(
        [
          { header: '序号', width: 0.08, align: 'center' },
          { header: '积分指标', width: 0.3 },
          { header: '申报内容', width: 0.62 },
        ],
        d.claims.map((c, i) => [String(i + 1), c.label, c.detail || '按登记信息']),
      );
      s.section('五、随附申请材料');
      s.table(
        [
          { header: '序号', width: 0.08, align: 'center' },
          { header: '材料名称', width: 0.72 },
          { header: '状态', width: 0.2, align: 'center' },
        ],
        d.materials.map((m, i) => [String(i + 1), m.label, m.status]),
      );
      s.section('六、承诺');
      s.paragraph(
        '本单位及申请人承诺：所填信息及所附材料均真实、有效。如有伪造、变造或者使用伪造、变造申请材料的情形，愿依照《上海市居住证积分管理办法实施细则》第十四条承担相应责任。',
        { indent: true },
      );
      s.space(6);
      s.paragraph('申请人签名：____________________\u3000\u3000日期：________年____月____日');
      s.space(6);
      s.sealArea(
        '用人单位盖章处',
        ['经办人签名：______________', '联系电话：______________', '日期：______年____月____日'],
        96,
      );
      s.note('本表由用人单位网上填报后打印，加盖单位公章后连同申请材料递交受理机构。');
    },
  );
}

/**
 * The 申请编号 as a QR code (issue 15): the counter's scanner reads it and
 * types the number followed by Enter into the clerk's search box, which opens
 * the case — nobody retypes a number from paper. The code holds the number
 * only (no personal data, no internal id).
 */
function counterCode(s: Sheet, applicationNo: string): void {
  const size = 72;
  s.ensureRoom(size + 10);
  const y = s.doc.y;
  s.qr(applicationNo, s.left + s.width - size, y, size);
  s.doc
    .font('bold')
    .fontSize(12)
    .fillColor('#111111')
    .text(`申请编号：${applicationNo}`, s.left, y + 18, { width: s.width - size - 12 });
  s.doc
    .font('regular')
    .fontSize(9)
    .text('受理窗口扫描右侧二维码即可调出本申请。', s.left, y + 38, { width: s.width - size - 12 });
  s.doc.x = s.left;
  s.doc.y = y + size + 6;
}
