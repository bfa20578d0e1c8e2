// 积分指标体系·一票否决指标; 政策解读 八: a conviction with a sentence of 5 years or more
// (严重刑事犯罪) vetoes, whenever it happened. Family-planning violations veto in v2013..v2018 only
// (Decision: dropped from v2023).
import type { Facts } from './Facts.js';
import type { VetoDetail, VetoId } from './types.js';

export interface VetoOutcome {
  vetoes: VetoId[];
  details: VetoDetail[];
  warnings: string[];
}

const NONE: VetoOutcome = Object.freeze({ vetoes: [], details: [], warnings: [] }) as VetoOutcome;

export function vetoes(f: Facts, explain: boolean): VetoOutcome {
  const records = f.profile.records;
  if (!records?.length) return NONE;
  const out: VetoOutcome = { vetoes: [], details: [], warnings: [] };
  const serious = f.snapshot.params.veto_serious_crime;
  const planning = f.snapshot.params.veto_family_planning;
  let hasSerious = false;
  let hasPlanning = false;
  for (const r of records) {
    if (r.date > f.asOf) continue;
    if (r.type === 'serious_criminal') hasSerious = true;
    else if (r.type === 'family_planning') hasPlanning = true;
  }
  if (hasSerious && serious?.value) {
    out.vetoes.push('serious_crime');
    if (explain)
      out.details.push({
        id: 'serious_crime',
        explanation: '有严重刑事犯罪记录（宣告刑五年有期徒刑以上），一票否决，取消积分申请资格。',
        citations: serious.citations,
      });
  }
  if (hasPlanning) {
    if (planning?.value) {
      out.vetoes.push('family_planning');
      if (explain)
        out.details.push({
          id: 'family_planning',
          explanation: '有违反计划生育政策记录，按当时政策一票否决。',
          citations: planning.citations,
        });
    } else if (explain && planning)
      out.warnings.push(
        `计划生育记录在 ${f.snapshot.version.id} 下不再一票否决${planning.note ? `：${planning.note.replace(/。$/, '')}` : ''}。`,
      );
  }
  return out;
}
