import { computePeriodEnd } from '../../domain/calendar';
import { auditPut } from '../../store/audit';
import { loadCalendar } from '../../store/calendar-repo';
import { listOrgNotices, noticePk, updateNotice, boardKey } from '../../store/notices-repo';
import { listOrganizations } from '../../store/orgs-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';

/**
 * After an administrator adds a calendar year: open notices whose end was provisional are counted again.
 * A later end makes the process wait again (CloseNotice answers "extended"); objections follow the new end at once.
 * Returns how many notices changed.
 */
export async function recomputeProvisionalNotices(deps: ServiceDeps, actorId: string): Promise<number> {
  const calendar = await loadCalendar(deps.store);
  const orgs = await listOrganizations(deps.store);
  const notices = (await Promise.all(orgs.map((org) => listOrgNotices(deps.store, org.id)))).flat();
  let changed = 0;
  for (const notice of notices.filter((n) => n.status === 'open' && n.provisional)) {
    const end = computePeriodEnd(calendar, new Date(notice.publishedAt), notice.period);
    if (end.endsAt === notice.endsAt && end.provisional) continue;
    const now = deps.clock.now().toISOString();
    const endsAtMs = end.endsAtInstant.getTime();
    try {
      await transactWrite(deps.store, [
        updateNotice(deps.store, notice.id, {
          set: { endsAt: end.endsAt, endsAtMs, provisional: end.provisional, gsi1pk: boardKey(notice), gsi1sk: `${end.endsAtInstant.toISOString()}#${notice.id}` },
          condition: '#status = :open AND endsAt = :previous',
          values: { ':open': 'open', ':previous': notice.endsAt },
        }),
        auditPut(deps.store, noticePk(notice.id), {
          at: now,
          action: 'notice.end-recomputed',
          actor: actorId,
          details: { from: notice.endsAt, to: end.endsAt, provisional: end.provisional },
        }),
      ]);
      changed++;
    } catch (error) {
      if (!(error instanceof StoreConditionFailedError)) throw error;
    }
  }
  return changed;
}
