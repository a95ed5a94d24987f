import type { z } from 'zod';
import { CONVERSION_OUTCOME_LABELS } from '../domain/development/conversion';
import { CONFIRM_VOTE_FAILED_FIELD, CONFIRM_VOTE_FAILED_LABEL } from '../domain/development/vote';
import type { DevelopmentTaskKey, NoticeReviewKey, StepKey } from '../domain/development/steps';
import { f, formSchema, type FieldSpec } from './development-fields';
import type { FormField } from './form-fields';


const voteFields: FieldSpec[] = [
  f.count('shouldAttend', '应到会有表决权的正式党员人数', true, '扣除按规定不计入应到会人数的党员（须登记原因）后的人数'),
  f.textarea('exclusions', '不计入应到会人数的党员及原因', 2000, '如：出国出境半年以上、正在服刑、长期患病等；没有请填“无”'),
  f.count('present', '实到会有表决权的正式党员人数'),
  f.count('yes', '会上赞成票数'),
  f.count('writtenYes', '未到会党员书面表示赞成的人数', false),
  f.count('writtenNo', '未到会党员书面表示不赞成或弃权的人数', false),
  f.checkbox('oneAtATime', '逐个讨论、逐个表决（无记名投票）', true),
  f.textarea('discussion', '讨论情况', 5000),
  f.checkbox(CONFIRM_VOTE_FAILED_FIELD, CONFIRM_VOTE_FAILED_LABEL, false, '表决未通过的，本阶段即告结束，须重新办理；核对人数和票数无误后勾选'),
];

/** The fields of every form step, the 'record' steps, the application (step 1) and the notice reviews. */
export const STEP_FORM_FIELDS: Record<Exclude<StepKey, 'activistFiling' | 'targetFiling' | 'preReview' | 'admissionApproval' | 'admissionFiling' | 'conversionApproval'>, FieldSpec[]> = {
  application: [
    f.person('personId', '入党申请人'),
    f.date('applicationDate', '收到入党申请书日期'),
    f.optionalText('ruleSetVersion', '适用规则版本', 20, '不填则按 2014 年《中国共产党发展党员工作细则》'),
  ],
  talk: [
    f.date('talkDate', '谈话日期', '应在收到入党申请书后 1 个月内'),
    f.text('talker', '谈话人（姓名、职务）', 100),
    f.textarea('content', '谈话内容'),
    f.optionalTextarea('lateReason', '超过 1 个月谈话的原因', 1000),
  ],
  activistDecision: [
    f.date('decisionDate', '确定入党积极分子日期'),
    f.count('memberRecommendations', '党员推荐票数'),
    f.count('massRecommendations', '群团组织推优票数'),
    f.select('decidedBy', '决定机构', { 'branch-committee': '支部委员会', 'general-meeting': '支部大会（未设支部委员会）' }, ['branch-committee', 'general-meeting']),
    f.textarea('minutes', '研究决定情况'),
  ],
  contacts: [f.date('assignedDate', '指定日期'), f.people('contactIds', '培养联系人（1至2名正式党员）')],
  evaluation: [f.date('evaluationDate', '考察日期'), f.textarea('content', '考察意见')],
  targetDecision: [
    f.date('decisionDate', '确定发展对象日期'),
    f.textarea('groupOpinion', '党小组意见', 2000),
    f.textarea('contactsOpinion', '培养联系人意见', 2000),
    f.textarea('membersOpinion', '党员和群众意见', 2000),
    f.textarea('minutes', '支部委员会研究决定情况'),
  ],
  sponsors: [f.date('assignedDate', '确定日期'), f.people('sponsorIds', '入党介绍人（2名正式党员）')],
  politicalReview: [
    f.date('reviewDate', '政治审查日期'),
    f.select('result', '政审结论', { qualified: '合格', unqualified: '不合格' }, ['qualified', 'unqualified']),
    f.textarea('conclusion', '政治审查综合材料（书面结论）'),
  ],
  training: [
    f.date('startDate', '培训开始日期'),
    f.date('endDate', '培训结束日期'),
    f.amount('days', '培训天数'),
    f.amount('hours', '培训学时'),
    f.text('organizer', '举办单位', 100),
    f.optionalText('certificate', '结业证书编号', 50),
  ],
  committeeReview: [
    f.date('reviewDate', '支部委员会审查日期'),
    f.textarea('conclusion', '审查意见'),
    f.optionalDate('expectedLeavingDate', '预计离开本单位日期', '3 个月内离开本单位的，一般不办理接收手续'),
    f.optionalTextarea('leavingReason', '确需继续办理的原因', 1000),
  ],
  applicationForm: [f.date('filledDate', '填写入党志愿书日期'), f.optionalText('formNumber', '入党志愿书编号', 50)],
  generalMeeting: [f.date('meetingDate', '支部大会日期'), ...voteFields],
  interview: [f.date('interviewDate', '谈话日期'), f.text('interviewer', '谈话人（上级党委委员或组织员）', 100), f.textarea('content', '谈话情况')],
  placement: [f.date('placedDate', '编入日期'), f.text('partyGroup', '编入的党小组', 100)],
  oath: [f.date('oathDate', '宣誓日期'), f.text('place', '宣誓地点', 100), f.optionalText('leader', '领誓人', 50)],
  probationEvaluation: [f.date('evaluationDate', '考察日期'), f.textarea('content', '考察意见')],
  conversionApplication: [f.date('applicationDate', '提出转正申请日期'), f.optionalTextarea('summary', '申请要点', 2000)],
  conversionMeeting: [
    f.date('meetingDate', '支部大会日期'),
    f.select('outcome', '讨论结果', CONVERSION_OUTCOME_LABELS, ['on-time', 'extend', 'cancel']),
    f.count('extensionMonths', '延长预备期月数', false, '延长预备期时填写：6 至 12 个月，只能延长一次'),
    f.optionalTextarea('reason', '延长或取消的理由', 2000),
    ...voteFields,
  ],
  archive: [f.date('archivedDate', '归档日期'), f.text('location', '档案存放处', 100)],
};

export const NOTICE_REVIEW_FIELDS: FieldSpec[] = [
  f.date('reviewedDate', '复核日期'),
  f.select('decision', '复核结论', { proceed: '异议不成立，继续办理', stop: '异议查实，终止发展' }, ['proceed', 'stop']),
  f.textarea('findings', '复核情况'),
];

export type FormStepKey = keyof typeof STEP_FORM_FIELDS;

export function isFormStepKey(key: string): key is FormStepKey {
  return Object.prototype.hasOwnProperty.call(STEP_FORM_FIELDS, key);
}

const specsOf = (key: FormStepKey | NoticeReviewKey): FieldSpec[] => (isFormStepKey(key) ? STEP_FORM_FIELDS[key] : NOTICE_REVIEW_FIELDS);

/** The field list of a step's form, for pages that render any step generically (plus notes and attachments). */
export function stepFormFields(key: FormStepKey | NoticeReviewKey): FormField[] {
  return [...specsOf(key).map((spec) => spec.field), { name: 'notes', label: '备注', type: 'textarea', required: false }];
}

/** The zod schema of a step's form (Chinese messages); the service adds the rules of docs/domain/development.md. */
export function stepFormSchema(key: FormStepKey | NoticeReviewKey): z.ZodType<Record<string, unknown> & { attachments: unknown[]; notes?: string }> {
  return formSchema(specsOf(key)) as unknown as z.ZodType<Record<string, unknown> & { attachments: unknown[]; notes?: string }>;
}

/** Whether staff fill in `key` through a form (a form or record step, or a notice review). */
export function hasForm(key: DevelopmentTaskKey): key is FormStepKey | NoticeReviewKey {
  return isFormStepKey(key) || key.startsWith('noticeReview-');
}
