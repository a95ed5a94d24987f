import { z } from 'zod';
import type { ElectionStepKey } from '../domain/election/election';
import { ELECTION_FORM_LABELS } from '../domain/election/election';
import { ELECTION_RULE_SETS, ruleSetLabel } from '../domain/election/rule-set';
import { choice, isoDate, optionalText, requiredText, type FormField } from './form-fields';
import { count, nameCounts, nameList } from './election-lines';

const field = (name: string, label: string, type: FormField['type'], required = true, help?: string, options?: FormField['options']): FormField =>
  ({ name, label, type, required, ...(help ? { help } : {}), ...(options ? { options } : {}) });

const LINES_HELP = '每行一人，姓名与数字之间用空格或逗号分隔。';

// ── Creating an election: the written request to the higher organization (step 1) ──────────────────────────────
export const createElectionSchema = z.object({
  form: choice('选举方式', ['gongtui', 'haixuan', 'standard']),
  seats: count('委员名额', 1, 31),
  deputies: count('副书记职数', 0, 1),
  meetingDate: isoDate('计划召开党员大会日期'),
  structure: requiredText('委员会结构（职数、分工）', 500),
  method: requiredText('选举办法要点', 1000),
  rulesVersion: choice('选举规则版本', Object.keys(ELECTION_RULE_SETS) as [string, ...string[]]).default('2020'),
  /** The page's one-time key (a hidden field): a repeated submission finds the election it created. */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '表单已失效，请刷新页面后重新填写。').optional(),
});
export const createElectionFields: FormField[] = [
  field('form', '选举方式', 'select', true, '创建后不能更改。', Object.entries(ELECTION_FORM_LABELS).map(([value, label]) => ({ value, label }))),
  field('seats', '委员名额', 'number', true, '含书记、副书记；3 至 31 名。有表决权的正式党员不足 7 名的支部不设委员会，只选书记（必要时加副书记）：填 1 或 2。'),
  field('deputies', '副书记职数', 'number', true, '0 或 1。'),
  field('meetingDate', '计划召开党员大会日期', 'date'),
  field('structure', '委员会结构（职数、分工）', 'textarea'),
  field('method', '选举办法要点', 'textarea'),
  field('rulesVersion', '选举规则版本', 'select', true, '新的选举按 2020 条例；按 1990 暂行条例进行的选举可选后者。选举开始后不能更改。',
    Object.keys(ELECTION_RULE_SETS).sort().reverse().map((value) => ({ value, label: ruleSetLabel(ELECTION_RULE_SETS[value]) }))),
];

// ── The human steps ───────────────────────────────────────────────────────────────────────────────────────────────
/** The announcement to members, published as an internal notice of the organization (换届选举公告). */
const announcement = z.object({
  title: requiredText('公告标题', 100),
  body: requiredText('公告正文', 4000),
  periodUnit: choice('公告期计算方式', ['workingDays', 'calendarDays']),
  periodCount: count('公告期天数', 1, 30),
});
const mobilization = z.object({
  meetingDate: isoDate('动员大会日期'),
  attendees: count('参会人数', 1),
  notes: optionalText('会议记录摘要', 2000),
});
const evaluation = z.object({
  meetingDate: isoDate('述职评议会日期'),
  raters: count('参加评议人数', 1),
  teamGood: count('班子评价“好”票数'),
  teamFairlyGood: count('班子评价“较好”票数'),
  teamAverage: count('班子评价“一般”票数'),
  teamPoor: count('班子评价“差”票数'),
  personRatings: nameCounts('委员个人评议', ['优秀', '称职', '基本称职', '不称职'], true),
});
const recommendation = z.object({
  organizationNominees: nameList('组织推荐人选'),
  jointNominations: nameCounts('党员联名推荐', ['联名人数']),
  selfNominees: nameList('个人自荐人选'),
  memberVoters: count('参加推荐的党员人数', 1),
  staffVoters: count('参加推荐的群众人数'),
  votes: nameCounts('推荐票', ['党员票', '群众票'], true),
});
const openBallot = z.object({
  meetingDate: isoDate('投票日期'),
  shouldAttend: count('应到人数', 1),
  present: count('实到人数', 0),
  ballotsReturned: count('收回选票数', 0),
  votes: nameCounts('首轮公开投票得票', ['票数'], true),
});
const seatsDecision = z.object({
  decision: choice('大会决定', ['further', 'fewer']),
  votesFor: count('同意票数', 0),
  present: count('实到人数', 1),
  note: optionalText('说明', 500),
});
const officersMeeting = z.object({
  meetingDate: isoDate('委员会第一次全体会议日期'),
  secretary: requiredText('书记', 20),
  deputy: optionalText('副书记', 20),
});
const resultsRejected = z.object({
  decision: choice('处理决定', ['rerun', 'end']),
  note: requiredText('说明', 500),
});

/** The zod schema of each form step (round steps are entered with recordRound). */
export const ELECTION_STEP_SCHEMAS = {
  announcement, mobilization, evaluation, recommendation, 'open-ballot': openBallot,
  'seats-decision': seatsDecision, 'officers-meeting': officersMeeting, 'results-rejected': resultsRejected,
} satisfies Partial<Record<ElectionStepKey, z.ZodType>>;

export type ElectionFormStepKey = keyof typeof ELECTION_STEP_SCHEMAS;
export type ElectionStepValues<K extends ElectionFormStepKey> = z.infer<(typeof ELECTION_STEP_SCHEMAS)[K]>;

export const isFormStep = (stepKey: string): stepKey is ElectionFormStepKey => Object.hasOwn(ELECTION_STEP_SCHEMAS, stepKey);

/** The fields of each form step, for pages that render any step. `officers-meeting` names only the elected. */
export const ELECTION_STEP_FIELDS: Record<ElectionFormStepKey, FormField[]> = {
  announcement: [
    field('title', '公告标题', 'text'),
    field('body', '公告正文', 'textarea', true, '提交后作为本组织内部公示发布（不在公示栏公开），可打印后在单位内部张贴。'),
    field('periodUnit', '公告期计算方式', 'select', true, undefined, [{ value: 'workingDays', label: '工作日' }, { value: 'calendarDays', label: '自然日' }]),
    field('periodCount', '公告期天数', 'number', true, '默认按选举规则；公告期满自动结束，不影响后续步骤。'),
  ],
  mobilization: [field('meetingDate', '动员大会日期', 'date'), field('attendees', '参会人数', 'number'), field('notes', '会议记录摘要', 'textarea', false)],
  evaluation: [
    field('meetingDate', '述职评议会日期', 'date'),
    field('raters', '参加评议人数', 'number'),
    field('teamGood', '班子评价“好”票数', 'number'),
    field('teamFairlyGood', '班子评价“较好”票数', 'number'),
    field('teamAverage', '班子评价“一般”票数', 'number'),
    field('teamPoor', '班子评价“差”票数', 'number'),
    field('personRatings', '委员个人评议', 'textarea', true, `${LINES_HELP}格式：姓名 优秀 称职 基本称职 不称职。不称职票超过三分之一的，不再提名。`),
  ],
  recommendation: [
    field('organizationNominees', '组织推荐人选', 'textarea', false, '姓名之间用顿号、逗号或换行分隔。'),
    field('jointNominations', '党员联名推荐', 'textarea', false, `${LINES_HELP}格式：姓名 联名人数（不少于规定人数）。`),
    field('selfNominees', '个人自荐人选', 'textarea', false, '姓名之间用顿号、逗号或换行分隔。'),
    field('memberVoters', '参加推荐的党员人数', 'number'),
    field('staffVoters', '参加推荐的群众人数', 'number', true, '没有群众参加推荐的填 0。'),
    field('votes', '推荐票', 'textarea', true, `${LINES_HELP}格式：姓名 党员票 群众票。得票超过半数者按得票排序。`),
  ],
  'open-ballot': [
    field('meetingDate', '投票日期', 'date', true, '召开党员大会进行首轮公开投票的日期。'),
    field('shouldAttend', '应到人数', 'number'),
    field('present', '实到人数', 'number'),
    field('ballotsReturned', '收回选票数', 'number'),
    field('votes', '首轮公开投票得票', 'textarea', true, `${LINES_HELP}格式：姓名 票数。按得票多少确定候选人预备人选。`),
  ],
  'seats-decision': [
    field('decision', '大会决定', 'select', true, '减少名额须经大会过半数同意。', [{ value: 'further', label: '另行选举（在未当选的人中）' }, { value: 'fewer', label: '减少名额，不再选举' }]),
    field('votesFor', '同意票数', 'number'),
    field('present', '实到人数', 'number'),
    field('note', '说明', 'textarea', false),
  ],
  'officers-meeting': [
    field('meetingDate', '委员会第一次全体会议日期', 'date'),
    field('secretary', '书记', 'select', true, '从当选委员中选择。'),
    field('deputy', '副书记', 'select', false, '从当选委员中选择；不设副书记的留空。'),
  ],
  'results-rejected': [
    field('decision', '处理决定', 'select', true, undefined, [{ value: 'rerun', label: '重新进行选举' }, { value: 'end', label: '终止本次选举' }]),
    field('note', '说明', 'textarea'),
  ],
};

/** The officers-meeting fields with the elected members as options. */
export function officersMeetingFields(elected: readonly string[]): FormField[] {
  const options = elected.map((name) => ({ value: name, label: name }));
  return ELECTION_STEP_FIELDS['officers-meeting'].map((f) => (f.type === 'select' ? { ...f, options } : f));
}

/** A voting round as entered: the meeting's numbers and the ballots (see ballot-entry.ts, reconcileRound). */
export const roundMeetingSchema = z.object({
  meetingDate: isoDate('投票日期'),
  shouldAttend: count('应到人数', 1),
  present: count('实到人数', 0),
  ballotsIssued: count('发出选票数', 0),
});
export const ROUND_MEETING_FIELDS: FormField[] = [
  field('meetingDate', '投票日期', 'date', true, '党员大会进行本轮投票的日期。'),
  field('shouldAttend', '应到人数', 'number', true, '有选举权的正式党员，除因故不能参加者外。'),
  field('present', '实到人数', 'number'),
  field('ballotsIssued', '发出选票数', 'number'),
];

/** The candidates of the secretary's or deputy's ballot, entered before it is printed (one name per line, or a list). */
export const officerCandidatesSchema = z.object({
  contest: choice('选举职务', ['secretary', 'deputy']).optional(),
  candidates: z.preprocess(
    (v) => (typeof v === 'string' ? v.split(/[\s,，、]+/).filter(Boolean) : v),
    z.array(z.string({ error: '候选人姓名格式不正确。' }).trim().min(1).max(20, '候选人姓名过长。'), { error: '请选择候选人。' }).max(31, '候选人过多。'),
  ),
});
