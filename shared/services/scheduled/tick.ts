import { listActiveCases } from '../../store/cases-repo';
import type { ServiceDeps } from '../deps';
import { retryUndeliveredApprovalCallbacks, runApprovalReminders } from '../approval';
import { runDevelopmentReminders } from '../development/reminders';
import { applyElectionEndDecisions } from '../election/end-election';
import { openDueAssessmentPeriods } from '../assessment/open-periods';
import { mailEvaluationFollowUpReminders } from '../evaluation/follow-up-reminders';
import { remindAssessmentReports } from '../assessment/report-reminders';
import { closeAssessmentReviews } from '../assessment/review-deadline';
import { retryUndeliveredCallbacks } from '../tasks/deliver-callback';
import { warnAboutMissingCalendar } from './calendar-warning';
import { sendTermReminders } from './term-reminders';
import { warnAboutDevelopmentDeadlines } from './development-warnings';
import { mailTransferWarnings } from './transfer-warnings';
import { acceptWaitingTransfers } from './transfer-acceptances';
import { recordWaitingReceipts } from './transfer-receipts';

/** The scheduler's periodic work (EventBridge Scheduler in AWS, the local scheduler emulation on this machine). */
export async function runScheduledWork(deps: ServiceDeps): Promise<{
  callbacksRetried: number;
  calendarWarnings: number[];
  approvalCallbacksRetried: number;
  approvalReminders: number;
  approvalsOverdue: number;
  termReminders: string[];
  developmentWarnings: number;
  development: Awaited<ReturnType<typeof runDevelopmentReminders>>;
  electionEnds: number;
  transferWarnings: number;
  transfersAccepted: number;
  receiptsRecorded: number;
  assessmentPeriodsOpened: string[];
  evaluationReminders: number;
  assessmentReminders: number;
  assessmentReviewMails: number;
}> {
  const callbacksRetried = await retryUndeliveredCallbacks(deps);
  const approvalCallbacksRetried = await retryUndeliveredApprovalCallbacks(deps);
  const { reminders: approvalReminders, overdue: approvalsOverdue } = await runApprovalReminders(deps);
  const calendarWarnings = await warnAboutMissingCalendar(deps);
  const { sent: termReminders } = await sendTermReminders(deps);
  const activeCases = await listActiveCases(deps.store); // read once for the reminders and the warnings
  const development = await runDevelopmentReminders(deps, activeCases);
  const developmentWarnings = await warnAboutDevelopmentDeadlines(deps, activeCases);
  const electionEnds = await applyElectionEndDecisions(deps);
  const transferWarnings = await mailTransferWarnings(deps);
  const transfersAccepted = await acceptWaitingTransfers(deps);
  const receiptsRecorded = await recordWaitingReceipts(deps);
  const assessmentPeriodsOpened = await openDueAssessmentPeriods(deps);
  const evaluationReminders = (await mailEvaluationFollowUpReminders(deps)).length;
  const assessmentReminders = await remindAssessmentReports(deps);
  const assessmentReviewMails = await closeAssessmentReviews(deps);
  return { assessmentPeriodsOpened, assessmentReminders, assessmentReviewMails, evaluationReminders, callbacksRetried, calendarWarnings, approvalCallbacksRetried, approvalReminders, approvalsOverdue, termReminders, development, developmentWarnings, electionEnds, transferWarnings, transfersAccepted, receiptsRecorded };
}
