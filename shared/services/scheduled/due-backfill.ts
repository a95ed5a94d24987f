import { chinaDate } from '../../domain/calendar';
import { nextCaseWake } from '../../domain/development/wake';
import { casePk, listActiveCases, listDoneCaseEvents } from '../../store/cases-repo';
import { dueBackfillDone, markDueBackfillDone, putDueEntryIfAbsent } from '../../store/due-index';
import type { ServiceDeps } from '../deps';
import { getRuleSet } from '../development/rule-sets';

/**
 * Once per store (docs/domain/scheduler.md): the active cases stored before the due index get their entry, each
 * from the case and its events done, only where the case has none yet (a change since wrote a newer one); then the
 * marker `DUEINDEX` / `BACKFILL#case` is written and later ticks only read it. Run again after a crash, it writes
 * what is missing. Answers the entries written, or undefined when the marker was there.
 */
export async function backfillDueIndex(deps: ServiceDeps): Promise<number | undefined> {
  if (await dueBackfillDone(deps.store, 'case')) return undefined;
  const today = chinaDate(deps.clock.now());
  let written = 0;
  for (const devCase of await listActiveCases(deps.store)) {
    const rules = await getRuleSet(deps, devCase.ruleSetVersion);
    const wakeAt = nextCaseWake(devCase, rules, today, await listDoneCaseEvents(deps.store, devCase.id));
    if (wakeAt === undefined) continue;
    if (await putDueEntryIfAbsent(deps.store, { kind: 'case', pk: casePk(devCase.id), id: devCase.id, wakeAt, version: devCase.version })) written += 1;
  }
  await markDueBackfillDone(deps.store, 'case', deps.clock.now().toISOString(), written);
  return written;
}
