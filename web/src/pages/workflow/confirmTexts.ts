import type { ConfirmText } from '../../components/useConfirm';

/**
 * What each binding command does, in one sentence with its legal consequence
 * (issue 15), keyed by the command's URL segment. Legal references are to the
 * 实施细则 articles the workflow follows (workflow.md); no policy value is
 * written here.
 */
export const CONFIRM_TEXTS: Record<string, ConfirmText> = {
  submit: {
    title: '提交申请',
    effect:
      '提交后申请进入受理点的受理队列，网上填报的内容不能再修改；请持加盖单位公章的积分申请表和材料原件到受理点递交。',
    okText: '确认提交',
  },
  resubmit: {
    title: '重新提交',
    effect: '重新提交后申请回到受理队列，由受理点按一次性告知单核对补齐的材料。',
    okText: '确认提交',
  },
  accept: {
    title: '受理',
    effect: '受理后出具收件凭证，审核和核定的法定期限自受理之日起按工作日计算。',
    okText: '确认受理',
  },
  return: {
    title: '退回并出具一次性告知单',
    effect:
      '退回后出具一次性告知单，单位按告知单补齐所列材料即可重新提交；依细则第五条，此后不得再要求补交告知单以外的材料。',
    okText: '确认退回',
    danger: true,
  },
  verify: {
    title: '审核通过',
    effect: '审核通过后申请转区人力资源社会保障局核定，已审核通过的事实即作为核定积分的依据。',
    okText: '确认通过',
  },
  refuse: {
    title: '不予积分',
    effect: '作出不予积分决定后本申请办结，决定送达单位和持证人，当事人可依细则第十二条申请复核。',
    okText: '确认不予积分',
    danger: true,
  },
  determine: {
    title: '核定积分',
    effect:
      '核定后积分即生效，出具积分通知书并通知持证人与单位；对核定结果有异议的，可依细则第十二条申请复核。',
    okText: '确认核定',
  },
  decrease: {
    title: '扣减积分',
    effect: '扣减后形成新的核定并取代原核定，持证人与单位会收到通知，可依细则第十二条申请复核。',
    okText: '确认扣减',
    danger: true,
  },
  'reconsideration-decision': {
    title: '作出复核决定',
    effect: '复核决定作出即送达申请人；变更核定的，以新的核定为准，原积分通知书不再有效。',
    okText: '确认决定',
  },
  correct: {
    title: '纠正核定',
    effect:
      '纠正后规则引擎按其余属实的事实重新核定，新的核定取代原核定，由原受理区通知持证人，纠正理由记入审计记录。',
    okText: '确认纠正',
    danger: true,
  },
};
