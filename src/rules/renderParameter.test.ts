import { describe, expect, it } from 'vitest';
import { programWords } from '../../test/programWords.js';
import { RULES_DIR } from '../policy/projectPaths.js';
import { loadRulesData } from './loadRulesData.js';
import { renderParameter } from './renderParameter.js';
import { loadRenderings } from './renderingsFile.js';
import { parameterKeys } from './rulesDataSchema.js';

const data = loadRulesData(RULES_DIR);
const renderings = loadRenderings(RULES_DIR);

describe('Chinese renderings of parameters (rules/renderings.yaml, issue 14)', () => {
  it('every parameter kind, and the wage table, has a rendering', () => {
    const missing = [...parameterKeys, 'wages'].filter((k) => !renderings.parameters[k]);
    expect(missing).toEqual([]);
  });

  it('every value in rules/ renders to Chinese with no program word and nothing left unfilled', () => {
    for (const key of parameterKeys)
      for (const e of data.parameters[key].values) {
        const text = renderParameter(renderings, key, e.value);
        expect(text, `${key} ${e.from}`).not.toMatch(/[{}]/);
        expect(programWords(text), `${key} ${e.from}: ${text}`).toEqual([]);
      }
    const wages = renderParameter(renderings, 'wages', data.wages.figures);
    expect(programWords(wages)).toEqual([]);
  });

  it('renders values with their units', () => {
    const at = (key: (typeof parameterKeys)[number], date: string) =>
      renderParameter(renderings, key, data.parameters[key].values.find((e) => e.from <= date && date <= e.to)!.value);
    expect(at('education', '2025-01-01')).toContain('大专（高职）50分，本科学历（无学位）60分');
    expect(at('insurance_base', '2025-01-01')).toContain('申请前36个月内有24个月及以上缴费基数不低于社平工资3倍积120分');
    expect(at('key_area', '2018-01-01')).toContain('临港地区满5年');
    expect(at('startup_talent', '2014-01-01')).toBe('本版本不设此指标');
    expect(at('false_material', '2025-01-01')).toBe('每次提供虚假材料自认定之日起3年内减150分');
  });

  it('a parameter without a rendering, or a template reading a missing value, fails', () => {
    const parameters = Object.fromEntries(Object.entries(renderings.parameters).filter(([k]) => k !== 'age'));
    expect(() => renderParameter({ ...renderings, parameters }, 'age', {})).toThrow(/没有中文表述/);
    expect(() => renderParameter(renderings, 'age', { baseFromAge: 56 })).toThrow(/baseToAge/);
  });
});
