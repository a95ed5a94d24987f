import type { HolidayYear } from '../../domain/calendar';
import { saveHolidayYear } from '../../store/calendar-repo';
import type { Actor } from '../actor';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { recomputeProvisionalNotices } from '../notice/recompute-ends';

/**
 * An administrator adds or replaces a year of the holiday calendar (`calendar.manage`, on no organization), then
 * open notices whose end was provisional are counted again. Refused (403) before anything is written. An invalid
 * year throws CalendarYearInvalidError from the repository.
 */
export async function saveCalendarYear(deps: ServiceDeps, actor: Actor, year: HolidayYear): Promise<{ year: number; recomputed: number }> {
  authorize(actor, 'calendar.manage', undefined, await loadOrgTree(deps.store));
  const saved = await saveHolidayYear(deps.store, year, actor.id, deps.clock.now());
  return { year: saved.year, recomputed: await recomputeProvisionalNotices(deps, actor.id) };
}
