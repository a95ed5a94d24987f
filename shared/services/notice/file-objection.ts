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
import { StoreConditionFailedError, transactWrite, type TransactItem } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { InputInvalidError, NoticeClosedError, RecordNotFoundError } from '../../errors';

/**
 * Anyone files an objection (异议) while a public notice is open; an internal notice's objections come from members
 * through staff (`options.internal`, e.g. `recordMemberObjection` of an evaluation's publication). The objection, its count on one of the
 * notice's gates (on the notice itself for one published before gates) and the audit event are one transaction whose condition is that
 * the notice is still open at this moment.
 *
 * The gate's condition holds everything the notice would be read for (open, not past its end, public), so a filing
 * is first tried without reading the notice: one request, the least a filing can cost when a notice draws many at
 * once. Only when the gate refuses (closed, withdrawn, internal, no such notice, or a notice from before gates) is the
 * notice read, to count on the notice or to say why not.
 */
export async function fileObjection(deps: ServiceDeps, noticeId: string, form: unknown, options: { internal?: boolean; actor?: string } = {}): Promise<{ objectionId: string }> {
  const now = deps.clock.now();
  const filing = (input: ObjectionInput): Filing => ({ objection: { id: deps.newId(), noticeId, filedAt: now.toISOString(), ...input }, actor: options.actor ?? 'public' });
  const parsed = tryParse(form);
  if (parsed) {
    const first = filing(parsed);
    const gate = countObjectionOnGate(deps.store, noticeId, gateFor(Math.random()), now.getTime(), { publicOnly: !options.internal });
    if (await fileThrough(deps, first, [gate])) return { objectionId: first.objection.id };
  }
  const notice = await getNotice(deps.store, noticeId);
  if (!notice || (notice.audience !== 'public' && !options.internal) || notice.status === 'withdrawn') throw new RecordNotFoundError('该公示');
  const input = parseForm(objectionForm, form);
  const closed = () => new NoticeClosedError(chinaDateTimeText(notice.endsAtMs), { detail: `notice ${noticeId} is closed` });
  if (!acceptsObjections(notice, now)) throw closed();
  const second = filing(input);
  const count = notice.objectionGates
    ? [countObjectionOnGate(deps.store, noticeId, gateFor(Math.random(), notice.objectionGates), now.getTime())]
    : countObjectionOnNotice(deps.store, noticeId, now.getTime());
  if (!(await fileThrough(deps, second, count))) throw closed();
  return { objectionId: second.objection.id };
}

type ObjectionInput = ReturnType<typeof parseForm<typeof objectionForm>>;
interface Filing { objection: Objection; actor: string }

/** The form's values, or undefined when it has mistakes (they are reported after the notice is known to exist). */
function tryParse(form: unknown): ObjectionInput | undefined {
  try {
    return parseForm(objectionForm, form);
  } catch (error) {
    if (error instanceof InputInvalidError) return undefined;
    throw error;
  }
}

/** The objection, its count and its audit event in one transaction; false when the count's condition refused it. */
async function fileThrough(deps: ServiceDeps, { objection, actor }: Filing, count: TransactItem[]): Promise<boolean> {
  try {
    await transactWrite(deps.store, [
      putNewObjection(deps.store, objection),
      ...count,
      auditPut(deps.store, noticePk(objection.noticeId), { at: objection.filedAt, action: 'notice.objection-filed', actor, details: { objectionId: objection.id, named: Boolean(objection.name) } }),
    ]);
    return true;
  } catch (error) {
    if (error instanceof StoreConditionFailedError) return false;
    throw error;
  }
}
