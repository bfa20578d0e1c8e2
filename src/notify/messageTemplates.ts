import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { isIsoDate } from '../shared/dates.js';
import { JifenError, jsonPath } from '../shared/errors.js';

/**
 * The versioned Chinese texts of every message (templates.yaml beside this
 * file). A message is rendered with the template version it was enqueued with,
 * so rewording a template never changes a message already decided.
 */

const text = z.string().min(1).max(300);
const versionSchema = z.strictObject({
  version: z.number().int().min(1),
  from: z.string().refine(isIsoDate, { message: '应为日期 YYYY-MM-DD' }),
  sms: text.optional(),
  unit: text.optional(),
});
const catalogueSchema = z.strictObject({
  signature: z.string().min(2).max(20),
  labels: z.record(z.string(), z.record(z.string(), z.string())),
  templates: z.record(
    z.string().regex(/^[a-z_]+$/),
    z
      .array(versionSchema)
      .min(1)
      .refine((vs) => vs.every((v, i) => v.version === i + 1), { message: '版本号应从 1 起依次递增' })
      .refine((vs) => vs.every((v) => v.sms ?? v.unit), { message: '每个版本至少有 sms 或 unit 文本' }),
  ),
});
export type TemplateCatalogue = z.output<typeof catalogueSchema>;
export type MessageAudience = 'sms' | 'unit';

/** Reads and validates the template file (the policy snapshot keeps it: src/policy/composePolicy.ts). */
export function loadTemplateCatalogue(file: string): TemplateCatalogue {
  const parsed = catalogueSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new JifenError(
      'rules_data_invalid',
      `消息模板文件有误：${file}`,
      parsed.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })),
    );
  return parsed.data;
}

/** The version new messages of a template are enqueued with (the latest); 1 for a template not in the file. */
export function currentTemplateVersion(templateId: string, c: TemplateCatalogue): number {
  return c.templates[templateId]?.length ?? 1;
}

/** A template or parameter that is not there: sending cannot succeed by retrying. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

const formatValue = (key: string, value: unknown, c: TemplateCatalogue): string => {
  const v = String(value);
  const label = c.labels[key]?.[v];
  if (label) return label;
  if (isIsoDate(v)) {
    const [y, m, d] = v.split('-');
    return `${y}年${Number(m)}月${Number(d)}日`;
  }
  return v;
};

/** The text of one message: the SMS with its signature, or the unit message. */
export function renderMessage(
  m: { templateId: string; templateVersion: number; payload: Record<string, unknown> },
  audience: MessageAudience,
  c: TemplateCatalogue,
): string {
  const version = c.templates[m.templateId]?.[m.templateVersion - 1];
  const body = version?.[audience];
  if (!body) throw new TemplateError(`没有模板 ${m.templateId}@${m.templateVersion}（${audience}）`);
  const out = body.replace(/\{(\w+)\}/g, (_, key: string) => {
    if (!(key in m.payload))
      throw new TemplateError(`模板 ${m.templateId}@${m.templateVersion} 缺少参数 ${key}`);
    return formatValue(key, m.payload[key], c);
  });
  return audience === 'sms' ? `${c.signature}${out}` : out;
}
