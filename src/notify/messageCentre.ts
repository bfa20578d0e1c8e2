/**
 * The message centre (issue 15) of a unit and of a holder: the in-system
 * messages (notices, returns, determinations, undelivered-SMS fallbacks) with
 * unread counts and mark-read for the unit; the SMS sent to the holder with
 * their delivery status (docs/spec/workflow.md: delivery status is tracked and failures
 * are shown). Room: the unit's own HR (or the city); the holder themself (or the city).
 */
import type { TemplateCatalogue } from './messageTemplates.js';
import type { Kysely } from 'kysely';
import { JifenError } from '../shared/errors.js';
import { specificsOf } from '../storage/dialectSpecifics.js';
import { holderSms, markUnitMessagesRead, unitMessagePage } from '../storage/messageCentre.js';
import type { Database } from '../storage/schema.js';
import type { Actor } from '../workflow/index.js';
import { renderMessage, TemplateError } from './messageTemplates.js';
import { SMS_STATUS_LABELS } from './unitNotifications.js';

const room = (actor: Actor) =>
  new JifenError('forbidden', '无权查看这些消息', [], { role: actor.role, reason: 'room' });

const KIND_LABELS = { notice: '办理通知', sms_undeliverable: '短信未送达' } as const;

export async function unitMessageCentre(
  db: Kysely<Database>,
  req: { actor: Actor; unitId: string; limit: number; offset: number; unreadOnly: boolean },
) {
  const own = req.actor.role === 'employer_hr' && req.actor.unitId === req.unitId;
  if (!own && req.actor.role !== 'city_supervisor') throw room(req.actor);
  const page = await unitMessagePage(db, req.unitId, req);
  return {
    ...page,
    limit: req.limit,
    offset: req.offset,
    items: page.items.map((m) => ({ ...m, kindLabel: KIND_LABELS[m.kind], read: m.readAt !== null })),
  };
}

/** Only the unit's own HR marks its messages read (the city's reading leaves them unread for the unit). */
export async function markUnitMessages(
  db: Kysely<Database>,
  req: { actor: Actor; unitId: string; ids: string[] | null; now: string },
) {
  if (!(req.actor.role === 'employer_hr' && req.actor.unitId === req.unitId)) throw room(req.actor);
  const marked = await markUnitMessagesRead(db, req.unitId, req.ids, req.now);
  const { unread } = await unitMessagePage(db, req.unitId, { limit: 1, offset: 0, unreadOnly: true });
  return { marked, unread };
}

export async function holderMessageCentre(
  db: Kysely<Database>,
  req: { actor: Actor; holderId: string; limit: number },
  templates: TemplateCatalogue,
) {
  const own = req.actor.role === 'holder' && req.actor.id === req.holderId;
  if (!own && req.actor.role !== 'city_supervisor') throw room(req.actor);
  const rows = await holderSms(db, req.holderId, req.limit);
  const specifics = specificsOf(db);
  return {
    items: rows.map((r) => {
      let text: string | null;
      try {
        text = renderMessage(
          {
            templateId: r.templateId,
            templateVersion: r.templateVersion,
            payload: specifics.readJson(r.payload),
          },
          'sms',
          templates,
        );
      } catch (e) {
        if (!(e instanceof TemplateError)) throw e;
        text = null;
      }
      return {
        id: r.id,
        caseId: r.caseId,
        applicationNo: r.applicationNo,
        text,
        status: r.status,
        statusLabel: SMS_STATUS_LABELS[r.status],
        createdAt: r.createdAt,
        sentAt: r.sentAt,
        deliveredAt: r.deliveredAt,
      };
    }),
  };
}
