/**
 * The offices that issue documents (细则 第五条、第七条、第十二条): the district talent
 * service centre accepts (收件凭证, 一次性告知单), the district HR and social
 * security bureau determines and decides district reconsideration, the city
 * bureau decides city reconsideration.
 */
const districtName = (district: string): string => (district.endsWith('区') ? district : `${district}区`);

export const acceptanceOffice = (district: string): string => `${districtName(district)}人才服务中心`;
export const districtBureau = (district: string): string => `${districtName(district)}人力资源和社会保障局`;
export const CITY_BUREAU = '上海市人力资源和社会保障局';
export const CITY_CENTRE = '上海市人才服务中心';

/** A short, printable reference of a case for document numbers (the tail of its id). */
export const caseRef = (caseId: string): string =>
  caseId
    .replace(/[^0-9A-Za-z]/g, '')
    .slice(-10)
    .toUpperCase();

export const compactDate = (iso: string): string => iso.slice(0, 10).replaceAll('-', '');
