import { testPolicy } from '../policy/testing/testPolicy.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checklist } from '../checklist/index.js';
import { profileSchema } from '../profile/profileSchema.js';
import { renderApplicationForm } from './applicationForm.js';
import { renderChecklistDocument } from './checklistDocument.js';
import { renderOneTimeNotice } from './oneTimeNoticeDocument.js';
import { groupCode, renderPointsNotice } from './pointsNotice.js';
import { renderReceipt } from './receiptDocument.js';
import { renderReconsiderationDecision } from './reconsiderationDecisionDocument.js';
import { inkCoverage, pageCount, parsePgm, pdfText, qrCodes } from './testing/pdfTools.js';
import * as S from './testing/sampleDocuments.js';
import { programWords } from '../../test/programWords.js';

const profile = profileSchema.parse(
  JSON.parse(readFileSync(new URL('../../examples/profile.json', import.meta.url), 'utf8')),
);
/** pdftotext -layout spaces out table cells: compare without whitespace. */
const flat = (s: string) => s.replace(/\s+/g, '');

const documents: [string, () => Promise<Buffer>, string[]][] = [
  [
    '积分申请表',
    () => renderApplicationForm(S.sampleApplicationForm, testPolicy.fonts),
    ['上海市居住证积分申请表', '欧阳小明', '3101********123X', '用人单位盖章处', '（盖章）', '学历', '承诺'],
  ],
  [
    '收件凭证',
    () => renderReceipt(S.sampleReceipt, testPolicy.fonts),
    ['居住证积分申请收件凭证', 'SJ20250924-CASE000123-6', '学历证书、学位证书', '予以受理', '2025年9月24日'],
  ],
  [
    '一次性告知单',
    () => renderOneTimeNotice(S.sampleOneTimeNotice, testPolicy.fonts),
    [
      '一次性告知单',
      '缺少：未带学位证书原件',
      '有误：合同期限与社保缴费单位不一致',
      '材料齐全后，在网上重新提交',
      '补齐材料没有期限要求',
      '共2项',
    ],
  ],
  [
    '积分通知书',
    () => renderPointsNotice(S.samplePointsNotice(), testPolicy.fonts),
    [
      '上海市居住证积分通知书',
      '3101********123X',
      '126',
      'v2023',
      '2027年1月1日',
      groupCode(S.SAMPLE_CODE),
      '学历',
    ],
  ],
  [
    '复核决定书',
    () => renderReconsiderationDecision(S.sampleReconsiderationDecision, testPolicy.fonts),
    ['居住证积分复核决定书', '维持第1次积分核定结果', '学历分值计算有异议', '上海市人才服务中心'],
  ],
  [
    '材料清单',
    () =>
      renderChecklistDocument(checklist(profile, testPolicy.catalogue), testPolicy.rules, testPolicy.fonts),
    ['居住证积分申请材料清单', '基本材料', '单位人事专员介绍信', '学历、学位证书'],
  ],
];

describe('printed documents', () => {
  for (const [name, render, expected] of documents) {
    it(`${name}: A4, ink on every page, the expected Chinese text, same bytes for the same inputs`, async () => {
      const pdf = await render();
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const coverage = inkCoverage(pdf);
      expect(coverage.length).toBe(pageCount(pdf));
      // A blank page is 0; a page of text and rules carries a few percent of ink.
      for (const c of coverage) expect(c).toBeGreaterThan(0.005);
      const text = flat(pdfText(pdf));
      for (const e of expected) expect(text).toContain(flat(e));
      // Personal data stays masked: no full ID number or phone number on any document.
      expect(text).not.toMatch(/\d{17}[\dX]/);
      expect(text).not.toMatch(/1[3-9]\d{9}/);
      expect((await render()).equals(pdf)).toBe(true);
    });
  }

  it('积分通知书: the QR code decodes to the public verification URL of its code', async () => {
    const pdf = await renderPointsNotice(
      S.samplePointsNotice('https://jifen.example.gov.cn'),
      testPolicy.fonts,
    );
    expect(qrCodes(pdf)).toEqual([`https://jifen.example.gov.cn/verify/${S.SAMPLE_CODE}`]);
    expect(flat(pdfText(pdf))).toContain(`https://jifen.example.gov.cn/verify/${S.SAMPLE_CODE}`);
  });

  it('a long notice breaks onto further pages and repeats the table header', async () => {
    const items = Array.from({ length: 40 }, (_, i) => ({
      code: `m${i}`,
      label: `材料第${i + 1}项`,
      reason: '缺少：原件',
    }));
    const pdf = await renderOneTimeNotice({ ...S.sampleOneTimeNotice, items }, testPolicy.fonts);
    expect(pageCount(pdf)).toBeGreaterThan(1);
    const pages = pdfText(pdf)
      .split('\f')
      .filter((p) => p.trim());
    for (const page of pages.slice(0, -1)) expect(flat(page)).toContain('缺少或有误的原因');
    expect(flat(pdfText(pdf))).toContain('材料第40项');
  });

  it('no printed document shows a program identifier or an English sentence (issue 14)', async () => {
    const found: string[] = [];
    for (const [name, render] of documents)
      for (const w of programWords(pdfText(await render()))) found.push(`${name}：${w}`);
    expect(found).toEqual([]);
  });

  it('parses the grey PGM of pdftoppm', () => {
    const pgm = Buffer.concat([Buffer.from('P5\n# c\n2 1\n255\n'), Buffer.from([0, 255])]);
    expect(parsePgm(pgm)).toMatchObject({ width: 2, height: 1 });
    expect([...parsePgm(pgm).pixels]).toEqual([0, 255]);
  });
});
