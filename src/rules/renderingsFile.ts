import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { JifenError, jsonPath } from '../shared/errors.js';

/**
 * The Chinese renderings of parameter values and enum words (issue 14), `rules/renderings.yaml`:
 * one template per parameter kind (rendered by renderParameter.ts), read and hashed with the data.
 */
const renderingSchema = z.strictObject({
  text: z.string(),
  none: z.string().optional(),
  each: z.record(z.string(), z.strictObject({ item: z.string(), join: z.string() })).optional(),
});

export const renderingsFileSchema = z.strictObject({
  terms: z.record(z.string(), z.record(z.string(), z.string())),
  parameters: z.record(z.string(), renderingSchema),
});

export type RenderingsFile = z.output<typeof renderingsFileSchema>;

/** Validates the parsed `renderings.yaml` of a rules folder (read by loadRulesData, hashed with the data). */
export function parseRenderings(raw: unknown): RenderingsFile {
  const parsed = renderingsFileSchema.safeParse(raw);
  if (!parsed.success)
    throw new JifenError(
      'rules_data_invalid',
      '规则数据文件有误: renderings.yaml',
      parsed.error.issues.map((i) => ({ path: `renderings.yaml: ${jsonPath(i.path)}`, message: i.message })),
    );
  // Templates are folded over several lines in YAML; Chinese text takes no spaces between them.
  const squeeze = (t: string) => t.replace(/\s+/g, '');
  for (const tpl of Object.values(parsed.data.parameters)) {
    tpl.text = squeeze(tpl.text);
    for (const e of Object.values(tpl.each ?? {})) e.item = squeeze(e.item);
  }
  return parsed.data;
}

/** Reads and validates `renderings.yaml` of a rules folder. */
export function loadRenderings(rulesDir: string): RenderingsFile {
  return parseRenderings(parseYaml(readFileSync(join(rulesDir, 'renderings.yaml'), 'utf8')));
}

