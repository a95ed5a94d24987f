import type { HolidayYear } from '../../domain/calendar';
import { CalendarYearInvalidError, saveHolidayYear } from '../../store/calendar-repo';
import type { Actor } from '../actor';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { recomputeProvisionalNotices } from '../notice/recompute-ends';
import { calendarFieldErrors } from './calendar-years';

/**
 * An administrator adds or replaces a year of the holiday calendar (`calendar.manage`, on no organization), then
 * open notices whose end was provisional are counted again. Refused (403) before anything is written. A year the
 * repository finds invalid is refused with per-field messages (InputInvalidError, 422).
 */
export async function saveCalendarYear(deps: ServiceDeps, actor: Actor, year: HolidayYear): Promise<{ year: number; recomputed: number }> {
  authorize(actor, 'calendar.manage', undefined, await loadOrgTree(deps.store));
  const saved = await saveHolidayYear(deps.store, year, actor.id, deps.clock.now()).catch((error: unknown) => {
    throw error instanceof CalendarYearInvalidError ? calendarFieldErrors(error) : error;
  });
  return { year: saved.year, recomputed: await recomputeProvisionalNotices(deps, actor.id) };
}
