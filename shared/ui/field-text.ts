import { ROLE_LABELS } from '../domain/accounts/account-rules';
import { APPROVAL_OUTCOME_LABELS, APPROVAL_POLICY_LABELS, APPROVAL_SUBJECT_KIND_LABELS } from '../domain/approval/approval';
import { CASE_STATUS_LABELS, STAGE_OUTCOME_LABELS } from '../domain/development/case';
import { CONVERSION_OUTCOME_LABELS } from '../domain/development/conversion';
import { NOTICE_NODE_LABELS } from '../domain/development/rule-set';
import { DEVELOPMENT_STEPS, STAGE_LABELS, type StageNo } from '../domain/development/steps';
import { WARNING_KIND_LABELS, WARNING_LEVEL_LABELS } from '../domain/development/warnings';
import { ELECTION_FORM_LABELS, ELECTION_STEPS } from '../domain/election/election';
import { EVALUATION_STEPS } from '../domain/evaluation/evaluation';
import { FOLLOW_UP_LABELS } from '../domain/evaluation/follow-up';
import { RATER_KIND_LABELS } from '../domain/evaluation/grades';
import { OUTCOME_LABELS as OBJECTION_OUTCOME_LABELS } from '../domain/notice/objection';
import { COMMITTEE_POST_LABELS, ORG_KIND_LABELS } from '../domain/registry/organization';
import { MEMBERSHIP_STATUS_LABELS } from '../domain/registry/person';
import { TRANSFER_STEP_LABELS } from '../domain/transfer/transfer';
import { TRANSFER_WARNING_LABELS } from '../domain/transfer/warnings';
import { RULE_SET_FIELDS } from '../schemas/rule-set-form';
import { formatDateTime } from './format';

/**
 * The one place where a stored record or audit field becomes Chinese: its label by field key, its value by the
 * field's enumeration, dates in China time. The case file, the printable archive, the election file, the approval
 * pages and every audit trail render through it. A new audit action or detail field is added to the maps here.
 *
 * The domain of a field decides a value's reading where the same key means different things: `evaluation` is a
 * development step (培养考察) in a case and an election step (述职与民主评议) in an election.
 */
export type FieldDomain = 'case' | 'election' | 'evaluation' | 'notice' | 'approval' | 'org' | 'person' | 'other';

export function domainOf(action: string): FieldDomain {
  const prefix = action.split('.')[0];
  return (['case', 'election', 'evaluation', 'notice', 'approval', 'org', 'person'] as const).find((d) => d === prefix) ?? 'other';
}

/** Every audit action the system writes, in Chinese (test/shared/ui/field-text.test.ts finds them in the code). */
export const ACTION_LABELS: Record<string, string> = {
  'notice.published': '发布公示',
  'notice.objection-filed': '收到异议',
  'notice.withdrawn': '撤回公示',
  'notice.closed': '公示期满',
  'notice.end-recomputed': '重新计算公示结束时间',
  'notice.objections-handled': '记录异议调查结论',
  'task.opened': '生成待办',
  'calendar.year-saved': '保存节假日安排',
  'approval.requested': '发送审批链接',
  'approval.decided': '审批人作出决定',
  'approval.resolved': '审批结束',
  'approval.overdue': '审批逾期',
  'approval.link-resent': '重新发送审批链接',
  'approval.approver-reassigned': '更换审批人',
  'approval.paper-decision': '录入书面决定',
  'approval.cancelled': '审批撤销',
  'org.created': '建立组织',
  'org.edited': '修改组织信息',
  'org.moved': '调整隶属关系',
  'org.closed': '撤销组织',
  'org.term-reminder-sent': '发送换届提醒',
  'org.committee-elected': '换届选举产生新一届委员会',
  'settings.term-reminders-changed': '修改换届提醒设置',
  'person.created': '登记人员',
  'person.edited': '修改人员信息',
  'person.status-changed': '变更党员状态',
  'person.rights-changed': '变更权利状态',
  'person.exclusion-added': '登记不计入应到会人数的情形',
  'person.exclusion-ended': '结束不计入应到会人数的情形',
  'person.id-number-shown': '查看完整证件号码',
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
  'account.created': '创建账号',
  'account.disabled': '停用账号',
  'account.enabled': '启用账号',
  'account.password-reset': '发送重置密码链接',
  'account.password-set-by-link': '通过链接设置密码',
  'account.password-changed': '修改密码',
  'account.password-recovered': '用邮件验证码重设密码',
  'account.sign-in-unlocked': '解除登录锁定',
  'election.created': '发起换届选举',
  'election.step-opened': '生成换届选举待办',
  'election.step-recorded': '记录换届选举步骤',
  'election.announcement-published': '发布换届选举公告（内部公示）',
  'election.round-recorded': '录入计票结果',
  'election.results-recorded': '选举结果记入组织',
  'election.candidate-notice-passed': '候选人公示期满',
  'election.candidate-notice-stopped': '候选人公示未通过，重新推荐',
  'election.request-approved': '上级批准换届选举请示',
  'election.request-rejected': '上级不批准换届选举请示',
  'election.candidate-list-approved': '上级批准候选人预备人选',
  'election.candidate-list-rejected': '上级不批准候选人预备人选',
  'election.election-result-approved': '上级批准选举结果',
  'election.election-result-rejected': '上级不批准选举结果',
  'election.officer-candidates-set': '确定书记、副书记候选人',
  'election.end-requested': '报请上级党组织批准终止选举',
  'election.end-rejected': '上级党组织不同意终止选举',
  'election.ended': '选举已终止',
  'transfer.requested': '申请转接组织关系',
  'transfer.step-opened': '生成组织关系转接待办',
  'transfer.letter-issued': '开具组织关系介绍信',
  'transfer.letter-voided': '介绍信作废（待重新开具）',
  'transfer.accepted': '接收组织关系',
  'transfer.refused': '退回组织关系转接',
  'transfer.receipt-recorded': '登记介绍信回执',
  'transfer.incoming-registered': '登记系统外转入的组织关系',
  'transfer.warning-sent': '发送组织关系转接预警邮件',
  'transfer.accept-waiting': '登记待发展党员材料可移交后自动接收',
  'transfer.accept-waiting-cancelled': '取消自动接收',
  'transfer.accept-waiting-ended': '自动接收未能进行',
  'transfer.receipt-waiting': '登记回执，待发展党员材料中的事项结束后自动办结',
  'transfer.receipt-waiting-cancelled': '取消自动登记回执',
  'person.transferred': '组织关系转入新的党组织',
  'org.committee-post-ended': '因组织关系转出，委员职务终止',
  'case.transferred': '发展党员材料随组织关系移交',
  'case.transferred-out': '随组织关系转出本系统，发展党员案件办结',
  'assessment.scheme-drafted': '新建考核方案草稿',
  'assessment.indicator-edited': '修改考核指标',
  'assessment.scheme-published': '发布考核方案',
  'assessment.period-opened': '考核期开始报送',
  'assessment.report-opened': '生成考核报告',
  'assessment.report-task-opened': '生成考核报送待办',
  'assessment.review-task-opened': '生成考核审核待办',
  'assessment.report-submitted': '报送考核报告',
  'assessment.report-returned': '考核报告退回修改',
  'assessment.report-scored': '考核报告评分',
  'assessment.circular-published': '发布考核通报',
  'assessment.bonus-added': '录入考核加分',
  'assessment.scheme-imported': '导入考核方案',
  'assessment.report-reminded': '考核报告到期提醒',
  'assessment.report-overdue-warned': '考核报告逾期预警',
  'assessment.review-reminded': '考核审核期限提醒',
  'assessment.review-overdue-warned': '考核审核期限届满预警',
  'assessment.deduction-added': '录入考核减分',
  'assessment.year-end-started': '开始年终考核',
  'assessment.year-end-task-opened': '生成年终考核待办',
  'assessment.year-end-scores-saved': '保存述职评议得分',
  'assessment.year-end-submitted': '年终考核结果提交审批',
  'assessment.year-end-approved': '批准年终考核结果',
  'assessment.year-end-rejected': '退回年终考核结果',
  'assessment.year-end-published': '公布年终考核结果',
  'evaluation.created': '开始民主评议党员',
  'evaluation.step-opened': '生成民主评议待办',
  'evaluation.step-recorded': '记录民主评议步骤',
  'evaluation.self-evaluation-recorded': '登记个人自评',
  'evaluation.talk-recorded': '登记谈心谈话',
  'evaluation.codes-issued': '发放评议码',
  'evaluation.paper-entered': '录入纸质评议表汇总数',
  'evaluation.grades-approved': '上级党委批准定档结果',
  'evaluation.grades-rejected': '上级党委退回重新评定',
  'evaluation.disposal-approved': '上级党委批准组织处置（劝其退党、除名）',
  'evaluation.disposal-rejected': '上级党委退回组织处置意见',
  'evaluation.follow-up-reminder-sent': '发送民主评议组织处置提醒',
  'evaluation.grades-published': '公开定档结果（党务工作公开栏）',
  'evaluation.grades-recorded': '定档结果记入党员档案',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

/**
 * Fields kept for the record but not shown: internal ids (the page links to what they name), the browser's
 * identification, a label already given by another field.
 */
const HIDDEN_FIELDS = new Set([
  'approvalId', 'taskId', 'transferId', 'noticeId', 'objectionId', 'personId', 'caseId', 'electionId', 'contactIds', 'sponsorIds',
  'beforeId', 'afterId', 'parentId', 'userAgent', 'file', 'stepNo', 'label', 'version', 'changedByName', 'approverIndex', 'orgId',
]);

/** Field labels (a domain's own reading first). */
const LABELS: Record<string, string> = {
  reason: '原因', result: '结果', reviewDate: '复核日期', endsAt: '截止时间', from: '原截止时间', to: '新截止时间',
  provisional: '临时计算', period: '公示期', missingYears: '缺少节假日安排的年份', objectionCount: '异议数', named: '署名',
  outcomes: '各异议结论', title: '事项', decision: '结论', name: '姓名', kind: '类别', mayApprove: '审批权', termStart: '任期开始',
  termEnd: '任期届满', reminder: '提醒', recipients: '收件人数', committee: '委员会', closedAt: '撤销日期', before: '原', after: '新',
  orgName: '所属组织', org: '所属组织', status: '党员状态', statusFrom: '状态起始日期', effective: '生效日期', until: '结束日期',
  note: '说明', changed: '修改的项目', seeded: '演示数据', source: '来源', file: '导入文件（校验码）', row: '文件行号', approver: '审批人',
  approvers: '审批人', previousApprover: '原审批人', outcome: '意见', meetingDate: '会议日期', comment: '意见说明', decidedBy: '决定人',
  decidedAt: '决定时间', expiresAt: '链接有效期至', linksExpireAt: '链接有效期至', policy: '审批方式', ip: 'IP 地址',
  stepKey: '步骤', stepNo: '步骤序号', stage: '阶段', attempt: '次数', dueDate: '期限', level: '预警级别', ruleSetVersion: '规则版本',
  applicationDate: '申请日期', output: '办理结果', overrides: '规则', node: '公示节点', filedWith: '备案单位', filedAt: '报备时间',
  lastDate: '最迟日期', nextStage: '下一阶段', post: '职务',
  short: '人数不足', list: '名单', needed: '应有人数', invalidJoint: '联名人数不足', excluded: '不再提名', contest: '选举职务',
  officersDone: '书记、副书记已选出', elected: '当选', results: '公示结果', repeat: '重新投票', problems: '问题', roundNo: '轮次',
  evaluated: '参评党员人数', missing: '未交自评人数', returned: '收回评议份数', adopted: '支部大会通过', count: '数量', raterKind: '评议人类别',
  issued: '发出评议表份数', followUps: '需组织处置人数',
  form: '选举方式', seats: '委员名额', rulesVersion: '选举规则版本', year: '年份', daysOff: '放假日期', workingWeekendDays: '调休上班日期',
  // Values derived when a step is recorded (names, a vote's explanation).
  contactNames: '培养联系人', sponsorNames: '入党介绍人', voteResult: '表决结果', probationEndDate: '预备期满日期',
  approvedBy: '批准人', displayName: '姓名', role: '角色', email: '电子邮箱', value: '对象',
  endingKind: '终止原因', noticesWithdrawn: '撤回公示（项）', approvalsCancelled: '撤销审批（项）', tasksClosed: '关闭待办（项）', candidates: '候选人',
  warning: '预警', dueAt: '到期时间', step: '步骤', fromOrg: '转出组织', toOrg: '转入组织', batchSize: '同批转接人数', caseMoved: '发展党员材料随转', caseClosed: '发展党员案件随转出办结', serial: '介绍信编号', validUntil: '有效期至',
  receiptDate: '回执日期', reactivated: '原已登记人员', waitingFor: '等待事项', automatic: '系统自动接收', duesPaidTo: '党费交至', posts: '终止的职务', endedOn: '终止日期',
  assessmentPeriod: '考核期', organizations: '考核组织数', reviewDeadline: '审核期限', unreviewed: '待审核报告数', unscored: '未评分报告数', submission: '报送次数', review: '审核次数', late: '逾期报送',
  score: '得分', indicator: '考核指标', points: '分值', appliesFrom: '施行起始考核期', item: '加减分项目', indicators: '指标数', advancedCandidates: '先进基层党组织推荐对象数',
  extendedProbationEndDate: '延长后预备期满日期', done: '完成', explanation: '说明', personName: '姓名', passed: '通过', qualified: '政治审查合格',
};

const DOMAIN_LABELS: Partial<Record<FieldDomain, Record<string, string>>> = {
  case: { status: '案件状态', outcome: '结果', attempt: '第几次' },
  election: { decision: '下一步', outcome: '结果' },
  evaluation: { outcome: '结果', excluded: '不参加评议人数', date: '谈话日期', talkers: '谈话人' },
  org: { name: '名称' },
};

/** Values by the field they belong to. */
const devStepLabels: Record<string, string> = {
  ...Object.fromEntries(DEVELOPMENT_STEPS.map((step) => [step.key, `第 ${step.no} 步 ${step.label}`])),
  ...Object.fromEntries(Object.entries(NOTICE_NODE_LABELS).map(([node, label]) => [`noticeReview-${node}`, `${label}结果处理`])),
};
const electionStepLabels = Object.fromEntries(Object.entries(ELECTION_STEPS).map(([key, step]) => [key, step.label]));
const ELECTION_NEXT_ROUND: Record<string, string> = {
  complete: '选举完成', 're-vote': '得票相等，再次投票', unfilled: '名额未选满', invalid: '选举无效',
  further: '另行选举', fewer: '减少名额', rerun: '重新选举', end: '终止选举',
};
const CONTESTS: Record<string, string> = { committee: '委员', secretary: '书记', deputy: '副书记' };
const NOTICE_REVIEW: Record<string, string> = { proceed: '继续推进', postponed: '暂缓', stopped: '终止程序', postpone: '暂缓', stop: '异议查实，终止发展' };
const APPROVAL_OUTCOMES: Record<string, string> = { ...APPROVAL_OUTCOME_LABELS, pending: '待决定' };

const VALUES: Record<string, Record<string, string>> = {
  status: { ...MEMBERSHIP_STATUS_LABELS },
  kind: { ...ORG_KIND_LABELS, ...APPROVAL_SUBJECT_KIND_LABELS, ...WARNING_KIND_LABELS, username: '按用户名', address: '按网络地址' },
  policy: { ...APPROVAL_POLICY_LABELS },
  outcome: { ...APPROVAL_OUTCOMES, ...CONVERSION_OUTCOME_LABELS, 'vote-failed': '支部大会表决未通过' },
  decision: { ...OBJECTION_OUTCOME_LABELS, ...NOTICE_REVIEW },
  result: { ...NOTICE_REVIEW },
  node: { ...NOTICE_NODE_LABELS },
  level: { ...WARNING_LEVEL_LABELS },
  form: { ...ELECTION_FORM_LABELS },
  contest: CONTESTS,
  raterKind: { ...RATER_KIND_LABELS },
  post: { ...COMMITTEE_POST_LABELS },
  source: { 'roster-import': '花名册导入' },
  role: { ...ROLE_LABELS },
  step: { ...TRANSFER_STEP_LABELS },
  warning: { ...TRANSFER_WARNING_LABELS },
  changed: {
    gender: '性别', ethnicity: '民族', birthDate: '出生日期', education: '学历', unitPost: '单位及职务', phone: '联系电话', email: '电子邮箱',
    address: '家庭住址', applicationDate: '申请日期', idNumber: '身份证号', name: '姓名', orgId: '所属组织', org: '所属组织', status: '党员状态',
    statusDate: '状态日期', termStart: '任期开始', termEnd: '任期届满', mayApprove: '审批权', committee: '委员会',
  },
};

const DOMAIN_VALUES: Partial<Record<FieldDomain, Record<string, Record<string, string>>>> = {
  case: { stepKey: devStepLabels, status: { ...CASE_STATUS_LABELS }, outcome: { ...APPROVAL_OUTCOMES, ...STAGE_OUTCOME_LABELS, ...CONVERSION_OUTCOME_LABELS }, kind: { ...WARNING_KIND_LABELS } },
  election: { stepKey: electionStepLabels, decision: ELECTION_NEXT_ROUND },
  evaluation: {
    stepKey: Object.fromEntries(Object.entries(EVALUATION_STEPS).map(([key, step]) => [key, step.label])),
    kind: { ...FOLLOW_UP_LABELS },
    level: { 'due-soon': '即将到期', due: '已到期' },
  },
};

export function fieldLabel(key: string, domain: FieldDomain = 'other'): string {
  return DOMAIN_LABELS[domain]?.[key] ?? LABELS[key] ?? key;
}

export function isHiddenField(key: string): boolean {
  return HIDDEN_FIELDS.has(key);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A value as a reader sees it: dates in China time, enumerations in Chinese, lists joined, nested records as pairs. */
export function fieldValue(key: string, value: unknown, domain: FieldDomain = 'other'): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.length === 0 ? '无' : value.map((v) => fieldValue(key, v, domain)).join('、');
  if (typeof value === 'object') return objectText(key, value as Record<string, unknown>, domain);
  const text = String(value);
  if (ISO_INSTANT.test(text)) return formatDateTime(text);
  if (key === 'stage' && /^[1-5]$/.test(text)) return STAGE_LABELS[Number(text) as StageNo];
  if (key === 'reminder') return reminderText(text);
  return DOMAIN_VALUES[domain]?.[key]?.[text] ?? VALUES[key]?.[text] ?? text;
}

function reminderText(key: string): string {
  if (key === 'overdue') return '任期已届满';
  const months = /(\d+)m$/.exec(key)?.[1];
  if (!months) return key;
  return key.startsWith('request-') ? `报送换届请示期限前提醒（届满前 ${months} 个月）` : `任期届满前 ${months} 个月提醒`;
}

function objectText(key: string, record: Record<string, unknown>, domain: FieldDomain): string {
  if (record.unit && record.count) return `${String(record.count)}个${record.unit === 'workingDays' ? '工作日' : '自然日'}`;
  if (key === 'nextStage' && record.stage) {
    return `${STAGE_LABELS[record.stage as StageNo] ?? String(record.stage)}，${String(record.earliestStart ?? '')} 起可以开始`;
  }
  if (key === 'output') return stepOutputText(record, domain);
  if (key === 'overrides') return ruleSetText(record);
  if ('before' in record && 'after' in record) return `原 ${fieldValue(key, record.before, domain) || '无'}，新 ${fieldValue(key, record.after, domain) || '无'}`;
  if (key === 'committee' && typeof record.name === 'string') return `${fieldValue('post', record.post)} ${record.name}`;
  const pairs = fieldPairs(record, domain);
  return pairs.length === 1 ? pairs[0][1] : pairs.map(([label, text]) => `${label} ${text}`).join('，');
}

/** A rule set's numbers by the rule-set form's labels (规则设置). */
function ruleSetText(rules: Record<string, unknown>): string {
  return RULE_SET_FIELDS.flatMap((field) => {
    const value = field.name.split('.').reduce<unknown>((v, part) => (v as Record<string, unknown> | undefined)?.[part], rules);
    if (value === undefined) return [];
    const text = typeof value === 'boolean' ? (value ? '是' : '否') : (field.options?.find(([v]) => v === value)?.[1] ?? String(value));
    return [`${field.label} ${text}`];
  }).join('，');
}

/** What a recorded development step produced: done, the review's result, the vote, the conversion decision. */
function stepOutputText(output: Record<string, unknown>, domain: FieldDomain): string {
  if ('qualified' in output) return output.qualified ? '政治审查合格' : '政治审查不合格';
  if ('passed' in output) return output.passed ? '表决通过' : '表决未通过';
  if ('outcome' in output) return fieldValue('outcome', output.outcome, 'case');
  if ('decision' in output) return fieldValue('decision', output.decision, domain);
  if (output.done) return '已办理';
  return fieldPairs(output, domain).map(([label, text]) => `${label} ${text}`).join('，');
}

/** The shown fields of a record or an audit event's details as [label, text], hidden and empty ones left out. */
export function fieldPairs(record: Record<string, unknown>, domain: FieldDomain = 'other', labels: Record<string, string> = {}): Array<[string, string]> {
  return Object.entries(record)
    .filter(([key]) => !isHiddenField(key))
    .map(([key, value]) => [labels[key] ?? fieldLabel(key, domain), fieldValue(key, value, domain)] as [string, string])
    .filter(([, text]) => text !== '');
}
