import { describe, expect, it } from 'vitest';
import { findPersonalData } from './personalData.js';

describe('findPersonalData', () => {
  it('finds a mobile number or an ID number in text, wherever it stands between words', () => {
    expect(findPersonalData({ note: '联系电话13812345678' })).toEqual([
      { path: '$.note', message: '疑似手机号码' },
    ]);
    expect(findPersonalData(['tel:13912345678'])).toHaveLength(1);
    expect(findPersonalData({ a: { b: '310101199001011234' } })).toHaveLength(1);
    expect(findPersonalData({ phone: 'x' })).toHaveLength(1);
  });

  it('does not take a digit run inside a random id for a phone number', () => {
    // A UUID whose last segment holds eleven digits after a hex letter (seen in a CI run).
    expect(findPersonalData({ determinationId: '0b6f1c2e-4d5a-4e8b-9c1d-e13812345678' })).toEqual([]);
    expect(findPersonalData({ id: 'case-13812345678x' })).toEqual([]);
  });
});
