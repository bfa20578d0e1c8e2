import { describe, expect, it } from 'vitest';
import { testPolicy } from '../policy/testing/testPolicy.js';
import { renderApplicationForm } from './applicationForm.js';
import { pdfText, qrCodes } from './testing/pdfTools.js';
import { sampleApplicationForm } from './testing/sampleDocuments.js';

/** Issue 15: the printed 积分申请表 carries its 申请编号 in a code the counter's scanner reads. */
describe('application form counter code', () => {
  it('a scanner reads exactly the 申请编号 from the first page, and the number is printed beside it', async () => {
    const pdf = await renderApplicationForm(
      { ...sampleApplicationForm, applicationNo: 'PD2026-004217' },
      testPolicy.fonts,
    );
    expect(qrCodes(pdf)).toEqual(['PD2026-004217']);
    expect(pdfText(pdf).replace(/\s+/g, '')).toContain('申请编号：PD2026-004217');
  });
});
