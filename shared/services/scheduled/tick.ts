import type { ServiceDeps } from '../deps';
import { retryUndeliveredCallbacks } from '../tasks/deliver-callback';
import { warnAboutMissingCalendar } from './calendar-warning';

/** The scheduler's periodic work (EventBridge Scheduler in AWS, the local scheduler emulation on this machine). */
export async function runScheduledWork(deps: ServiceDeps): Promise<{ callbacksRetried: number; calendarWarnings: number[] }> {
  const callbacksRetried = await retryUndeliveredCallbacks(deps);
  const calendarWarnings = await warnAboutMissingCalendar(deps);
  return { callbacksRetried, calendarWarnings };
}
