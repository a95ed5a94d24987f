import { createRequestDecisionHandler } from '../../functions/approval/request-decision';
import { createOpenAssessmentReportHandler } from '../../functions/assessment/open-report';
import { createOpenAssessmentReviewHandler } from '../../functions/assessment/open-review';
import { createPeriodDoneHandler } from '../../functions/assessment/period-done';
import { createNoteYearEndDecisionHandler } from '../../functions/assessment/year-end-note-decision';
import { createOpenYearEndRatingHandler } from '../../functions/assessment/year-end-open-rating';
import { createPrepareYearEndApprovalHandler } from '../../functions/assessment/year-end-prepare-approval';
import { createPublishYearEndHandler } from '../../functions/assessment/year-end-publish';
import { createNoteElectionDecisionHandler } from '../../functions/election/note-decision';
import { createNoteCandidateNoticesHandler } from '../../functions/election/note-notices';
import { createOpenElectionStepHandler } from '../../functions/election/open-step';
import { createPrepareElectionApprovalHandler } from '../../functions/election/prepare-approval';
import { createPrepareAnnouncementHandler } from '../../functions/election/prepare-announcement';
import { createPrepareCandidateNoticesHandler } from '../../functions/election/prepare-notices';
import { createRecordElectionResultsHandler } from '../../functions/election/record-results';
import { createNoteEvaluationDecisionHandler } from '../../functions/evaluation/note-decision';
import { createOpenEvaluationStepHandler } from '../../functions/evaluation/open-step';
import { createPrepareEvaluationApprovalHandler } from '../../functions/evaluation/prepare-approval';
import { createPrepareGradesNoticeHandler } from '../../functions/evaluation/prepare-notice';
import { createRecordEvaluationGradesHandler } from '../../functions/evaluation/record-grades';
import { createAwaitStepHandler } from '../../functions/development/await-step';
import { createEndStageHandler } from '../../functions/development/end-stage';
import { createFileHandler } from '../../functions/development/file';
import { createPrepareApprovalHandler } from '../../functions/development/prepare-approval';
import { createPrepareNoticeHandler } from '../../functions/development/prepare-notice';
import { createRecordDecisionHandler } from '../../functions/development/record-decision';
import { createAwaitObjectionOutcomesHandler } from '../../functions/notice/await-objection-outcomes';
import { createCloseNoticeHandler } from '../../functions/notice/close-notice';
import { createPublishNoticeHandler } from '../../functions/notice/publish-notice';
import { createTickHandler } from '../../functions/scheduler/tick';
import { createOpenTransferStepHandler } from '../../functions/transfer/open-step';
import type { ServiceDeps } from '../../shared/services/deps';
import { ApprovalHandler } from '../../workflows/approval/approval-states';
import { AssessmentHandler, YearEndHandler } from '../../workflows/assessment/assessment-states';
import { ElectionHandler } from '../../workflows/election/election-states';
import { EvaluationHandler } from '../../workflows/evaluation/evaluation-states';
import { DevelopmentHandler } from '../../workflows/development/development-states';
import { NoticeHandler } from '../../workflows/notice/notice-states';
import { TransferHandler } from '../../workflows/transfer/transfer-states';
import type { LocalLambda } from './step-functions/types';

/** The workflow task handlers by handler id — the same modules the CDK app bundles, given local dependencies. */
export function localLambdas(deps: ServiceDeps): Record<string, LocalLambda> {
  return {
    [NoticeHandler.publish]: createPublishNoticeHandler(deps),
    [NoticeHandler.close]: createCloseNoticeHandler(deps),
    [NoticeHandler.awaitOutcomes]: createAwaitObjectionOutcomesHandler(deps),
    [ApprovalHandler.request]: createRequestDecisionHandler(deps),
    [ElectionHandler.openStep]: createOpenElectionStepHandler(deps),
    [ElectionHandler.prepareApproval]: createPrepareElectionApprovalHandler(deps),
    [ElectionHandler.noteDecision]: createNoteElectionDecisionHandler(deps),
    [ElectionHandler.prepareAnnouncement]: createPrepareAnnouncementHandler(deps),
    [ElectionHandler.prepareNotices]: createPrepareCandidateNoticesHandler(deps),
    [ElectionHandler.noteNotices]: createNoteCandidateNoticesHandler(deps),
    [ElectionHandler.recordResults]: createRecordElectionResultsHandler(deps),
    [EvaluationHandler.openStep]: createOpenEvaluationStepHandler(deps),
    [EvaluationHandler.prepareApproval]: createPrepareEvaluationApprovalHandler(deps),
    [EvaluationHandler.noteDecision]: createNoteEvaluationDecisionHandler(deps),
    [EvaluationHandler.prepareNotice]: createPrepareGradesNoticeHandler(deps),
    [EvaluationHandler.recordGrades]: createRecordEvaluationGradesHandler(deps),
    [DevelopmentHandler.awaitStep]: createAwaitStepHandler(deps),
    [DevelopmentHandler.prepareNotice]: createPrepareNoticeHandler(deps),
    [DevelopmentHandler.prepareApproval]: createPrepareApprovalHandler(deps),
    [DevelopmentHandler.recordDecision]: createRecordDecisionHandler(deps),
    [DevelopmentHandler.file]: createFileHandler(deps),
    [DevelopmentHandler.endStage]: createEndStageHandler(deps),
    [TransferHandler.openStep]: createOpenTransferStepHandler(deps),
    [AssessmentHandler.openReport]: createOpenAssessmentReportHandler(deps),
    [AssessmentHandler.openReview]: createOpenAssessmentReviewHandler(deps),
    [AssessmentHandler.periodDone]: createPeriodDoneHandler(deps),
    [YearEndHandler.openRating]: createOpenYearEndRatingHandler(deps),
    [YearEndHandler.prepareApproval]: createPrepareYearEndApprovalHandler(deps),
    [YearEndHandler.noteDecision]: createNoteYearEndDecisionHandler(deps),
    [YearEndHandler.publish]: createPublishYearEndHandler(deps),
    'scheduler-tick': createTickHandler(deps),
  };
}
