import { withdrawNoticeForm } from '../../schemas/notice-forms';
import { parseForm } from '../../schemas/parse-form';
import { auditPut } from '../../store/audit';
import { getNotice, noticePk, releaseNoticeGuard, updateNotice } from '../../store/notices-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import { authorizeOrg, type Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { NoticeNotOpenError, RecordNotFoundError } from '../errors';

/**
 * Staff withdraw (撤回) a notice while it is open: it leaves the board and its process is stopped.
 * Should the stop not reach the process, CloseNotice finds the notice withdrawn and ends it the same way.
 */
export async function withdrawNotice(deps: ServiceDeps, actor: Actor, noticeId: string, form: unknown): Promise<void> {
  const notice = await getNotice(deps.store, noticeId);
  if (!notice) throw new RecordNotFoundError('该公示');
  authorizeOrg(actor, notice.orgId);
  const { reason } = parseForm(withdrawNoticeForm, form);
  const now = deps.clock.now();
  try {
    await transactWrite(deps.store, [
      updateNotice(deps.store, noticeId, {
        set: { status: 'withdrawn', result: 'withdrawn', withdrawnAt: now.toISOString(), withdrawnBy: actor.displayName, withdrawReason: reason },
        remove: ['gsi1pk', 'gsi1sk'],
        condition: '#status = :open AND endsAtMs >= :now',
        values: { ':open': 'open', ':now': now.getTime() },
      }),
      auditPut(deps.store, noticePk(noticeId), { at: now.toISOString(), action: 'notice.withdrawn', actor: actor.id, details: { reason } }),
      ...releaseNoticeGuard(deps.store, notice),
    ]);
  } catch (error) {
    if (error instanceof StoreConditionFailedError) throw new NoticeNotOpenError({ cause: error, detail: `notice ${noticeId} is not open` });
    throw error;
  }
  if (notice.executionArn) {
    await deps.workflow.stopExecution({ executionArn: notice.executionArn, cause: `Notice withdrawn by ${actor.id}` });
  }
}
