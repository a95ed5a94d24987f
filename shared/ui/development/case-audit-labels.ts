import { DEVELOPMENT_STEPS } from '../../domain/development/steps';
import { WARNING_KIND_LABELS, WARNING_LEVEL_LABELS } from '../../domain/development/warnings';

/** The 全程纪实 of a development case in Chinese: its audit actions, detail names and values (merged into audit-trail.ts). */

export const CASE_ACTION_LABELS: Record<string, string> = {
  'case.opened': '建立发展党员案件（收到入党申请书）',
  'case.stage-started': '开始新的阶段',
  'case.stage-ended': '本阶段结束',
  'case.step-recorded': '登记步骤',
  'case.notice-prepared': '准备公示',
  'case.approval-requested': '报上级党委审批',
  'case.approval-decided': '上级党委作出决定',
  'case.filed': '报备案',
  'case.filing-acknowledged': '备案已确认收到',
  'case.warning-sent': '发送预警提醒',
  'case.stage-startable': '提醒可以开始下一阶段',
  'case.admission-approval-overdue': '接收预备党员审批超期',
  'case.admission-approval-blocked': '接收预备党员审批超过最长期限，案件冻结',
  'case.ended': '终止发展',
  'ruleset.created': '新增规则版本',
};

export const CASE_DETAIL_LABELS: Record<string, string> = {
  stepKey: '步骤', stepNo: '步骤序号', stage: '阶段', attempt: '第几次', dueDate: '期限', level: '预警级别', ruleSetVersion: '规则版本',
  endingKind: '终止原因', noticesWithdrawn: '撤回公示（项）', approvalsCancelled: '撤销审批（项）', tasksClosed: '关闭待办（项）',
  personId: '人员编号', applicationDate: '申请日期', output: '办理结果', overrides: '规则', node: '公示节点', filedWith: '备案单位', lastDate: '最迟日期',
};

export const CASE_VALUE_LABELS: Record<string, string> = {
  ...Object.fromEntries(DEVELOPMENT_STEPS.map((step) => [step.key, `第 ${step.no} 步 ${step.label}`])),
  ...WARNING_KIND_LABELS,
  ...WARNING_LEVEL_LABELS,
};
