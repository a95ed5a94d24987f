import { acceptsObjections } from '../../domain/notice/notice';
import { chinaDateTimeText } from '../../domain/notice/date-text';
import type { Objection } from '../../domain/notice/objection';
import { gateFor } from '../../domain/notice/objection-gates';
import { objectionForm } from '../../schemas/notice-forms';
import { parseForm } from '../../schemas/parse-form';
import { auditPut } from '../../store/audit';
import { countObjectionOnGate } from '../../store/notice-gates-repo';
import { countObjectionOnNotice, getNotice, noticePk } from '../../store/notices-repo';
import { putNewObjection } from '../../store/objections-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { NoticeClosedError, RecordNotFoundError } from '../../errors';

/**
 * Anyone files an objection (异议) while a public notice is open; an internal notice's objections come from members
 * through staff (`options.internal`, e.g. `recordMemberObjection` of an evaluation's publication). The objection, its count on one of the
 * notice's gates (on the notice itself for one published before gates) and the audit event are one transaction whose condition is that
 * the notice is still open at this moment.
 */
export async function fileObjection(deps: ServiceDeps, noticeId: string, form: unknown, options: { internal?: boolean; actor?: string } = {}): Promise<{ objectionId: string }> {
  const notice = await getNotice(deps.store, noticeId);
  if (!notice || (notice.audience !== 'public' && !options.internal) || notice.status === 'withdrawn') throw new RecordNotFoundError('该公示');
  const input = parseForm(objectionForm, form);
  const now = deps.clock.now();
  const closed = () => new NoticeClosedError(chinaDateTimeText(notice.endsAtMs), { detail: `notice ${noticeId} is closed` });
  if (!acceptsObjections(notice, now)) throw closed();
  const objection: Objection = { id: deps.newId(), noticeId, filedAt: now.toISOString(), ...input };
  try {
    await transactWrite(deps.store, [
      putNewObjection(deps.store, objection),
      notice.objectionGates
        ? countObjectionOnGate(deps.store, noticeId, gateFor(Math.random(), notice.objectionGates), now.getTime())
        : countObjectionOnNotice(deps.store, noticeId, now.getTime()),
      auditPut(deps.store, noticePk(noticeId), {
        at: objection.filedAt,
        action: 'notice.objection-filed',
        actor: options.actor ?? 'public',
        details: { objectionId: objection.id, named: Boolean(input.name) },
      }),
    ]);
  } catch (error) {
    if (error instanceof StoreConditionFailedError) throw closed();
    throw error;
  }
  return { objectionId: objection.id };
}
