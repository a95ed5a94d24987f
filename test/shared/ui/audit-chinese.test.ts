import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PERMISSIONS } from '../../../shared/services/authorization';
import { ACTION_LABELS } from '../../../shared/ui/field-text';
import { auditTrail, type AuditEntry } from '../../../shared/ui/audit-trail';
import { recordValues } from '../../../shared/ui/development/case-records';
import { DEVELOPMENT_STEPS } from '../../../shared/domain/development/steps';
import { NOTICE_NODE_LABELS } from '../../../shared/domain/development/rule-set';
import { isFormStepKey, stepFormFields } from '../../../shared/schemas/development-steps';
import type { StepRecord } from '../../../shared/domain/development/case';
import { visibleProblems } from '../../support/visible-text';

// Every audit action the code writes is found in the source (string literals of the audit namespaces, and the
// actions built from templates expanded below), and each is rendered with the details its writer stores: a new
// action, or a new template, without a Chinese rendering here fails.

const ROOTS = ['shared', 'functions', 'infra', 'workflows'];
const NAMESPACES = 'case|election|notice|approval|org|person|task|calendar|settings|ruleset|account|transfer|assessment|evaluation';
/** Dotted names that are not audit actions: the rule-set form's fields (notice.count …). */
const NOT_ACTIONS = new Set(['notice.unit', 'notice.count', 'notice.audience']);
/** Actions built from a template, each with every action it yields. */
const TEMPLATES: Record<string, string[]> = {
  'case.${code}': ['case.admission-approval-overdue', 'case.admission-approval-blocked'],
  'election.${kind}-${decision.outcome}': ['request', 'candidate-list', 'election-result'].flatMap((kind) => [`election.${kind}-approved`, `election.${kind}-rejected`]),
  'evaluation.${purpose}-${decision.outcome}': ['grades', 'disposal'].flatMap((purpose) => [`evaluation.${purpose}-approved`, `evaluation.${purpose}-rejected`]),
  'assessment.year-end-${decision.outcome}': ['assessment.year-end-approved', 'assessment.year-end-rejected'],
  'assessment.${item.kind}-added': ['assessment.bonus-added', 'assessment.deduction-added'],
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'cdk.out' ? [] : sources(path);
    return path.endsWith('.ts') && !path.endsWith('shared/ui/field-text.ts') ? [path] : [];
  });
}

function actionsInCode(): { actions: Set<string>; unknownTemplates: string[] } {
  const permissions = new Set(Object.keys(PERMISSIONS));
  const actions = new Set<string>();
  const unknownTemplates: string[] = [];
  for (const file of ROOTS.flatMap(sources)) {
    const text = readFileSync(file, 'utf8');
    for (const [, action] of text.matchAll(new RegExp(`'((?:${NAMESPACES})\\.[a-z][a-z-]*)'`, 'g'))) {
      if (!permissions.has(action) && !NOT_ACTIONS.has(action)) actions.add(action);
    }
    for (const [, template] of text.matchAll(/action: `([^`]*)`/g)) {
      if (TEMPLATES[template]) TEMPLATES[template].forEach((a) => actions.add(a));
      else unknownTemplates.push(`${file}: ${template}`);
    }
  }
  return { actions, unknownTemplates };
}

const at = '2026-12-14T01:00:00.495Z';
const approvalDecision = { approvalId: 'a-1', decidedBy: '赵审批', meetingDate: '2026-12-13', comment: '同意' };

/** The details each action's writer stores (the keys and kinds of values of shared/services). */
const SAMPLES: Record<string, Record<string, unknown>> = {
  'notice.published': { endsAt: '2026-12-20T23:59:59+08:00', provisional: false, period: { unit: 'workingDays', count: 5 }, missingYears: [] },
  'notice.objection-filed': { objectionId: 'o-1', named: true },
  'notice.withdrawn': { reason: '材料有误' },
  'notice.closed': { objectionCount: 0, result: 'proceed' },
  'notice.end-recomputed': { from: '2026-12-20T23:59:59+08:00', to: '2026-12-21T23:59:59+08:00', provisional: true },
  'notice.objections-handled': { result: 'postponed', reviewDate: '2027-01-10', outcomes: [{ objectionId: 'o-1', decision: 'postpone', reviewDate: '2027-01-10' }] },
  'task.opened': { taskId: 'dev-c1-talk-1', title: '发展党员：王明芳 — 派人谈话' },
  'calendar.year-saved': { year: 2027, daysOff: ['2027-01-01'], workingWeekendDays: ['2027-02-07'], source: '国务院办公厅通知' },
  'approval.requested': { title: '王明芳：发展对象预审', kind: 'pre-review', policy: 'any', dueDate: '2027-02-11T23:59:59+08:00', approvers: ['赵审批'], linksExpireAt: at },
  'approval.decided': { approver: '赵审批', approverIndex: 0, outcome: 'approved', meetingDate: '2026-12-13', comment: '同意', ip: '10.0.0.1', userAgent: 'Mozilla/5.0 (X11; Linux x86_64)' },
  'approval.resolved': { outcome: 'approved', decidedBy: '赵审批' },
  'approval.overdue': { taskId: 'approval-overdue-a-1', approvers: ['赵审批'] },
  'approval.link-resent': { approverIndex: 0, approver: '赵审批', expiresAt: at, ip: '10.0.0.1', userAgent: 'Mozilla/5.0' },
  'approval.approver-reassigned': { approverIndex: 0, approver: '钱审批', previousApprover: '赵审批', expiresAt: at, ip: '10.0.0.1', userAgent: 'Mozilla/5.0' },
  'approval.paper-decision': { outcome: 'rejected', decidedBy: '机关党委委员会', decidedAt: '2026-12-13', meetingDate: '2026-12-13', comment: '材料不全', ip: '10.0.0.1', userAgent: 'Mozilla/5.0' },
  'org.created': { name: '办公室党支部', kind: 'branch', parentId: 'o-1', mayApprove: false, termStart: '2023-10-01', termEnd: '2026-09-30', committee: '书记 张伟' },
  'org.edited': { name: { before: '办公室党支部', after: '综合处党支部' }, mayApprove: { before: false, after: true }, committee: { before: '书记 张伟', after: '书记 王芳' } },
  'org.moved': { before: '机关党委', after: '机关党工委', beforeId: 'o-1', afterId: 'o-2' },
  'org.closed': { reason: '机构撤并', closedAt: '2026-12-14' },
  'org.term-reminder-sent': { termEnd: '2027-06-30', reminder: '6m', recipients: 2 },
  'org.committee-elected': { electionId: 'e-1', committee: [{ personId: 'p-1', name: '张伟', post: 'secretary' }, { personId: 'p-2', name: '王芳', post: 'deputy-secretary' }, { personId: 'p-3', name: '李娜', post: 'member' }], termStart: '2026-09-30', termEnd: '2029-09-29' },
  'settings.term-reminders-changed': { before: '届满前 6、2 个月提醒', after: '届满前 6、3 个月提醒', version: 2, changedByName: '王组织员' },
  'person.created': { name: '王明芳', orgId: 'o-1', orgName: '办公室党支部', status: 'applicant', statusFrom: '2026-01-05', source: 'roster-import', file: '0123456789abcdef', row: 3 },
  'person.edited': { changed: ['phone', 'orgId', 'status'], org: { before: '办公室党支部', after: '综合处党支部' }, status: { before: 'applicant', after: 'activist' }, name: { before: '王明', after: '王明芳' } },
  'person.status-changed': { before: '入党申请人', after: '入党积极分子', effective: '2026-03-01', caseId: 'c-1', note: '支部委员会决定' },
  'person.rights-changed': { before: '正常', after: '停止党籍', effective: '2026-03-01', note: '' },
  'person.exclusion-added': { reason: '因病长期不能参加', effective: '2026-03-01', until: '2026-09-01', note: '' },
  'person.exclusion-ended': { reason: '因病长期不能参加', until: '2026-06-01' },
  'person.id-number-shown': {},
  'case.opened': { personId: 'p-1', applicationDate: '2026-01-05', ruleSetVersion: '2014' },
  'case.stage-started': { stage: 2, attempt: 1 },
  'case.stage-ended': { stage: 1, attempt: 1, outcome: 'vote-failed', label: '支部大会表决未通过', nextStage: { stage: 2, earliestStart: '2026-07-05', attempt: 1 }, status: 'active' },
  'case.step-recorded': { stepKey: 'evaluation', stepNo: 6, output: { done: true } },
  'case.step-recorded (notice review)': { stepKey: 'noticeReview-admission', stepNo: 0, output: { decision: 'stop' } },
  'case.notice-prepared': { noticeId: 'c-1-developmentTarget-1', node: 'developmentTarget' },
  'case.approval-requested': { approvalId: 'c-1-preReview-1', stepKey: 'preReview' },
  'case.approval-decided': { stepKey: 'preReview', outcome: 'approved', approvalId: 'c-1-preReview-1' },
  'case.filed': { stepKey: 'activistFiling', filedWith: '机关党委' },
  'case.filing-acknowledged': { stepKey: 'activistFiling', filedWith: '机关党委' },
  'case.warning-sent': { kind: 'talk-due', dueDate: '2026-02-05', level: 'overdue' },
  'case.stage-startable': { stage: 3, attempt: 1 },
  'case.admission-approval-overdue': { meetingDate: '2027-01-19', dueDate: '2027-04-19', lastDate: '2027-07-19' },
  'case.admission-approval-blocked': { meetingDate: '2027-01-19', dueDate: '2027-04-19', lastDate: '2027-07-19' },
  'ruleset.created': { overrides: { probationMonths: 12, notice: { unit: 'workingDays', count: 7, audience: 'public' }, noticeNodes: { activist: false } } },
  'election.created': { form: 'gongtui', seats: 3, rulesVersion: '2020' },
  'election.step-opened': { stepKey: 'evaluation', attempt: 1, taskId: 'election-e-1-evaluation-1' },
  'election.step-recorded': { stepKey: 'recommendation', short: false, needed: 4, list: ['张伟', '王芳'], excluded: [], decision: 'further' },
  'election.announcement-published': { noticeId: 'e-1-announcement', title: '关于召开党员大会进行换届选举的公告', period: { unit: 'calendarDays', count: 7 } },
  'election.round-recorded': { stepKey: 'officers-round', decision: 're-vote', contest: 'deputy', officersDone: false, elected: ['张伟'] },
  'election.results-recorded': { termStart: '2026-09-30', termEnd: '2029-09-29' },
  'election.candidate-notice-passed': { results: [{ noticeId: 'e-1-c1-0', result: 'proceed' }, { noticeId: 'e-1-c1-1', result: 'proceed' }] },
  'election.candidate-notice-stopped': { results: [{ noticeId: 'e-1-c1-0', result: 'proceed' }, { noticeId: 'e-1-c1-1', result: 'stopped' }] },
  'election.officer-candidates-set': { contest: 'secretary', candidates: ['张伟', '王芳'] },
  'election.end-requested': { reason: '支部党员人数不足，无法完成选举' },
  'election.end-rejected': { approvalId: 'a-2' },
  'election.ended': { reason: '支部党员人数不足，无法完成选举', approvedBy: '赵书记' },
  'evaluation.created': { year: 2026, evaluated: 10, excluded: 1 },
  'evaluation.step-opened': { stepKey: 'self-evaluation', attempt: 1, taskId: 'evaluation-v-1-self-evaluation-1' },
  'evaluation.step-recorded': { stepKey: 'meeting', adopted: true, missing: 2, returned: 9 },
  'evaluation.self-evaluation-recorded': { name: '张伟' },
  'evaluation.talk-recorded': { name: '孙燕', date: '2026-12-15', talkers: '钱组织委员 支部组织委员' },
  'evaluation.codes-issued': { count: 12, raterKind: 'member' },
  'evaluation.paper-entered': { raterKind: 'mass', issued: 9, returned: 9 },
  'evaluation.grades-approved': approvalDecision,
  'evaluation.grades-rejected': approvalDecision,
  'evaluation.grades-published': { noticeId: 'v-1-grades-1' },
  'evaluation.grades-recorded': { followUps: 2 },
  'evaluation.disposal-approved': approvalDecision,
  'evaluation.disposal-rejected': approvalDecision,
  'evaluation.follow-up-reminder-sent': { personId: 'p-1', kind: 'correction', dueDate: '2027-06-15', level: 'due' },
  'case.ended': { endingKind: '本人申请撤回入党申请', reason: '本人书面申请撤回', stage: 2, noticesWithdrawn: 1, approvalsCancelled: 0, tasksClosed: 1 },
  'approval.cancelled': { reason: '张三的发展党员案件已终止（本人申请撤回入党申请）' },
  'account.created': { displayName: '李组织委员', role: 'branch-staff', orgId: 'branch-1', email: 'li@example.org' },
  'account.disabled': {},
  'account.enabled': {},
  'account.password-reset': { email: 'li@example.org' },
  'account.password-set-by-link': {},
  'account.password-changed': {},
  'account.password-recovered': {},
  'account.sign-in-unlocked': { kind: 'username', value: '李组织委员' },
  'transfer.requested': { personName: '张伟', toOrg: '业务一处党支部', batchSize: 3 },
  'transfer.step-opened': { step: 'arrival', attempt: 1 },
  'transfer.warning-sent': { warning: 'letter-expiring', dueAt: '2026-12-23T15:59:59.000Z' },
  'transfer.letter-issued': { serial: '〔2026〕第12号', validUntil: '2026-12-23T15:59:59.000Z' },
  'transfer.letter-voided': { serial: '〔2026〕第12号', reason: '介绍信过期未报到' },
  'transfer.accepted': { toOrg: '业务一处党支部', caseMoved: true, automatic: true },
  'transfer.accept-waiting': { waitingFor: '公示“张三 拟确定为入党积极分子”尚未结束，请待公示期满后再接收。' },
  'transfer.accept-waiting-cancelled': {},
  'transfer.accept-waiting-ended': { reason: '介绍信已过有效期，未能自动接收' },
  'transfer.refused': { transferId: 't-1', reason: '本人尚未报到' },
  'transfer.receipt-waiting': { receiptDate: '2026-10-15', waitingFor: '公示“张三 拟接收为预备党员”尚未结束' },
  'transfer.receipt-waiting-cancelled': {},
  'transfer.receipt-recorded': { transferId: 't-1', toOrg: '中共某县委组织部', receiptDate: '2026-10-15', serial: '〔2026〕第12号', caseClosed: true, automatic: true },
  'transfer.incoming-registered': { fromOrg: '中共某县委组织部', toOrg: '业务一处党支部', serial: '〔2026〕第3号', duesPaidTo: '2026-09', reactivated: false },
  'person.transferred': { transferId: 't-1', serial: '〔2026〕第12号', org: { before: '办公室党支部', after: '业务一处党支部' }, effective: '2026-10-08' },
  'org.committee-post-ended': { name: '张伟', posts: ['组织委员'], endedOn: '2026-10-08', reason: '组织关系转出' },
  'case.transferred': { transferId: 't-1', fromOrg: '办公室党支部', toOrg: '业务一处党支部', stage: 2 },
  'case.transferred-out': { transferId: 't-1', toOrg: '中共某县委组织部', receiptDate: '2026-10-15', stage: 3, tasksClosed: 1 },
  'assessment.scheme-drafted': { version: 2 },
  'assessment.indicator-edited': { version: 2, indicator: '三会一课', points: { before: 6, after: 8 } },
  'assessment.scheme-published': { version: 2, appliesFrom: '2026年4月' },
  'assessment.period-opened': { assessmentPeriod: '2026年1月', organizations: 12, version: 1 },
  'assessment.report-opened': { assessmentPeriod: '2026年1月', dueAt: '2026-02-06T23:59:59+08:00', version: 1 },
  'assessment.report-task-opened': { taskId: 'assessment-x-report-1', submission: 1 },
  'assessment.review-task-opened': { taskId: 'assessment-x-review-1', review: 1 },
  'assessment.report-submitted': { submission: 2, late: true },
  'assessment.report-returned': { reason: '请补充党课的主讲人' },
  'assessment.report-scored': { score: 15.5, late: false },
  'assessment.circular-published': { assessmentPeriod: '2026年1月', organizations: 12, unscored: 2 },
  'assessment.review-reminded': { assessmentPeriod: '2026年1月', reviewDeadline: '2026-02-13T23:59:59+08:00', unreviewed: 3 },
  'assessment.review-overdue-warned': { assessmentPeriod: '2026年1月', reviewDeadline: '2026-02-13T23:59:59+08:00', unreviewed: 2 },
  'assessment.report-reminded': { dueAt: '2026-02-06T23:59:59+08:00' },
  'assessment.report-overdue-warned': { dueAt: '2026-02-06T23:59:59+08:00' },
  'assessment.scheme-imported': { version: 2, indicators: 24 },
  'assessment.bonus-added': { item: '受到上级表彰', points: 2, reason: '获市直机关工委表彰' },
  'assessment.deduction-added': { item: '上级通报批评', points: 1, reason: '被上级通报批评一次' },
  'assessment.year-end-started': { year: 2026 },
  'assessment.year-end-task-opened': { taskId: 'assessment-yearend-2026-x-rate-1' },
  'assessment.year-end-scores-saved': { organizations: 2 },
  'assessment.year-end-submitted': { organizations: 2 },
  'assessment.year-end-approved': { approvalId: 'assessment-yearend-2026-x-1', decidedBy: '赵书记', meetingDate: '2027-01-08', comment: '同意' },
  'assessment.year-end-rejected': { approvalId: 'assessment-yearend-2026-x-1', decidedBy: '赵书记', meetingDate: '2027-01-08', comment: '请复核' },
  'assessment.year-end-published': { organizations: 2, advancedCandidates: 1 },
  ...Object.fromEntries(TEMPLATES['election.${kind}-${decision.outcome}'].map((action) => [action, approvalDecision])),
};

test('every audit action the code writes has a Chinese label and a sample here', () => {
  const { actions, unknownTemplates } = actionsInCode();
  expect(unknownTemplates).toEqual([]);
  expect(actions.size).toBeGreaterThan(50);
  expect([...actions].filter((action) => !ACTION_LABELS[action])).toEqual([]);
  expect([...actions].filter((action) => !SAMPLES[action])).toEqual([]);
});

test('every audit action, rendered with its details, shows only Chinese, dates in China time and no login name', () => {
  const entries: AuditEntry[] = Object.entries(SAMPLES).map(([sample, details]) => ({ at, action: sample.split(' ')[0], actor: 'yewuyichu', details }));
  const page = auditTrail(entries).value;
  expect(visibleProblems(page)).toEqual([]);
  expect(page).toContain('2026-12-14 09:00');
  // A development case's step 6 is 培养考察, not the election's 述职与民主评议.
  const step6 = auditTrail([{ at, action: 'case.step-recorded', actor: 'system', details: { stepKey: 'evaluation', stepNo: 6 } }]).value;
  expect(step6).toContain('第 6 步 ');
  expect(step6).not.toContain('述职');
});

/** A filled-in form of a step: each field with a value of its type (a select's every option in turn). */
function sampleValues(key: string, round: number): Record<string, unknown> {
  if (!isFormStepKey(key)) return {};
  return Object.fromEntries(stepFormFields(key).map((field) => {
    const options = field.options ?? [];
    const value = {
      date: '2027-01-19', number: 9, checkbox: true, select: options[round % Math.max(options.length, 1)]?.value, person: '钱一', people: ['钱一', '孙二'],
      text: '按要求办理', textarea: '按要求办理',
    }[field.type];
    return [field.name, value];
  }));
}

test('every development step record shows only Chinese: its form values, the derived ones, an approval decision, a filing', () => {
  const derived = {
    personId: 'p-1', contactIds: ['p-2'], contactNames: ['钱一'], voteResult: '应到 10 人，实到 9 人，赞成 9 票，通过', passed: true, probationEndDate: '2028-01-19',
    approvalId: 'c-1-preReview-1', outcome: 'approved', decidedAt: at, decidedBy: '赵审批', comment: '同意', filedWith: '机关党委', filedAt: at,
  };
  const keys = [...DEVELOPMENT_STEPS.map((step) => step.key), ...Object.keys(NOTICE_NODE_LABELS).map((node) => `noticeReview-${node}`)];
  const records = keys.flatMap((stepKey) => [0, 1, 2].map((round) => ({
    caseId: 'c-1', stepKey, stepNo: 1, stage: 1, attempt: 1, at, actorId: 'yewuyichu', actorName: '李组织委员', explanations: [], attachments: [],
    values: { ...derived, ...sampleValues(stepKey, round) },
  }) as unknown as StepRecord));
  const text = records.flatMap(recordValues).map(([label, value]) => `<p>${label}：${value}</p>`).join('');
  expect(visibleProblems(text)).toEqual([]);
});
