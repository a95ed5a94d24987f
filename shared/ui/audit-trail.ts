import { CASE_ACTION_LABELS, CASE_DETAIL_LABELS, CASE_VALUE_LABELS } from './development/case-audit-labels';
import { ELECTION_ACTION_LABELS, ELECTION_DETAIL_LABELS, ELECTION_VALUE_LABELS } from './election-audit-labels';
import { formatDateTime } from './format';
import { html, type SafeHtml } from './html';

/** One event of a case's file (全程纪实), as the notice services return it. */
export interface AuditEntry {
  at: string;
  action: string;
  actor: string;
  actorName?: string;
  details?: Record<string, unknown>;
}

/** Known actions in Chinese; an unknown one is shown as it is stored rather than hidden. */
const ACTION_LABELS: Record<string, string> = {
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
  'settings.term-reminders-changed': '修改换届提醒设置',
  'person.created': '登记人员',
  'person.edited': '修改人员信息',
  'person.status-changed': '变更党员状态',
  'person.rights-changed': '变更权利状态',
  'person.exclusion-added': '登记不计入应到会人数的情形',
  'person.exclusion-ended': '结束不计入应到会人数的情形',
  ...CASE_ACTION_LABELS,
  ...ELECTION_ACTION_LABELS,
};

const ACTOR_LABELS: Record<string, string> = { system: '系统', public: '公众' };

const DETAIL_LABELS: Record<string, string> = {
  reason: '原因',
  result: '结果',
  reviewDate: '复核日期',
  endsAt: '截止时间',
  from: '原截止时间',
  to: '新截止时间',
  provisional: '临时计算',
  period: '公示期',
  missingYears: '缺少节假日安排的年份',
  objectionId: '异议编号',
  objectionCount: '异议数',
  named: '署名',
  outcomes: '各异议结论',
  taskId: '待办编号',
  title: '事项',
  decision: '结论',
  name: '名称',
  kind: '类别',
  parentId: '上级组织',
  mayApprove: '审批权',
  termStart: '任期开始',
  termEnd: '任期届满',
  reminder: '提醒',
  recipients: '收件人数',
  committee: '委员会',
  closedAt: '撤销日期',
  before: '原',
  after: '新',
  beforeId: '原上级组织编号',
  afterId: '新上级组织编号',
  orgId: '组织编号',
  orgName: '所属组织',
  org: '所属组织',
  status: '党员状态',
  statusFrom: '状态起始日期',
  effective: '生效日期',
  until: '结束日期',
  note: '说明',
  changed: '修改的项目',
  seeded: '演示数据',
  source: '来源',
  file: '导入文件（校验码）',
  row: '文件行号',
  approver: '审批人',
  approverIndex: '审批人序号',
  previousApprover: '原审批人',
  outcome: '意见',
  meetingDate: '会议日期',
  comment: '意见说明',
  decidedBy: '决定人',
  decidedAt: '决定日期',
  expiresAt: '链接有效期至',
  ip: 'IP 地址',
  userAgent: '浏览器',
  ...CASE_DETAIL_LABELS,
  ...ELECTION_DETAIL_LABELS,
};

const VALUE_LABELS: Record<string, string> = {
  proceed: '继续推进',
  approved: '同意',
  rejected: '不同意',
  postponed: '暂缓',
  stopped: '终止程序',
  unfounded: '不属实',
  postpone: '暂缓',
  founded: '属实',
  'working-committee': '机关党工委',
  committee: '机关党委',
  'general-branch': '党总支',
  branch: '党支部',
  'party-group': '党小组',
  gender: '性别', ethnicity: '民族', birthDate: '出生日期', education: '学历', unitPost: '单位及职务', phone: '联系电话',
  email: '电子邮箱', address: '家庭住址', applicationDate: '申请日期', idNumber: '身份证号', full: '正式党员', activist: '入党积极分子',
  applicant: '入党申请人', 'development-target': '发展对象', probationary: '预备党员', 'probation-cancelled': '已取消预备党员资格', 'development-ended': '已终止发展',
  'roster-import': '花名册导入', name: '姓名', orgId: '所属组织', status: '党员状态', statusDate: '状态日期',
  ...CASE_VALUE_LABELS,
  ...ELECTION_VALUE_LABELS,
};

function detailValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.length === 0 ? '无' : value.map(detailValue).join('；');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record.unit && record.count) return `${String(record.count)}个${record.unit === 'workingDays' ? '工作日' : '自然日'}`;
    return Object.entries(record).map(([key, inner]) => `${DETAIL_LABELS[key] ?? key} ${detailValue(inner)}`).join('，');
  }
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return formatDateTime(text);
  return VALUE_LABELS[text] ?? text;
}

function details(entry: AuditEntry): SafeHtml {
  const pairs = Object.entries(entry.details ?? {});
  if (pairs.length === 0) return html``;
  return html`<ul>${pairs.map(([key, value]) => html`<li>${DETAIL_LABELS[key] ?? key}：${detailValue(value)}</li>`)}</ul>`;
}

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

/** The file as a table, oldest first. */
export function auditTrail(entries: AuditEntry[]): SafeHtml {
  if (entries.length === 0) return html`<p>暂无记录。</p>`;
  const sorted = [...entries].sort((a, b) => a.at.localeCompare(b.at));
  return html`<div class="table-wrap" tabindex="0"><table>
    <thead><tr><th>时间</th><th>事项</th><th>办理人</th><th>详情</th></tr></thead>
    <tbody>${sorted.map((entry) => html`<tr><td>${formatDateTime(entry.at)}</td><td>${actionLabel(entry.action)}</td><td>${ACTOR_LABELS[entry.actor] ?? entry.actorName ?? entry.actor}</td><td>${details(entry)}</td></tr>`)}</tbody>
  </table></div>`;
}
