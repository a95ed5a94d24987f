import type { StageOutcome } from '../../shared/domain/development/case';
import type { NoticeNode } from '../../shared/domain/development/rule-set';
import type { StageNo, StepKey } from '../../shared/domain/development/steps';

/** Handler ids of the Lambda tasks of the development stages. */
export const DevelopmentHandler = {
  awaitStep: 'development-await-step',
  prepareNotice: 'development-prepare-notice',
  prepareApproval: 'development-prepare-approval',
  recordDecision: 'development-record-decision',
  file: 'development-file',
  endStage: 'development-end-stage',
} as const;

export const developmentWorkflowName = (stage: StageNo) => `development-stage-${stage}` as const;

const pascal = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** State names: the steps in English (Talk, ActivistDecision, …), the notice nodes, the approvals, the ends. */
export const DevelopmentState = {
  step: (key: StepKey) => pascal(key),
  noticeSwitch: (node: NoticeNode) => `${pascal(node)}NoticeOn`,
  prepareNotice: (node: NoticeNode) => `Prepare${pascal(node)}Notice`,
  notice: (node: NoticeNode) => `${pascal(node)}Notice`,
  routeNotice: (node: NoticeNode) => `Route${pascal(node)}Notice`,
  noticeReview: (node: NoticeNode) => `${pascal(node)}NoticeReview`,
  routeNoticeReview: (node: NoticeNode) => `Route${pascal(node)}NoticeReview`,
  prepareApproval: (key: StepKey) => `Prepare${pascal(key)}`,
  recordApproval: (key: StepKey) => `Record${pascal(key)}`,
  routeApproval: (key: StepKey) => `Route${pascal(key)}`,
  routeStep: (key: StepKey) => `Route${pascal(key)}`,
  end: (outcome: StageOutcome, why?: string) => `Stage${pascal(outcome.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase()))}${why ? pascal(why) : ''}`,
} as const;

/** Where a step's result sits in the execution's state (JSONPath-safe names). */
export const resultPathOf = {
  step: (key: StepKey) => `$.steps.${key}`,
  noticeReview: (node: NoticeNode) => `$.steps.${node}NoticeReview`,
  notice: (node: NoticeNode) => `$.notices.${node}`,
  approval: (key: StepKey) => `$.approvals.${key}`,
} as const;
