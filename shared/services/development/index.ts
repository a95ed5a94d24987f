/** Member development (docs/domain/development.md, issue 5): the service API of the pages, the stage workflows' tasks and the scheduler. */
export { openCase } from './open-case';
export { caseEndingView, endCase } from './end-case';
export { startStage, startStageExecution, stageWorkflow, type StageInput } from './stages';
export { submitStepForm, recordPeriodStep, checkAdmissionNoticeCleared } from './submit-step';
export { getCaseFile, listCases, type CaseFile, type CaseApprovalView, type CaseFilingView, type OpenCaseStep, type OpenObjectionTask } from './case-file';
export { getRuleSet, saveRuleSet } from './rule-sets';
export { openStepTask, endStage } from './step-tasks';
export { prepareCaseNotice, caseNoticeId } from './notice-tasks';
export { prepareCaseApproval, recordApprovalDecision, caseApprovalId, type CaseApprovalStep } from './approval-tasks';
export { recordFiling, viewFilingLink, acknowledgeFiling, filingLinkUrl, type CaseFilingStep, type FilingLinkView } from './filings';
export { developmentTaskId } from './case-writes';
export { remindStageStart, watchAdmissionApproval } from './reminders';
export {
  DevelopmentStageTooEarlyError, DevelopmentCaseStateError, DevelopmentRuleViolationError, DevelopmentCaseExistsError, FilingLinkInvalidError,
} from './errors';
