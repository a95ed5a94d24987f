import { staffMayWithdraw, type Notice } from '../../domain/notice/notice';
import { withdrawNoticeForm } from '../../schemas/notice-forms';
import { parseForm } from '../../schemas/parse-form';
import { auditPut } from '../../store/audit';
import { closeObjectionGates } from '../../store/notice-gates-repo';
import { getNotice, noticePk, releaseNoticeGuard, updateNotice } from '../../store/notices-repo';
import { StoreConditionFailedError, transactWrite, type TransactItem } from '../../store/transact';
import { authorizeOrg, type Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { NoticeNotOpenError, NoticeNotWithdrawableError, RecordNotFoundError } from '../../errors';

/**
 * The withdrawal (撤回) of an open notice, the closing of its objection gates, its audit event and the release of its guard, for one transaction. `condition` on the notice: by
 * default still open (a notice whose period has ended but is not closed yet is withdrawn as well).
 */
export function withdrawNoticeItems(
  deps: Pick<ServiceDeps, 'store'>,
  notice: Notice,
  by: { at: Date; byName: string; actor: string; reason: string },
  condition = '#status = :open',
): TransactItem[] {
  return [
    ...updateNotice(deps.store, notice.id, {
      set: { status: 'withdrawn', result: 'withdrawn', withdrawnAt: by.at.toISOString(), withdrawnBy: by.byName, withdrawReason: by.reason },
      remove: ['gsi1pk', 'gsi1sk'],
      condition,
      values: { ':open': 'open', ...(condition.includes(':now') ? { ':now': by.at.getTime() } : {}) },
    }),
    ...closeObjectionGates(deps.store, notice, 'withdrawn'),
    auditPut(deps.store, noticePk(notice.id), { at: by.at.toISOString(), action: 'notice.withdrawn', actor: by.actor, details: { reason: by.reason } }),
    ...releaseNoticeGuard(deps.store, notice),
  ];
}

/**
 * Staff withdraw (撤回) a notice while it is open: it leaves the board and its process is stopped.
 * Should the stop not reach the process, CloseNotice finds the notice withdrawn and ends it the same way.
 */
export async function withdrawNotice(deps: ServiceDeps, actor: Actor, noticeId: string, form: unknown): Promise<void> {
  const notice = await getNotice(deps.store, noticeId);
  if (!notice) throw new RecordNotFoundError('该公示');
  authorizeOrg(actor, notice.orgId);
  if (!staffMayWithdraw(notice)) throw new NoticeNotWithdrawableError({ detail: `notice ${noticeId} (${notice.kind}) is published by its process` });
  const { reason } = parseForm(withdrawNoticeForm, form);
  const now = deps.clock.now();
  try {
    await transactWrite(deps.store, withdrawNoticeItems(deps, notice, { at: now, byName: actor.displayName, actor: actor.id, reason }, '#status = :open AND endsAtMs >= :now'));
  } catch (error) {
    if (error instanceof StoreConditionFailedError) throw new NoticeNotOpenError({ cause: error, detail: `notice ${noticeId} is not open` });
    throw error;
  }
  if (notice.executionArn) {
    await deps.workflow.stopExecution({ executionArn: notice.executionArn, cause: `Notice withdrawn by ${actor.id}` });
  }
}
