import { computePeriodEnd } from '../../domain/calendar';
import type { Notice } from '../../domain/notice/notice';
import { auditPut } from '../../store/audit';
import { loadCalendar } from '../../store/calendar-repo';
import { moveObjectionGatesEnd } from '../../store/notice-gates-repo';
import { boardKey, deleteProvisionalMarker, getNotice, listProvisionalNoticeIds, noticePk, updateNotice } from '../../store/notices-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';

/** Open notices whose end is provisional (their period reaches a year without calendar). */
export async function listProvisionalNotices(deps: ServiceDeps): Promise<Notice[]> {
  const notices = await Promise.all((await listProvisionalNoticeIds(deps.store)).map((id) => getNotice(deps.store, id)));
  return notices.filter((n): n is Notice => n?.status === 'open' && n.provisional);
}

/**
 * After an administrator adds a calendar year: open notices whose end was provisional are counted again.
 * A later end makes the process wait again (CloseNotice answers "extended"); objections follow the new end at once.
 * Returns how many notices changed.
 */
export async function recomputeProvisionalNotices(deps: ServiceDeps, actorId: string): Promise<number> {
  const calendar = await loadCalendar(deps.store);
  let changed = 0;
  for (const notice of await listProvisionalNotices(deps)) {
    const end = computePeriodEnd(calendar, new Date(notice.publishedAt), notice.period);
    if (end.endsAt === notice.endsAt && end.provisional) continue;
    const endsAtMs = end.endsAtInstant.getTime();
    try {
      await transactWrite(deps.store, [
        ...updateNotice(deps.store, notice.id, {
          set: { endsAt: end.endsAt, endsAtMs, provisional: end.provisional, gsi1pk: boardKey(notice), gsi1sk: `${end.endsAtInstant.toISOString()}#${notice.id}` },
          condition: '#status = :open AND endsAt = :previous',
          values: { ':open': 'open', ':previous': notice.endsAt },
        }),
        ...moveObjectionGatesEnd(deps.store, notice, endsAtMs),
        ...(end.provisional ? [] : [deleteProvisionalMarker(deps.store, notice.id)]),
        auditPut(deps.store, noticePk(notice.id), {
          at: deps.clock.now().toISOString(),
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
