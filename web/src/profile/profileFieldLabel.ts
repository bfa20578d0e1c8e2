import { namePathOf } from '../components/ProblemAlert';

/** Chinese names of the profile's fields, for the error summary ("社保缴费 第2段 · 结束月份"). */
const LISTS: Record<string, string> = {
  education: '学历',
  qualifications: '职称/技能/职业资格',
  contributions: '社保缴费',
  publicService: '环卫工作期间',
  keyArea: '重点区域期间',
  awards: '表彰奖励',
  records: '减分记录',
  children: '子女',
};

const FIELDS: Record<string, string> = {
  asOf: '申请日期',
  birthDate: '出生日期',
  level: '等级',
  degree: '学位',
  fullTime: '全日制',
  foreign: '国（境）外学历',
  recognized: '留学服务中心认证',
  major: '专业',
  code: '代码',
  name: '名称',
  type: '类型',
  route: '取得方式',
  equivalentLevel: '对应职称等级',
  matchesPost: '与所聘岗位相符',
  obtainedWhileWorkingInShanghai: '在本市工作期间取得',
  onShortageCatalog: '列入紧缺急需目录',
  verifiedNationally: '全国联网查询核验',
  requiresRegistration: '注册类',
  registered: '已注册',
  from: '开始月份',
  to: '结束月份',
  base: '缴费基数',
  backPaid: '补缴',
  employerMatchesContract: '缴费单位与合同单位一致',
  taxConsistent: '基数与个税相符',
  shortageMajor: '紧缺急需专业',
  onCatalog: '在目录内',
  startupTalent: '创业人才',
  techTransferTalent: '创新创业中介服务人才',
  investment: '投资纳税',
  share: '持股比例',
  annualTax: '年纳税额',
  hukouEmployees: '聘用本市户籍人数',
  freshGraduate: '应届毕业生',
  area: '区域',
  spouse: '配偶',
  shanghaiHukou: '本市户籍',
  marriageDate: '结婚登记日期',
  date: '日期',
  serious: '情节严重',
  permit: '居住证',
  issuedOn: '领取日期',
  validUntil: '有效期至',
  endorsedUntil: '签注有效期至',
  status: '状态',
  employer: '用人单位',
  district: '注册区',
  kind: '单位类型',
  registeredInShanghai: '在本市注册',
  operatingNormally: '正常经营',
  paysTaxInShanghai: '在本市纳税',
  barredUntil: '禁止代办截止日',
  employedAtOutOfTownBranch: '外省市分支机构人员',
  employment: '就业',
  dispatched: '派遣',
  family: '家庭',
  spouseUsesBenefits: '配偶享受待遇',
  usesBenefits: '享受待遇',
  fullTimeHighSchool: '全日制高中在读',
};

/** `$.contributions[1].to` → "社保缴费 第2段 · 结束月份"; undefined for paths outside the profile. */
export function profileFieldLabel(jsonPath: string): string | undefined {
  const parts = namePathOf(jsonPath);
  if (!parts.length) return undefined;
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (typeof p === 'number') continue;
    const next = parts[i + 1];
    if (p === 'annualTax' || p === 'hukouEmployees') {
      words.push(`${FIELDS[p]}${typeof next === 'number' ? `（第${next + 1}年）` : ''}`);
    } else if (LISTS[p]) {
      words.push(`${LISTS[p]}${typeof next === 'number' ? ` 第${next + 1}项` : ''}`);
    } else if (FIELDS[p]) words.push(FIELDS[p]);
    else return undefined;
  }
  return words.join(' · ');
}
