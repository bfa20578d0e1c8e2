export { DISTRICTS } from '../vocabulary';
/** Chinese words for the contract's enumerations, in the policy's own terms. */

export const EDUCATION_LEVEL = {
  associate: '大专（高职）',
  bachelor: '大学本科',
  master: '硕士研究生',
  doctor: '博士研究生',
} as const;

export const TITLE_LEVEL = { junior: '初级职称', intermediate: '中级职称', senior: '高级职称' } as const;

export const SKILL_LEVEL: Record<number, string> = {
  1: '一级（高级技师）',
  2: '二级（技师）',
  3: '三级（高级工）',
  4: '四级（中级工）',
  5: '五级（初级工）',
};

export const QUALIFICATION_TYPE = {
  title: '专业技术职称',
  skill: '职业技能等级',
  certificate: '专业技术人员职业资格',
} as const;

export const KEY_AREA = {
  lingang: '临港新片区',
  new_town: '“五个新城”',
  north_south: '南北地区重点转型区域',
  other_key: '市委、市政府确定的其他重点发展区域',
  lingang_old: '临港地区（2019-08-20 前的原规定）',
} as const;

export const AWARD_LEVEL = {
  municipal_special: '市级机关专项表彰奖励',
  municipal_comprehensive: '市级机关综合表彰奖励',
  national: '省部级及以上表彰奖励',
} as const;

export const RECORD_TYPE = {
  false_material: '提供虚假材料',
  administrative_detention: '行政拘留',
  criminal: '一般刑事犯罪',
  serious_criminal: '严重刑事犯罪（一票否决）',
  family_planning: '违反计划生育政策',
} as const;

export const EMPLOYER_KIND = {
  enterprise: '企业',
  institution: '事业单位',
  social_organization: '社会团体',
  private_non_enterprise: '民办非企业单位',
  representative_office: '外省市企业在沪办事处',
  individual_business: '个体工商户',
  branch: '外省市企业在沪分公司',
} as const;

export const GROUP_LABEL = { basic: '基础指标', bonus: '加分指标', deduction: '减分指标' } as const;

export const VETO_LABEL: Record<string, string> = {
  serious_crime: '严重刑事犯罪（一票否决）',
  family_planning: '违反计划生育政策（一票否决）',
};

/** Indicator ids → labels (for lists that carry only ids, e.g. the checklist's neededFor). */
export const INDICATOR_LABEL: Record<string, string> = {
  basic: '基本材料',
  family: '配偶及同住子女',
  dispatch: '派遣人员',
  age: '年龄',
  education: '教育背景',
  qualification: '专业技术职称和技能等级',
  insurance_years: '在本市工作及缴纳职工社会保险年限',
  insurance_base: '缴纳职工社会保险基数',
  startup_talent: '创业人才',
  tech_transfer_talent: '创新创业中介服务人才',
  shortage_major: '紧缺急需专业',
  investment: '投资纳税或带动本地就业',
  public_service: '特定公共服务领域',
  key_area: '在远郊重点区域工作并居住',
  fresh_graduate: '全日制应届高校毕业生',
  award: '表彰奖励',
  spouse_hukou: '配偶为本市户籍人员',
  false_material: '提供虚假材料',
  administrative_detention: '行政拘留',
  criminal_record: '一般刑事犯罪',
};

export const MATERIAL_FORM = {
  original_and_copy: '核对原件，提交复印件',
  copy: '提交复印件',
  original: '提交原件',
  online: '网上核验，无须纸质材料',
} as const;

export const CONDITION_STATUS = {
  pass: { text: '通过', color: 'success' },
  fail: { text: '不通过', color: 'error' },
  unknown: { text: '待核实', color: 'warning' },
} as const;

export const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
