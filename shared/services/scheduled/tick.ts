import type { ServiceDeps } from '../deps';
import { retryUndeliveredApprovalCallbacks, runApprovalReminders } from '../approval';
import { applyElectionEndDecisions } from '../election/end-election';
import { openDueAssessmentPeriods } from '../assessment/open-periods';
import { mailEvaluationFollowUpReminders } from '../evaluation/follow-up-reminders';
import { remindAssessmentReports } from '../assessment/report-reminders';
import { closeAssessmentReviews } from '../assessment/review-deadline';
import { retryUndeliveredCallbacks } from '../tasks/deliver-callback';
import { warnAboutMissingCalendar } from './calendar-warning';
import { sendTermReminders } from './term-reminders';
import { backfillDueIndex } from './due-backfill';
import { backfillPersonNameIndex } from '../registry/people-name-backfill';
import { backfillOpenTaskIndex } from './open-task-backfill';
import { backfillTransfersUnderway } from './transfer-underway-backfill';
import { backfillListings } from './listing-backfill';
import { runDueCases } from './due-cases';
import { runDueTransfers } from './due-transfers';
import { loadOrgTree } from '../authorization';
import { readyCaseCounters, relistActiveCases } from '../development/case-counts';

/** The scheduler's periodic work (EventBridge Scheduler in AWS, the local scheduler emulation on this machine). */
export async function runScheduledWork(deps: ServiceDeps): Promise<{
  callbacksRetried: number;
  calendarWarnings: number[];
  approvalCallbacksRetried: number;
  approvalReminders: number;
  approvalsOverdue: number;
  termReminders: string[];
  /** The term entries of the due index: written by their keying (undefined: keyed before), organizations looked at. */
  termIndex: { keyed: number | undefined; woken: number };
  developmentWarnings: number;
  development: { stageReminders: number; approvalsOverdue: number; approvalsBlocked: number };
  /** The due index (docs/domain/scheduler.md): entries written by its one-time backfills (undefined: done before), items woken. */
  dueIndex: { backfilled: number | undefined; casesWoken: number; transfersWoken: number };
  /** Tasks put in the province-wide list of open tasks by its one-time backfill (undefined: done before). */
  openTasksBackfilled: number | undefined;
  /** Transfers put in the province-wide list of transfers under way by its one-time backfill (undefined: done before). */
  transfersUnderwayBackfilled: number | undefined;
  /** Active cases listed again under their organization's path after moves (undefined: nothing moved). */
  casesRelisted: number | undefined;
  /** Entries put in the province-wide lists of approvals, of notices and of elections by their one-time backfill (undefined: done before). */
  listingsBackfilled: { approvals: number | undefined; notices: number | undefined; elections: number | undefined };
  electionEnds: number;
  transferWarnings: number;
  transfersAccepted: number;
  receiptsRecorded: number;
  assessmentPeriodsOpened: string[];
  evaluationReminders: number;
  assessmentReminders: number;
  assessmentReviewMails: number;
}> {
  const backfilled = await backfillDueIndex(deps); // once per store, before anything reads the index
  await backfillPersonNameIndex(deps); // once per store: people stored before the name index are found by name (人员查找)
  const openTasksBackfilled = await backfillOpenTaskIndex(deps); // once per store: the 待办 of a large scope reads it
  const transfersUnderwayBackfilled = await backfillTransfersUnderway(deps); // once per store: a large scope's transfer warnings read it
  const tree = await loadOrgTree(deps.store);
  const counters = await readyCaseCounters(deps, tree); // the dashboard's counters, before a dashboard needs them (after moves, the first backfill)
  const casesRelisted = await relistActiveCases(deps, tree, counters); // the dashboard's warnings read a subtree's active cases by path
  const listingsBackfilled = await backfillListings(deps); // once per store: a large scope's approvals and notice lists read them
  const callbacksRetried = await retryUndeliveredCallbacks(deps);
  const approvalCallbacksRetried = await retryUndeliveredApprovalCallbacks(deps);
  const { reminders: approvalReminders, overdue: approvalsOverdue } = await runApprovalReminders(deps);
  const calendarWarnings = await warnAboutMissingCalendar(deps);
  const { sent: termReminders, keyed, woken } = await sendTermReminders(deps); // the organizations whose term entry is due
  const { casesWoken, warnings: developmentWarnings, ...development } = await runDueCases(deps); // the due cases, never every active case
  const electionEnds = await applyElectionEndDecisions(deps);
  const { warnings: transferWarnings, accepted: transfersAccepted, receiptsRecorded, transfersWoken } = await runDueTransfers(deps); // the due transfers only
  const assessmentPeriodsOpened = await openDueAssessmentPeriods(deps);
  const evaluationReminders = (await mailEvaluationFollowUpReminders(deps)).length;
  const assessmentReminders = await remindAssessmentReports(deps);
  const assessmentReviewMails = await closeAssessmentReviews(deps);
  return { assessmentPeriodsOpened, assessmentReminders, assessmentReviewMails, evaluationReminders, callbacksRetried, calendarWarnings, approvalCallbacksRetried, approvalReminders, approvalsOverdue, termReminders, termIndex: { keyed, woken }, development, developmentWarnings, dueIndex: { backfilled, casesWoken, transfersWoken }, openTasksBackfilled, transfersUnderwayBackfilled, casesRelisted, listingsBackfilled, electionEnds, transferWarnings, transfersAccepted, receiptsRecorded };
}
