/**
 * Sample inputs of every document (fictitious people and units), for the
 * rendering tests and `npm run bench:documents`.
 */
import type { ApplicationFormData } from '../applicationForm.js';
import type { OneTimeNoticeData } from '../oneTimeNoticeDocument.js';
import type { PointsNoticeData } from '../pointsNotice.js';
import type { ReceiptData } from '../receiptDocument.js';
import type { ReconsiderationDecisionData } from '../reconsiderationDecisionDocument.js';

export const SAMPLE_CODE = '7K3M9Q2XHV4TNB8P';

export const sampleApplicationForm: ApplicationFormData = {
  applicationNo: 'MH2025-000123',
  version: 2,
  district: '闵行',
  submittedOn: '2025-09-16',
  printedOn: '2025-09-16',
  holder: {
    name: '欧阳小明',
    idNumberMasked: '3101********123X',
    birthDate: '1990-05-01',
    phoneMasked: '139****0001',
  },
  permit: {
    permitNo: 'P31011200001',
    issuedOn: '2024-01-02',
    validUntil: '2027-01-01',
    endorsedUntil: '2026-06-30',
  },
  unit: { name: '上海甲乙科技有限公司', creditCode: '91310112MA1G000001', district: '闵行' },
  claims: [
    { label: '学历', detail: '本科学历并取得学士学位' },
    { label: '职称、技能等级', detail: '中级职称（与岗位相符）' },
  ],
  materials: [
    { label: '《上海市居住证》', status: '待递交' },
    { label: '学历证书、学位证书', status: '待递交' },
    { label: '专业技术职务任职资格证书', status: '待递交' },
  ],
};

export const sampleReceipt: ReceiptData = {
  receiptNo: 'SJ20250924-CASE000123-6',
  applicationNo: 'MH2025-000123',
  district: '闵行',
  receivedOn: '2025-09-24',
  holderName: '欧阳小明',
  unitName: '上海甲乙科技有限公司',
  clerk: '闵行受理点 王芳',
  items: [
    { code: 'permit', label: '《上海市居住证》' },
    { code: 'education_certificate', label: '学历证书、学位证书' },
  ],
};

export const sampleOneTimeNotice: OneTimeNoticeData = {
  noticeNo: 'GZ20250918-CASE000123-1',
  sequence: 1,
  applicationNo: 'MH2025-000123',
  district: '闵行',
  issuedOn: '2025-09-18',
  holderName: '欧阳小明',
  unitName: '上海甲乙科技有限公司',
  clerk: '闵行受理点 王芳',
  items: [
    { code: 'education_certificate', label: '学历证书、学位证书', reason: '缺少：未带学位证书原件' },
    { code: 'labour_contract', label: '劳动合同', reason: '有误：合同期限与社保缴费单位不一致' },
  ],
  overrideReason: null,
};

export const samplePointsNotice = (baseUrl = 'http://localhost:3000'): PointsNoticeData => ({
  verificationCode: SAMPLE_CODE,
  verifyUrl: `${baseUrl}/verify/${SAMPLE_CODE}`,
  applicationNo: 'MH2025-000123',
  district: '闵行',
  sequence: 1,
  reasonLabel: '核定',
  holderName: '欧阳小明',
  holderIdNumberMasked: '3101********123X',
  decidedOn: '2025-10-20',
  rulesAsOf: '2025-09-24',
  rulesVersion: 'v2023',
  total: 126,
  standard: 120,
  items: [
    { label: '年龄', group: 'basic', points: 30 },
    { label: '学历', group: 'basic', points: 90 },
    { label: '在本市工作及缴纳社会保险年限', group: 'basic', points: 6 },
  ],
  permit: { validUntil: '2027-01-01', endorsedUntil: '2026-06-30' },
  provisional: false,
});

export const sampleReconsiderationDecision: ReconsiderationDecisionData = {
  decisionNo: 'FH20251105-CASE000123-Q',
  level: 'district',
  applicationNo: 'MH2025-000123',
  district: '闵行',
  holderName: '欧阳小明',
  holderIdNumberMasked: '3101********123X',
  unitName: '上海甲乙科技有限公司',
  requestedOn: '2025-10-22',
  grounds: '学历分值计算有异议',
  about: { sequence: 1, total: 126 },
  outcome: 'upheld',
  reasons: '经复核，学历分值按本科学历并取得学士学位计算无误。',
  decidedOn: '2025-11-05',
  newDetermination: null,
};
