import { computePeriodEnd } from '../../domain/calendar';
import { noticeDraftProblem, type Notice, type NoticeDraft } from '../../domain/notice/notice';
import { OBJECTION_GATES } from '../../domain/notice/objection-gates';
import { reduceSubject } from '../../domain/notice/reduce-subject';
import { parseForm } from '../../schemas/parse-form';
import { publishNoticeForm } from '../../schemas/notice-forms';
import { auditPut } from '../../store/audit';
import { loadCalendar } from '../../store/calendar-repo';
import { putObjectionGates } from '../../store/notice-gates-repo';
import { claimNoticeGuard, getNotice, noticePk, putNewNotice, putProvisionalMarker, releaseNoticeGuard } from '../../store/notices-repo';
import { getOrganization } from '../../store/orgs-repo';
import { getPerson } from '../../store/people-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import { authorizeOrg, type Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { InputInvalidError, NoticeAlreadyOpenError } from '../../errors';
import { WorkflowExecutionExistsError } from '../ports';

/** The execution of a notice's process is named after the notice, so a second start is refused. */
export const noticeExecutionName = (noticeId: string) => `notice-${noticeId}`;

/**
 * Staff publish a notice: the draft is checked here, and the notice process is started with it.
 * The form's idempotency key is the notice id, so a double submission starts nothing twice. One open notice per
 * person and step: the guard is claimed here, before the process starts, so that a second notice is refused (409)
 * whatever its key; the notice's own transaction claims it again (recordPublication).
 */
export async function publishNotice(deps: ServiceDeps, actor: Actor, form: unknown): Promise<{ noticeId: string }> {
  const input = parseForm(publishNoticeForm, form);
  const person = await getPerson(deps.store, input.personId);
  if (!person) throw new InputInvalidError({ personId: '请选择公示对象。' });
  authorizeOrg(actor, person.orgId);
  const org = await getOrganization(deps.store, person.orgId);
  const draft: NoticeDraft = {
    id: input.idempotencyKey,
    personId: person.id,
    orgId: person.orgId,
    orgName: org?.name ?? '',
    kind: input.kind,
    audience: input.audience,
    subject: reduceSubject(person),
    applicationDate: input.applicationDate ?? person.applicationDate,
    previousStage: input.previousStageLabel && input.previousStageDate ? { label: input.previousStageLabel, date: input.previousStageDate } : undefined,
    proposedStep: input.proposedStep,
    objectionContact: { office: input.office, contact: input.contact },
    period: { unit: input.periodUnit, count: input.periodCount },
    createdBy: actor.id,
  };
  const problem = noticeDraftProblem(draft);
  if (problem) throw new InputInvalidError({ audience: problem });
  if (await getNotice(deps.store, draft.id)) return { noticeId: draft.id }; // submitted again after it was published
  await claimPublication(deps, draft);
  try {
    await startNoticeProcess(deps, draft);
  } catch (error) {
    const release = releaseNoticeGuard(deps.store, draft);
    if (release.length > 0) await transactWrite(deps.store, release);
    throw error;
  }
  return { noticeId: draft.id };
}

async function claimPublication(deps: ServiceDeps, draft: NoticeDraft): Promise<void> {
  const claim = claimNoticeGuard(deps.store, draft);
  if (claim.length === 0) return;
  try {
    await transactWrite(deps.store, claim);
  } catch (error) {
    if (error instanceof StoreConditionFailedError) throw new NoticeAlreadyOpenError({ cause: error, detail: `notice ${draft.id}: the person has an open notice of the step` });
    throw error;
  }
}

/** Starts the notice process for a draft; starting it again for the same notice is a no-op. */
export async function startNoticeProcess(deps: ServiceDeps, draft: NoticeDraft): Promise<void> {
  try {
    await deps.workflow.startExecution({ stateMachine: 'notice', name: noticeExecutionName(draft.id), input: { notice: draft } });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionExistsError)) throw error;
  }
}

/**
 * Task PublishNotice: records the notice as open with its end computed on the working-day calendar (a matter notice
 * only internal). Idempotent: a retried task returns the notice already recorded.
 */
export async function recordPublication(
  deps: ServiceDeps,
  draft: NoticeDraft,
  executionArn?: string,
): Promise<{ noticeId: string; endsAt: string }> {
  const problem = noticeDraftProblem(draft);
  if (problem) throw new InputInvalidError({ audience: problem });
  const existing = await getNotice(deps.store, draft.id);
  if (existing) return { noticeId: existing.id, endsAt: existing.endsAt };
  const now = deps.clock.now();
  const end = computePeriodEnd(await loadCalendar(deps.store), now, draft.period);
  const notice: Notice = {
    ...draft,
    status: 'open',
    publishedAt: now.toISOString(),
    endsAt: end.endsAt,
    endsAtMs: end.endsAtInstant.getTime(),
    provisional: end.provisional,
    objectionCount: 0,
    objectionGates: OBJECTION_GATES,
    executionArn,
  };
  try {
    await transactWrite(deps.store, [
      ...claimNoticeGuard(deps.store, notice),
      ...putNewNotice(deps.store, notice),
      ...putObjectionGates(deps.store, notice),
      ...(notice.provisional ? [putProvisionalMarker(deps.store, notice.id)] : []),
      auditPut(deps.store, noticePk(notice.id), {
        at: notice.publishedAt,
        action: 'notice.published',
        actor: draft.createdBy,
        details: { endsAt: notice.endsAt, provisional: notice.provisional, period: draft.period, missingYears: end.missingYears },
      }),
    ]);
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    const raced = await getNotice(deps.store, draft.id);
    if (!raced) throw new NoticeAlreadyOpenError({ cause: error, detail: `notice ${draft.id}: the person has an open notice of the step` });
    return { noticeId: raced.id, endsAt: raced.endsAt };
  }
  return { noticeId: notice.id, endsAt: notice.endsAt };
}
