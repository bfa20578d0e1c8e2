/**
 * Words every layer shares. One list each, so that the profile contract, the
 * storage schema, the workflow and the HTTP API cannot drift apart. (A
 * migration keeps its own frozen copy: it must mean the same thing forever.)
 */

/** The 16 districts of Shanghai as written on registrations (docs/spec/workflow.md). */
export const DISTRICTS = [
  '黄浦',
  '徐汇',
  '长宁',
  '静安',
  '普陀',
  '虹口',
  '杨浦',
  '闵行',
  '宝山',
  '嘉定',
  '浦东新区',
  '金山',
  '松江',
  '青浦',
  '奉贤',
  '崇明',
] as const;
export type District = (typeof DISTRICTS)[number];

/** The people of docs/spec/workflow.md "People and their rooms". */
export const ROLES = [
  'holder',
  'employer_hr',
  'acceptance_clerk',
  'district_reviewer',
  'district_approver',
  'city_supervisor',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Officers who belong to one district. */
export const DISTRICT_ROLES = ['acceptance_clerk', 'district_reviewer', 'district_approver'] as const;
