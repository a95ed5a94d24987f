import type { ServiceDeps } from '../deps';
import { retryUndeliveredApprovalCallbacks, runApprovalReminders } from '../approval';
import { retryUndeliveredCallbacks } from '../tasks/deliver-callback';
import { warnAboutMissingCalendar } from './calendar-warning';
import { sendTermReminders } from './term-reminders';

/** The scheduler's periodic work (EventBridge Scheduler in AWS, the local scheduler emulation on this machine). */
export async function runScheduledWork(deps: ServiceDeps): Promise<{
  callbacksRetried: number;
  calendarWarnings: number[];
  approvalCallbacksRetried: number;
  approvalReminders: number;
  approvalsOverdue: number;
  termReminders: string[];
}> {
  const callbacksRetried = await retryUndeliveredCallbacks(deps);
  const approvalCallbacksRetried = await retryUndeliveredApprovalCallbacks(deps);
  const { reminders: approvalReminders, overdue: approvalsOverdue } = await runApprovalReminders(deps);
  const calendarWarnings = await warnAboutMissingCalendar(deps);
  const { sent: termReminders } = await sendTermReminders(deps);
  return { callbacksRetried, calendarWarnings, approvalCallbacksRetried, approvalReminders, approvalsOverdue, termReminders };
}
