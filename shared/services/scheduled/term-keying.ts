import type { TermReminderRule } from '../../domain/election/term-reminders';
import { nextTermWake } from '../../domain/registry/term-wake';
import { finishTermKeying, getTermKeying, keyTermEntry, startTermKeying } from '../../store/term-due';
import { loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';

const AT_ONCE = 25;

/**
 * The term entries keyed for the setting in force (docs/domain/scheduler.md): when the keying mark does not name
 * the setting's version as complete (organizations stored before the index, or the 换届提醒设置 changed since),
 * every active organization with a term end gets its entry at its wake date under the setting, counting nothing
 * as sent (a lower bound: an entry due now is looked at once by the tick, which finds the marker and moves it on).
 * The mark is written first (the ticks' moves under another version are refused from then on), and completed at the
 * end; a keying cut short runs again at the next tick. Answers the entries written, or undefined when keyed before.
 */
export async function keyTermEntries(deps: ServiceDeps, rules: readonly TermReminderRule[], rulesVersion: number, today: string): Promise<number | undefined> {
  const keying = await getTermKeying(deps.store);
  if (keying?.complete && keying.rulesVersion === rulesVersion) return undefined;
  await startTermKeying(deps.store, rulesVersion, deps.clock.now().toISOString());
  const orgs = (await loadOrgTree(deps.store)).organizations.flatMap((org) => {
    const wakeAt = nextTermWake(org, rules, today);
    return wakeAt === undefined || org.termEnd === undefined ? [] : [{ org: { ...org, termEnd: org.termEnd }, wakeAt }];
  });
  let written = 0;
  for (let i = 0; i < orgs.length; i += AT_ONCE) {
    const batch = await Promise.all(orgs.slice(i, i + AT_ONCE).map(({ org, wakeAt }) => keyTermEntry(deps.store, org, wakeAt, rulesVersion)));
    written += batch.filter(Boolean).length;
  }
  await finishTermKeying(deps.store, rulesVersion, deps.clock.now().toISOString(), written);
  return written;
}
