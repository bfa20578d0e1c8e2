import type { DocumentFonts } from './documentFonts.js';
import { acceptanceOffice } from './offices.js';
import { chineseDate, renderOfficialDocument } from './officialDocument.js';

export interface ReceiptData {
  receiptNo: string;
  /** 申请编号 (issue 15: the number people read; the internal id is never printed). */
  applicationNo: string;
  district: string;
  receivedOn: string;
  holderName: string;
  unitName: string;
  clerk: string;
  items: { code: string; label: string }[];
}

/**
 * 收件凭证 (细则 第五条: 材料齐全的，予以受理并出具收件凭证): the receipt number
 * and every item received. The acceptance date it shows fixes the rules version
 * of the determination (docs/spec/rules.md §1), so it is printed in words.
 */
export function renderReceipt(d: ReceiptData, fonts: DocumentFonts): Promise<Buffer> {
  return renderOfficialDocument(
    fonts,
    {
      title: '居住证积分申请收件凭证',
      issuer: acceptanceOffice(d.district),
      number: d.receiptNo,
      issuedOn: d.receivedOn,
    },
    (s) => {
      s.paragraph(`${d.unitName}：`);
      s.paragraph(
        `你单位为 ${d.holderName} 递交的居住证积分申请材料共 ${d.items.length} 项，经初审材料齐全，予以受理。受理日期：${chineseDate(d.receivedOn)}。`,
        { indent: true },
      );
      s.fields([
        ['收件凭证号', d.receiptNo],
        ['申请编号', d.applicationNo],
        ['受理日期', chineseDate(d.receivedOn)],
        ['受理人', d.clerk],
      ]);
      s.section('收到的材料');
      s.table(
        [
          { header: '序号', width: 0.08, align: 'center' },
          // Materials by their names only: the catalogue's codes are program identifiers (issue 14).
          { header: '材料名称', width: 0.92 },
        ],
        d.items.map((m, i) => [String(i + 1), m.label]),
      );
      s.note(
        '受理后由区人力资源社会保障局审核；审核属实的，在 20 个工作日内核定积分并告知持证人（细则 第七条）。办理进度可登录上海市居住证积分管理信息系统查询。',
      );
      s.signature(acceptanceOffice(d.district), d.receivedOn);
    },
  );
}
