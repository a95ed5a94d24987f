import type { DevelopmentCase } from '../../domain/development/case';
import type { NoticeNode } from '../../domain/development/rule-set';
import type { PersonNoticeDraft, PersonNoticeKind } from '../../domain/notice/notice';
import { reduceSubject } from '../../domain/notice/reduce-subject';
import { auditPut } from '../../store/audit';
import { casePk, putCaseRef } from '../../store/cases-repo';
import { getOrganization } from '../../store/orgs-repo';
import { getPerson } from '../../store/people-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { RecordNotFoundError } from '../../errors';
import { noticeContactOf } from '../registry/notice-contact';
import { loadCase } from './case-writes';
import { getRuleSet } from './rule-sets';

/** The notice of a node in an attempt of a case (deterministic: a retried task publishes nothing twice). */
export const caseNoticeId = (caseId: string, node: NoticeNode, attempt: number) => `${caseId}-${node}-${attempt}`;

const KIND: Record<NoticeNode, PersonNoticeKind> = { activist: 'activist', developmentTarget: 'development-target', admission: 'admission', conversion: 'conversion' };

const PROPOSED: Record<NoticeNode, string> = {
  activist: '拟确定为入党积极分子',
  developmentTarget: '拟列为发展对象',
  admission: '拟接收为中共预备党员',
  conversion: '拟转为中共正式党员',
};

function previousStage(node: NoticeNode, devCase: DevelopmentCase): PersonNoticeDraft['previousStage'] {
  const { dates } = devCase;
  const stage = {
    activist: { label: '递交入党申请书', date: dates.applicationDate },
    developmentTarget: { label: '确定为入党积极分子', date: dates.activistDate },
    admission: { label: '确定为发展对象', date: dates.targetDate },
    conversion: { label: '接收为中共预备党员', date: dates.admissionMeetingDate },
  }[node];
  return stage.date ? { label: stage.label, date: stage.date } : undefined;
}

/**
 * Task Prepare…Notice: the notice draft of a node, with the person reduced to what a notice shows (docs/domain/organizations-and-people.md, docs/domain/notices-and-calendar.md),
 * the period and audience of the case's rule set, and where to object (the approving committee's staff).
 * The case records a reference to the notice (once).
 */
export async function prepareCaseNotice(deps: ServiceDeps, request: { caseId: string; node: NoticeNode }): Promise<{ notice: PersonNoticeDraft }> {
  const devCase = await loadCase(deps, request.caseId);
  const person = await getPerson(deps.store, devCase.personId);
  if (!person) throw new RecordNotFoundError('入党申请人');
  const rules = await getRuleSet(deps, devCase.ruleSetVersion);
  const org = await getOrganization(deps.store, devCase.orgId);
  const notice: PersonNoticeDraft = {
    id: caseNoticeId(devCase.id, request.node, devCase.attempt),
    orgId: devCase.orgId,
    orgName: org?.name ?? '',
    kind: KIND[request.node],
    audience: rules.notice.audience,
    personId: devCase.personId,
    subject: reduceSubject(person),
    applicationDate: devCase.dates.applicationDate,
    previousStage: previousStage(request.node, devCase),
    proposedStep: PROPOSED[request.node],
    objectionContact: await noticeContactOf(deps, { id: devCase.orgId, name: org?.name ?? '' }, 'approving'),
    period: { unit: rules.notice.unit, count: rules.notice.count },
    createdBy: 'system',
  };
  const at = deps.clock.now().toISOString();
  try {
    await transactWrite(deps.store, [
      putCaseRef(deps.store, devCase.id, 'notice', notice.id, { node: request.node, stage: devCase.stage, attempt: devCase.attempt }),
      auditPut(deps.store, casePk(devCase.id), { at, action: 'case.notice-prepared', actor: 'system', details: { noticeId: notice.id, node: request.node } }),
    ]);
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error; // prepared before (a retried task)
  }
  return { notice };
}
