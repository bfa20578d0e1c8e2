/** Chinese names for the people who read them (dashboards, notices, errors). */
import type { CaseState, CommandType, ReconsiderationState, Role, Room } from './types.js';

export const STATE_LABELS: Record<CaseState, string> = {
  new: '未建积分账户',
  draft: '单位填报中',
  submitted: '等待受理',
  supplement_required: '待补齐材料',
  accepted: '已受理',
  under_review: '审核中',
  verified: '审核通过待核定',
  refused: '审核不通过',
  determined: '已核定',
  withdrawn: '已撤回',
  expired: '积分失效（签注过期）',
  invalidated: '积分失效（居住证注销）',
};

export const RECONSIDERATION_LABELS: Record<ReconsiderationState, string> = {
  none: '无复核',
  district_pending: '区级复核中',
  district_decided: '区级复核已决定',
  city_pending: '市级复核中',
  city_decided: '市级复核已决定',
};

export const COMMAND_LABELS: Record<CommandType, string> = {
  create_draft: '创建积分账户',
  submit: '网上提交申请',
  withdraw: '撤回申请',
  accept: '受理并出具收件凭证',
  return_with_notice: '一次性告知补齐材料',
  resubmit: '补齐后重新提交',
  attach_urgency_note: '附加加急说明',
  update_claims: '修改申报指标',
  assign_task: '分派审核人员',
  start_review: '开始审核',
  record_task_result: '记录审核结果',
  refer_item: '提请主管部门核实',
  settle_referral: '登记核实结果',
  verify: '审核属实',
  refuse: '审核不予通过',
  determine: '积分核定',
  confirm_at_endorsement: '签注时确认积分',
  request_adjustment: '申请调整积分',
  apply_decrease: '积分扣减',
  correct: '监督纠正积分',
  expire: '签注过期积分失效',
  invalidate: '居住证注销积分失效',
  request_reconsideration: '申请复核',
  review_reconsideration_fact: '核实复核补正事实',
  decide_reconsideration: '作出复核决定',
  remind: '到期提醒',
};

export const ROLE_LABELS: Record<Role, string> = {
  holder: '持证人',
  employer_hr: '单位经办人',
  acceptance_clerk: '受理点工作人员',
  district_reviewer: '区审核人员',
  district_approver: '区人社局核定人员',
  city_supervisor: '市人社局监督人员',
  admin: '系统管理员',
  system: '系统（定时任务与数据交换）',
};

export const ROOM_LABELS: Record<Room, string> = {
  own_case: '本人案件',
  own_unit: '本单位员工的案件',
  own_district: '本区受理的案件',
  city: '全市',
  system: '系统任务',
};
