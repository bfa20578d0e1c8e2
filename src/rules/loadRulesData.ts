import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { readCachedRulesData, rulesCacheFile, writeCachedRulesData } from './rulesDataCache.js';
import { parseRenderings, type RenderingsFile } from './renderingsFile.js';
import { isoMonthToIndex } from '../shared/dates.js';
import { JifenError, jsonPath, type FieldIssue } from '../shared/errors.js';
import {
  instrumentsFileSchema,
  parameterFileSchema,
  parameterKeys,
  parameterValueSchemas,
  versionsFileSchema,
  wagesFileSchema,
  type Citation,
  type InstrumentsFile,
  type ParameterKey,
  type ParameterValues,
  type VersionsFile,
  type WagesFile,
} from './rulesDataSchema.js';

export interface ParameterEntry<T> {
  from: string;
  to: string;
  value: T;
  cite: Citation[];
  note?: string;
}

export interface ParameterFile<K extends ParameterKey = ParameterKey> {
  parameter: K;
  label: string;
  group?: 'basic' | 'bonus' | 'deduction' | 'veto';
  description: string;
  values: ParameterEntry<ParameterValues[K]>[];
}

export type ParameterFiles = { [K in ParameterKey]: ParameterFile<K> };

/** The policy data exactly as written in `rules/`, validated. */
export interface RulesData {
  instruments: InstrumentsFile['instruments'];
  versions: VersionsFile['versions'];
  wages: WagesFile;
  parameters: ParameterFiles;
  /** Chinese renderings of every parameter kind and enum value (issue 14), part of the data revision. */
  renderings: RenderingsFile;
  /** Content hash of every file read: results carry it so a score can be traced to the data. */
  revision: string;
}

/**
 * A patch of dated parameter values (a reform, a newly published figure):
 * applied over the data as if the files had been edited.
 */
export type RulesPatch = (data: RulesData) => RulesData;

function readYaml<S extends z.ZodType>(root: string, file: string, schema: S, hash: ReturnType<typeof createHash>) {
  const path = join(root, file);
  const display = relative(process.cwd(), path) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new JifenError('rules_data_invalid', `规则数据文件缺失: ${display}`, [{ path: display, message: '文件不存在或不可读' }]);
  }
  hash.update(file).update('\0').update(text).update('\0');
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new JifenError('rules_data_invalid', `规则数据文件不是有效的 YAML: ${display}`, [
      { path: display, message: (e as Error).message.split('\n')[0] ?? 'YAML 语法错误' },
    ]);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues: FieldIssue[] = parsed.error.issues.map((i) => ({
      path: `${display}: ${jsonPath(i.path)}`,
      message: i.message,
    }));
    throw new JifenError('rules_data_invalid', `规则数据文件有误: ${display}`, issues);
  }
  return { data: parsed.data as z.output<S>, display };
}

/**
 * Reads and validates the whole `rules/` folder (calendars excepted: see src/calendar).
 * With `cacheDir` (the compiled CLI's, see src/policy/projectPaths.ts), the validated data
 * are kept as JSON under the content hash of every file read and of the folder's listing
 * (rulesDataCache.ts): the same bytes are never parsed twice, and any change to any file
 * misses the cache.
 */
export function loadRulesData(root: string, cacheDir?: string): RulesData {
  if (!cacheDir) return parseRulesData(root);
  const cached = rulesCacheFile(root, cacheDir);
  const hit = readCachedRulesData(cached);
  if (hit) return hit;
  const data = parseRulesData(root);
  writeCachedRulesData(cached, data);
  return data;
}

function parseRulesData(root: string): RulesData {
  const hash = createHash('sha256');
  const instruments = readYaml(root, 'instruments.yaml', instrumentsFileSchema, hash).data.instruments;
  const versions = readYaml(root, 'versions.yaml', versionsFileSchema, hash).data.versions;
  const wages = readYaml(root, 'wages.yaml', wagesFileSchema, hash).data;
  const renderings = parseRenderings(readYaml(root, 'renderings.yaml', z.unknown(), hash).data);
  const issues: FieldIssue[] = [];

  const present = new Set(readdirSync(join(root, 'parameters')).filter((f) => f.endsWith('.yaml')));
  const parameters = {} as Record<ParameterKey, ParameterFile>;
  for (const key of parameterKeys) {
    const file = `parameters/${key}.yaml`;
    present.delete(`${key}.yaml`);
    const { data, display } = readYaml(root, file, parameterFileSchema(parameterValueSchemas[key]), hash);
    if (data.parameter !== key) issues.push({ path: `${display}: $.parameter`, message: `应为 ${key}` });
    data.values.forEach((entry, i) => {
      if (entry.from > entry.to) issues.push({ path: `${display}: $.values[${i}].to`, message: '结束日期早于开始日期' });
      entry.cite.forEach((c, j) => {
        if (!instruments[c.instrument])
          issues.push({ path: `${display}: $.values[${i}].cite[${j}].instrument`, message: `未登记的文件: ${c.instrument}` });
      });
    });
    const sorted = [...data.values].sort((a, b) => (a.from < b.from ? -1 : 1));
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]!.from <= sorted[i - 1]!.to)
        issues.push({ path: `${display}: $.values`, message: `生效期间重叠: ${sorted[i - 1]!.from}..${sorted[i - 1]!.to} 与 ${sorted[i]!.from}..${sorted[i]!.to}` });
    }
    parameters[key] = { ...(data as ParameterFile), values: sorted as ParameterFile["values"] };
  }
  for (const stray of present) issues.push({ path: `parameters/${stray}`, message: '未知参数文件（引擎不会读取）' });

  versions.forEach((v, i) => {
    if (v.from > v.to) issues.push({ path: `versions.yaml: $.versions[${i}].to`, message: '结束日期早于开始日期' });
    if (i > 0 && v.from <= versions[i - 1]!.to)
      issues.push({ path: `versions.yaml: $.versions[${i}].from`, message: '与上一版本生效期间重叠' });
    v.instruments.forEach((id, j) => {
      if (!instruments[id]) issues.push({ path: `versions.yaml: $.versions[${i}].instruments[${j}]`, message: `未登记的文件: ${id}` });
    });
  });
  wages.figures.forEach((f, i) => {
    if (f.from > f.to) issues.push({ path: `wages.yaml: $.figures[${i}].to`, message: '结束月份早于开始月份' });
    // Every contribution month from the first figure on has exactly one figure: no gap, no overlap.
    if (i > 0 && isoMonthToIndex(f.from) !== isoMonthToIndex(wages.figures[i - 1]!.to) + 1)
      issues.push({ path: `wages.yaml: $.figures[${i}].from`, message: `应紧接上一条的结束月份（${wages.figures[i - 1]!.to}）之后` });
  });
  if (!instruments[wages.citation.instrument])
    issues.push({ path: 'wages.yaml: $.citation.instrument', message: `未登记的文件: ${wages.citation.instrument}` });

  if (issues.length) throw new JifenError('rules_data_invalid', '规则数据校验失败', issues);
  return {
    instruments,
    versions,
    wages,
    parameters: parameters as unknown as ParameterFiles,
    renderings,
    revision: hash.digest('hex').slice(0, 12),
  };
}
