import type { NoticeNode } from './rule-set';

/** The 25 steps of member development (docs/domain/development.md) as data: the workflows, forms and pages are built from it. */

export type StageNo = 1 | 2 | 3 | 4 | 5;

/**
 * form: staff fill in a form while a stage workflow waits; approval: the higher committee decides by e-mail link;
 * filing: recorded and mailed to the higher organization (not waited on); record: recorded during a period outside
 * any workflow execution (6, 19, 20, 21); system: recorded by the system.
 */
export type StepKind = 'form' | 'approval' | 'filing' | 'record' | 'system';
export type StepActor = 'branch-staff' | 'committee-staff' | 'system';

export type StepKey =
  | 'application' | 'talk'
  | 'activistDecision' | 'activistFiling' | 'contacts' | 'evaluation'
  | 'targetDecision' | 'targetFiling' | 'sponsors' | 'politicalReview' | 'training'
  | 'committeeReview' | 'preReview' | 'applicationForm' | 'generalMeeting' | 'interview' | 'admissionApproval' | 'admissionFiling'
  | 'placement' | 'oath' | 'probationEvaluation' | 'conversionApplication' | 'conversionMeeting' | 'conversionApproval' | 'archive';

export interface DevelopmentStep {
  no: number;
  stage: StageNo;
  key: StepKey;
  label: string;
  kind: StepKind;
  actor: StepActor;
}

const step = (no: number, stage: StageNo, key: StepKey, label: string, kind: StepKind, actor: StepActor): DevelopmentStep => ({ no, stage, key, label, kind, actor });

export const DEVELOPMENT_STEPS: readonly DevelopmentStep[] = Object.freeze([
  step(1, 1, 'application', '递交入党申请书', 'form', 'branch-staff'),
  step(2, 1, 'talk', '派人谈话', 'form', 'branch-staff'),
  step(3, 2, 'activistDecision', '推荐和确定入党积极分子', 'form', 'branch-staff'),
  step(4, 2, 'activistFiling', '报上级党委备案', 'filing', 'system'),
  step(5, 2, 'contacts', '指定培养联系人', 'form', 'branch-staff'),
  step(6, 2, 'evaluation', '培养教育考察', 'record', 'branch-staff'),
  step(7, 3, 'targetDecision', '确定发展对象', 'form', 'branch-staff'),
  step(8, 3, 'targetFiling', '报上级党委备案', 'filing', 'system'),
  step(9, 3, 'sponsors', '确定入党介绍人', 'form', 'branch-staff'),
  step(10, 3, 'politicalReview', '进行政治审查', 'form', 'committee-staff'),
  step(11, 3, 'training', '开展集中培训', 'form', 'committee-staff'),
  step(12, 4, 'committeeReview', '支部委员会审查', 'form', 'branch-staff'),
  step(13, 4, 'preReview', '上级党委预审', 'approval', 'committee-staff'),
  step(14, 4, 'applicationForm', '填写入党志愿书', 'form', 'branch-staff'),
  step(15, 4, 'generalMeeting', '支部大会讨论', 'form', 'branch-staff'),
  step(16, 4, 'interview', '上级党委派人谈话', 'form', 'committee-staff'),
  step(17, 4, 'admissionApproval', '上级党委审批', 'approval', 'committee-staff'),
  step(18, 4, 'admissionFiling', '再上一级党委组织部门备案', 'filing', 'system'),
  step(19, 5, 'placement', '编入党支部和党小组', 'record', 'branch-staff'),
  step(20, 5, 'oath', '入党宣誓', 'record', 'branch-staff'),
  step(21, 5, 'probationEvaluation', '继续教育考察', 'record', 'branch-staff'),
  step(22, 5, 'conversionApplication', '提出转正申请', 'form', 'branch-staff'),
  step(23, 5, 'conversionMeeting', '支部大会讨论转正', 'form', 'branch-staff'),
  step(24, 5, 'conversionApproval', '上级党委审批转正', 'approval', 'committee-staff'),
  step(25, 5, 'archive', '材料归档', 'form', 'committee-staff'),
]);

export const STAGE_LABELS: Record<StageNo, string> = {
  1: '第一阶段：申请入党',
  2: '第二阶段：入党积极分子的确定和培养教育',
  3: '第三阶段：发展对象的确定和考察',
  4: '第四阶段：预备党员的接收',
  5: '第五阶段：预备党员的教育考察和转正',
};

/** A notice node (docs/domain/notices-and-calendar.md) sits right after step `afterStep` (and before the step that follows it). */
export interface NoticeNodePosition {
  node: NoticeNode;
  stage: StageNo;
  afterStep: number;
}

export const NOTICE_NODE_POSITIONS: readonly NoticeNodePosition[] = Object.freeze([
  { node: 'activist', stage: 2, afterStep: 3 },
  { node: 'developmentTarget', stage: 3, afterStep: 7 },
  { node: 'admission', stage: 4, afterStep: 13 },
  { node: 'conversion', stage: 5, afterStep: 22 },
]);

/** After a postponed notice (暂缓), staff record after the review date whether the case proceeds or stops. */
export type NoticeReviewKey = `noticeReview-${NoticeNode}`;
export const noticeReviewKey = (node: NoticeNode): NoticeReviewKey => `noticeReview-${node}`;

/** Every key a 'development-step' pending task can carry: a form step or a notice review. */
export type DevelopmentTaskKey = StepKey | NoticeReviewKey;

export function stepByKey(key: StepKey): DevelopmentStep {
  const found = DEVELOPMENT_STEPS.find((s) => s.key === key);
  if (!found) throw new Error(`Unknown development step ${key}`);
  return found;
}

export function stepsOfStage(stage: StageNo): DevelopmentStep[] {
  return DEVELOPMENT_STEPS.filter((s) => s.stage === stage);
}

export function isStepKey(key: string): key is StepKey {
  return DEVELOPMENT_STEPS.some((s) => s.key === key);
}

export function isNoticeReviewKey(key: string): key is NoticeReviewKey {
  return NOTICE_NODE_POSITIONS.some((p) => noticeReviewKey(p.node) === key);
}

export function noticeNodeOfReviewKey(key: NoticeReviewKey): NoticeNode {
  return key.slice('noticeReview-'.length) as NoticeNode;
}
