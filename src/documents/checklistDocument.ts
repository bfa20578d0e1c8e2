import type { DocumentFonts } from './documentFonts.js';
import type { ChecklistResult } from '../checklist/index.js';
import { FORM, GROUP } from '../checklist/renderChecklistText.js';
import type { RuleSet } from '../rules/RuleSet.js';
import type { ParameterKey } from '../rules/rulesDataSchema.js';
import { renderOfficialDocument } from './officialDocument.js';

/**
 * The personalised materials checklist (细则 第四条；积分对应材料) as a printable
 * list, grouped like the official material list: what to bring, in which form,
 * who issues it, and why this applicant needs it. The unit brings it to the
 * counter so that the file is complete the first time.
 */
export function renderChecklistDocument(
  r: ChecklistResult,
  rules: RuleSet,
  fonts: DocumentFonts,
): Promise<Buffer> {
  const label = (id: string): string =>
    id === 'basic'
      ? '基本材料'
      : id === 'family'
        ? '家属享受待遇'
        : (rules.data.parameters[id as ParameterKey]?.label ?? id);
  return renderOfficialDocument(
    fonts,
    {
      title: '居住证积分申请材料清单',
      issuer: '上海市居住证积分管理信息系统',
      number: `目录 ${r.catalogueRevision}`,
      issuedOn: r.asOf,
      subject: '个性化申请材料清单',
    },
    (s) => {
      s.paragraph(
        `按申请日 ${r.asOf} 及所申报的积分指标生成。除特殊说明外，所有积分申请材料均须核对原件、提交复印件。`,
        { indent: true },
      );
      let n = 0;
      for (const group of ['基本材料', '积分指标对应材料', '配偶和子女享受积分待遇所需材料']) {
        const items = r.items.filter((i) => GROUP(i) === group);
        if (!items.length) continue;
        s.section(group);
        s.table(
          [
            { header: '序号', width: 0.07, align: 'center' },
            { header: '材料', width: 0.24 },
            { header: '提交方式', width: 0.12 },
            { header: '出具单位', width: 0.16 },
            { header: '用途及说明', width: 0.41 },
          ],
          items.map((i) => [
            String(++n),
            i.subjects?.length ? `${i.name}（${i.subjects.join('、')}）` : i.name,
            FORM[i.form],
            i.issuer,
            [
              `用于：${i.neededFor.map(label).join('、')}`,
              i.reason,
              i.electronicAlternative ? `电子核验：${i.electronicAlternative}` : '',
              `依据：${i.citations.join('；')}`,
            ]
              .filter(Boolean)
              .join('\n'),
          ]),
          { size: 9 },
        );
      }
      if (r.warnings.length) {
        s.section('提示');
        for (const w of r.warnings) s.paragraph(w);
      }
      s.note('本清单依据公开的办理规定生成，仅列出与本次申报有关的材料；以受理机构当场初审意见为准。');
    },
  );
}
