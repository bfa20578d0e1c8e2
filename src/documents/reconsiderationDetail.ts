/**
 * The parts of a 复核决定书 added by issue 15: what was disputed, the facts
 * added or corrected with the reviewer's finding, and for a changed result the
 * points of each item before and after (from the two determinations' frozen
 * engine explanations — the document recomputes nothing).
 */
import type { Kysely } from 'kysely';
import type { ResultItem, ScoreResult } from '../engine/types.js';
import { listReconsiderationFacts } from '../storage/reconsiderationFactRepository.js';
import type { Database } from '../storage/schema.js';

/** The claimable indicators as the application form names them. */
export const CLAIM_LABELS: Record<string, string> = {
  education: '学历学位',
  qualification: '职称、技能等级',
  spouse_hukou: '配偶户籍',
  shortage_major: '紧缺专业',
  startup_talent: '创业人才',
  tech_transfer_talent: '技术成果转化人才',
  investment: '投资纳税',
  public_service: '公益服务',
  key_area: '重点区域就业',
  fresh_graduate: '应届毕业生',
  award: '表彰奖励',
};

const itemsOf = (explanation: unknown): ResultItem[] =>
  ((explanation as ScoreResult | null | undefined)?.items ?? []) as ResultItem[];

export async function reconsiderationDetail(
  db: Kysely<Database>,
  r: { id: string; caseId: string; disputed: { indicator?: string; statement: string }[] | null },
  before: unknown,
  after: unknown,
): Promise<{
  items?: { label: string; before: number; after: number }[];
  disputed?: { item: string | null; statement: string }[];
  facts?: { item: string; statement: string; finding: string }[];
}> {
  const b = itemsOf(before);
  const a = itemsOf(after);
  const labelOf = new Map(
    [...b, ...a].map((i) => [i.id as string, i.label ?? CLAIM_LABELS[i.id] ?? '其他项目']),
  );
  const label = (id: string) => labelOf.get(id) ?? CLAIM_LABELS[id] ?? '其他项目';
  const out: Awaited<ReturnType<typeof reconsiderationDetail>> = {};
  if (r.disputed?.length)
    out.disputed = r.disputed.map((d) => ({
      item: d.indicator ? label(d.indicator) : null,
      statement: d.statement,
    }));
  const facts = await listReconsiderationFacts(db, r.caseId, r.id);
  if (facts.length)
    out.facts = facts.map((f) => ({
      item: label(f.indicator),
      statement: f.statement,
      finding:
        f.status === 'accepted'
          ? `经核实属实：${f.reviewNote ?? ''}`
          : f.status === 'rejected'
            ? `经核实不予采纳：${f.reviewNote ?? ''}`
            : '未核实',
    }));
  if (a.length > 0) {
    const ids = [...new Set([...b, ...a].map((i) => i.id as string))];
    const points = (list: ResultItem[], id: string) => list.find((i) => i.id === id)?.points ?? 0;
    out.items = ids
      .map((id) => ({ label: label(id), before: points(b, id), after: points(a, id) }))
      .filter((x) => x.before !== 0 || x.after !== 0);
  }
  return out;
}
