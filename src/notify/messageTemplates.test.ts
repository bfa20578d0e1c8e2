import { testPolicy } from '../policy/testing/testPolicy.js';
import { describe, expect, it } from 'vitest';
import { currentTemplateVersion, renderMessage, TemplateError } from './messageTemplates.js';
import { signBody, verifySignature } from './requestSignature.js';

/** The templates the workflow sends (src/workflow/*Actions.ts: smsToHolder / messageToUnit), by audience. */
const SMS = [
  'account_created',
  'application_submitted',
  'application_withdrawn',
  'application_accepted',
  'one_time_notice',
  'referral_opened',
  'application_verified',
  'application_refused',
  'determination_made',
  'points_confirmed',
  'points_decreased',
  'points_corrected',
  'points_expired',
  'points_invalidated',
  'reconsideration_received',
  'reconsideration_decided',
  'reminder_permit_expiry',
];
const UNIT = [
  'application_withdrawn',
  'application_accepted',
  'one_time_notice',
  'application_verified',
  'application_refused',
  'determination_made',
  'points_decreased',
  'points_corrected',
  'points_expired',
  'points_invalidated',
  'reconsideration_decided',
  'reminder_acceptance_waiting',
  'reminder_permit_expiry',
  'sms_undeliverable',
];

describe('message templates', () => {
  it('have a text for every message the workflow sends, in every version', () => {
    const c = testPolicy.templates;
    for (const id of SMS) expect(c.templates[id]?.at(-1)?.sms, id).toBeTruthy();
    for (const id of UNIT) expect(c.templates[id]?.at(-1)?.unit, id).toBeTruthy();
    expect(currentTemplateVersion('determination_made', testPolicy.templates)).toBe(2);
    expect(c.templates.determination_made?.at(-1)?.unit).toContain('{applicationNo}');
  });

  it('render dates and enumerations in Chinese, with the SMS signature; never guess a missing parameter', () => {
    const payload = { caseId: 'c-1', district: '闵行', level: 'city', outcome: 'changed' };
    expect(
      renderMessage(
        { templateId: 'reconsideration_decided', templateVersion: 1, payload },
        'sms',
        testPolicy.templates,
      ),
    ).toBe('【上海居住证积分】您的市级复核已有决定：变更核定结果。复核决定书可登录系统查看、打印。');
    expect(
      renderMessage(
        {
          templateId: 'application_verified',
          templateVersion: 1,
          payload: { caseId: 'c-1', due: '2025-10-28' },
        },
        'unit',
        testPolicy.templates,
      ),
    ).toBe('申请 c-1 已审核属实，核定期限为2025年10月28日。');
    expect(() =>
      renderMessage(
        { templateId: 'determination_made', templateVersion: 1, payload: {} },
        'sms',
        testPolicy.templates,
      ),
    ).toThrow(TemplateError);
    expect(() =>
      renderMessage(
        { templateId: 'determination_made', templateVersion: 9, payload: {} },
        'sms',
        testPolicy.templates,
      ),
    ).toThrow(TemplateError);
  });

  it('signatures: the exact bytes, the secret and a bounded window', () => {
    const header = signBody('s3cret-s3cret-s3cret', '{"a":1}', 1_000_000);
    expect(verifySignature('s3cret-s3cret-s3cret', '{"a":1}', header, 1_000_100)).toBe(true);
    expect(verifySignature('s3cret-s3cret-s3cret', '{"a": 1}', header, 1_000_100)).toBe(false);
    expect(verifySignature('other-other-other-other', '{"a":1}', header, 1_000_100)).toBe(false);
    expect(verifySignature('s3cret-s3cret-s3cret', '{"a":1}', header, 1_000_400)).toBe(false);
    expect(verifySignature('s3cret-s3cret-s3cret', '{"a":1}', undefined, 1_000_000)).toBe(false);
  });
});
