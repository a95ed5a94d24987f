import { objectionsOnGates } from '../../domain/notice/objection-gates';
import { auditPut } from '../../store/audit';
import { closeObjectionGates, listObjectionGates } from '../../store/notice-gates-repo';
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
 * Task CloseNotice, run when the wait reaches the end: closes the notice and its objection gates, recording the objections
 * counted on them (with result "proceed" when nobody objected); an objection counted meanwhile makes it read again.
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
    const gates = notice.objectionGates ? await listObjectionGates(deps.store, noticeId) : undefined;
    const objectionCount = gates ? objectionsOnGates(gates) : notice.objectionCount;
    const unopposed = objectionCount === 0;
    return {
      write: [
        ...updateNotice(deps.store, noticeId, {
          set: { status: 'closed', closedAt: now.toISOString(), objectionCount, ...(unopposed ? { result: 'proceed' } : {}) },
          condition: '#status = :open AND objectionCount = :count',
          values: { ':open': 'open', ':count': notice.objectionCount },
        }),
        ...closeObjectionGates(deps.store, notice, 'closed', gates),
        auditPut(deps.store, noticePk(noticeId), {
          at: now.toISOString(),
          action: 'notice.closed',
          actor: 'system',
          details: { objectionCount, ...(unopposed ? { result: 'proceed' } : {}) },
        }),
        ...releaseNoticeGuard(deps.store, notice),
      ],
      answer: { noticeId, status: 'closed', objectionCount },
    };
  }, { attempts: 3 });
}
