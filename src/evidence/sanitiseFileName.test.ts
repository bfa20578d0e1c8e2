import { describe, expect, it } from 'vitest';
import { sanitiseFileName } from './sanitiseFileName.js';

describe('sanitiseFileName', () => {
  it('keeps the name as given, without folders, and with the extension of what the bytes are', () => {
    expect(sanitiseFileName('中级职称证书.pdf', 'application/pdf')).toBe('中级职称证书.pdf');
    expect(sanitiseFileName('../../etc/证书.PDF', 'application/pdf')).toBe('证书.pdf');
    expect(sanitiseFileName('C:\\扫描\\照片.jpeg', 'image/jpeg')).toBe('照片.jpg');
    // A JPEG named .pdf is stored under what it is.
    expect(sanitiseFileName('证书.pdf', 'image/jpeg')).toBe('证书.jpg');
  });

  it('drops control and direction characters and characters Windows refuses', () => {
    expect(sanitiseFileName('评审\u202e表\u0007.png', 'image/png')).toBe('评审表.png');
    expect(sanitiseFileName('a<b>:c"d|e?f*.png', 'image/png')).toBe('a_b__c_d_e_f_.png');
  });

  it('names a file that has no usable name, and bounds a long one', () => {
    expect(sanitiseFileName('...', 'application/pdf')).toBe('证据材料.pdf');
    expect(sanitiseFileName(`${'长'.repeat(300)}.pdf`, 'application/pdf')).toBe(`${'长'.repeat(90)}.pdf`);
  });
});
