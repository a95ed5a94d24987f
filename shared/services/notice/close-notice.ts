import { auditPut } from '../../store/audit';
import { getNotice, noticePk, releaseNoticeGuard, updateNotice } from '../../store/notices-repo';
import { commitWithRetry } from '../../store/transact';
import type { ServiceDeps } from '../deps';

export type NoticeClosing =
  | { noticeId: string; status: 'closed' | 'withdrawn'; objectionCount: number }
  | { noticeId: string; status: 'extended'; endsAt: string };

export class NoticeMissingError extends Error {
  constructor(noticeId: string) {
    super(`Notice ${noticeId} does not exist`);
    this.name = 'NoticeMissingError';
  }
}

/**
 * Task CloseNotice, run when the wait reaches the end: closes the notice (with result "proceed" when nobody objected).
 * If the end moved later meanwhile (a calendar year added), answers "extended" so the process waits again.
 * Idempotent: a closed or withdrawn notice is reported as it is.
 */
export async function closeNoticeAtEnd(deps: ServiceDeps, noticeId: string): Promise<NoticeClosing> {
  return commitWithRetry<NoticeClosing>(deps.store, async () => {
    const notice = await getNotice(deps.store, noticeId);
    if (!notice) throw new NoticeMissingError(noticeId);
    if (notice.status !== 'open') return { answer: { noticeId, status: notice.status, objectionCount: notice.objectionCount } };
    const now = deps.clock.now();
    if (now.getTime() < notice.endsAtMs) return { answer: { noticeId, status: 'extended', endsAt: notice.endsAt } };
    const unopposed = notice.objectionCount === 0;
    return {
      write: [
        updateNotice(deps.store, noticeId, {
          set: { status: 'closed', closedAt: now.toISOString(), ...(unopposed ? { result: 'proceed' } : {}) },
          condition: '#status = :open AND objectionCount = :count',
          values: { ':open': 'open', ':count': notice.objectionCount },
        }),
        auditPut(deps.store, noticePk(noticeId), {
          at: now.toISOString(),
          action: 'notice.closed',
          actor: 'system',
          details: { objectionCount: notice.objectionCount, ...(unopposed ? { result: 'proceed' } : {}) },
        }),
        ...releaseNoticeGuard(deps.store, notice),
      ],
      answer: { noticeId, status: 'closed', objectionCount: notice.objectionCount },
    };
  }, { attempts: 3 });
}
