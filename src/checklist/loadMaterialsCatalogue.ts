import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { formatCitation } from '../rules/formatCitation.js';
import type { RulesData } from '../rules/loadRulesData.js';
import { JifenError, jsonPath, type FieldIssue } from '../shared/errors.js';
import {
  materialsCatalogueSchema,
  type MaterialEntry,
  type MaterialsCatalogueFile,
} from './materialsCatalogueSchema.js';

/** One material with its citations rendered as text. */
export interface CatalogueMaterial extends MaterialEntry {
  citations: string[];
}

/** The validated catalogue, ready for `checklist`. */
export interface MaterialsCatalogue {
  label: string;
  from: string;
  to: string;
  citations: string[];
  parameters: MaterialsCatalogueFile['parameters'];
  materials: CatalogueMaterial[];
  /** Content hash of the file, so a checklist can be traced to the data. */
  revision: string;
}

const FILE = 'catalogues/materials.yaml';

/**
 * Reads and validates `rules/catalogues/materials.yaml`. Every mistake is reported with the
 * file and the key path (`rules_data_invalid`), like the rest of the policy data; citations must
 * name a registered instrument (rules/instruments.yaml).
 */
export function loadMaterialsCatalogue(
  root: string,
  instruments: RulesData['instruments'],
): MaterialsCatalogue {
  const path = join(root, FILE);
  const display = relative(process.cwd(), path) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new JifenError('rules_data_invalid', `规则数据文件缺失: ${display}`, [
      { path: display, message: '文件不存在或不可读' },
    ]);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new JifenError('rules_data_invalid', `规则数据文件不是有效的 YAML: ${display}`, [
      { path: display, message: (e as Error).message.split('\n')[0] ?? 'YAML 语法错误' },
    ]);
  }
  return compileMaterialsCatalogue(
    raw,
    display,
    instruments,
    createHash('sha256').update(text).digest('hex').slice(0, 12),
  );
}

/**
 * Validates a parsed catalogue (from the file, or loaded by an administrator:
 * src/admin) and renders its citations; issues are prefixed with `display`.
 */
export function compileMaterialsCatalogue(
  raw: unknown,
  display: string,
  instruments: RulesData['instruments'],
  revision: string,
): MaterialsCatalogue {
  const parsed = materialsCatalogueSchema.safeParse(raw);
  if (!parsed.success)
    throw new JifenError(
      'rules_data_invalid',
      `规则数据文件有误: ${display}`,
      parsed.error.issues.map((i) => ({ path: `${display}: ${jsonPath(i.path)}`, message: i.message })),
    );
  const data = parsed.data;
  const issues: FieldIssue[] = [];
  if (data.from > data.to) issues.push({ path: `${display}: $.to`, message: '结束日期早于开始日期' });
  const checkCite = (cites: MaterialEntry['cite'], at: string) =>
    cites.forEach((c, j) => {
      if (!instruments[c.instrument])
        issues.push({
          path: `${display}: ${at}.cite[${j}].instrument`,
          message: `未登记的文件: ${c.instrument}`,
        });
    });
  checkCite(data.cite, '$');
  const seen = new Map<string, number>();
  data.materials.forEach((m, i) => {
    if (seen.has(m.id))
      issues.push({
        path: `${display}: $.materials[${i}].id`,
        message: `与第 ${seen.get(m.id)! + 1} 项重复: ${m.id}`,
      });
    else seen.set(m.id, i);
    checkCite(m.cite, `$.materials[${i}]`);
    if (m.form === 'online' && m.electronicAlternative)
      issues.push({
        path: `${display}: $.materials[${i}].electronicAlternative`,
        message: '网上核验（online）的材料无须再写电子替代方式',
      });
  });
  if (issues.length) throw new JifenError('rules_data_invalid', `规则数据文件有误: ${display}`, issues);
  const cite = (c: { instrument: string; article: string }) => formatCitation(instruments, c);
  return {
    label: data.label,
    from: data.from,
    to: data.to,
    citations: data.cite.map(cite),
    parameters: data.parameters,
    materials: data.materials.map((m) => ({ ...m, citations: m.cite.map(cite) })),
    revision,
  };
}
