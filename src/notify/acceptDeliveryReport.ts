import type { Kysely } from 'kysely';
import { z } from 'zod';
import { recordDeliveryReport } from '../storage/outbox.js';
import { runInTransaction } from '../storage/runInTransaction.js';
import type { Database } from '../storage/schema.js';
import type { TemplateCatalogue } from './messageTemplates.js';
import { fallbackToUnit } from './undeliverableFallback.js';

/** One report of the gateway's callback: our id (the idempotency key it was sent with) and/or its own. */
export const deliveryReportSchema = z
  .strictObject({
    id: z.string().min(1).max(200).optional(),
    messageId: z.string().min(1).max(200).optional(),
    status: z.enum(['delivered', 'failed']),
    at: z.iso.datetime({ offset: true }),
    error: z.string().max(300).optional(),
  })
  .refine((r) => r.id ?? r.messageId, { message: '须有 id（本系统消息编号）或 messageId（网关消息编号）' });
export const deliveryReportsSchema = z.strictObject({
  reports: z.array(deliveryReportSchema).min(1).max(500),
});
export type DeliveryReportInput = z.output<typeof deliveryReportSchema>;

/**
 * Applies the gateway's delivery reports: the status shown to the unit, and
 * for an SMS the carrier could not deliver, the fallback message to the unit,
 * in one transaction per report. Duplicates (gateways repeat callbacks until
 * they get a 2xx) change nothing and say so.
 */
export async function acceptDeliveryReports(
  db: Kysely<Database>,
  reports: DeliveryReportInput[],
  now: string,
  templates: TemplateCatalogue,
): Promise<{ results: { id: string | null; outcome: 'applied' | 'duplicate' | 'unknown' }[] }> {
  const results = [];
  for (const r of reports) {
    try {
      const out = await runInTransaction(db, async (tx) => {
        const res = await recordDeliveryReport(tx, {
          ...(r.id ? { messageId: r.id } : {}),
          ...(r.messageId ? { providerMessageId: r.messageId } : {}),
          status: r.status,
          at: r.at,
          ...(r.error ? { error: r.error } : {}),
        });
        if (res.outcome === 'applied' && r.status === 'failed')
          await fallbackToUnit(tx, res.message, r.error ?? '运营商报告投递失败', now, templates);
        return res;
      });
      results.push({ id: out.message.id, outcome: out.outcome });
    } catch (error) {
      if ((error as { code?: string }).code !== 'not_found') throw error;
      // An id we never sent: acknowledged so the gateway stops repeating it, and reported back.
      results.push({ id: r.id ?? null, outcome: 'unknown' as const });
    }
  }
  return { results };
}
