import { chinaDate } from '../../domain/calendar';
import type { DevelopmentCase } from '../../domain/development/case';
import { memberOnDate } from '../../domain/development/members';
import { checkGeneralMeetingVote, CONFIRM_VOTE_FAILED_FIELD, isFailedVote } from '../../domain/development/vote';
import { isNoticeReviewKey, isStepKey, NOTICE_NODE_POSITIONS, noticeNodeOfReviewKey, stepByKey, type DevelopmentTaskKey } from '../../domain/development/steps';
import { NOTICE_NODE_LABELS } from '../../domain/development/rule-set';
import { MEMBERSHIP_STATUS_LABELS, RIGHTS_STATE_LABELS } from '../../domain/registry/person';
import type { PendingTask } from '../../domain/tasks/pending-task';
import { isFormStepKey, stepFormFields } from '../../schemas/development-steps';
import type { FormField } from '../../schemas/form-fields';
import { getPerson } from '../../store/people-repo';
import { getTask } from '../../store/tasks-repo';
import type { Actor } from '../actor';
import { authorize, loadOrgTree, permits } from '../authorization';
import type { ServiceDeps } from '../deps';
import { developmentTaskId, loadCase } from '../development/case-writes';
import { getRuleSet } from '../development/rule-sets';
import { RecordNotFoundError } from '../../errors';
import { meetingAttendanceOf } from '../registry/questions';
import { peopleOfSubtree } from '../registry/people-read';
import { explainStep } from './step-explanations';

const RECORD_STEPS = new Set(['evaluation', 'placement', 'oath', 'probationEvaluation']);

/** Everything the generic step form page shows: the case, the step, its fields, the rules explained, who may be chosen. */
export interface StepFormView {
  devCase: DevelopmentCase;
  /** What the person is in the registry now (入党申请人, 入党积极分子, 发展对象, 预备党员…): the page calls him so. */
  personStatus: string;
  stepKey: string;
  stepNo: number;
  label: string;
  /** 'form': a workflow waits on it (a pending task); 'record': recorded during a period, any number of times. */
  mode: 'form' | 'record';
  fields: FormField[];
  explanations: string[];
  people: Array<{ id: string; label: string }>;
  /** The pending task of a form step for the case's current attempt, when there is one. */
  task?: PendingTask;
  /** The higher committee's staff fill it in (political review, training, interview, archive). */
  committeeStep: boolean;
  /** Whether this actor may submit (committee steps need committee staff). */
  mayHandle: boolean;
  today: string;
  /** The registry's should-attend figure for a general meeting, to fill in. */
  shouldAttend?: number;
}

export function stepIdentity(stepKey: string): { no: number; label: string; committee: boolean } {
  if (isNoticeReviewKey(stepKey)) {
    const node = noticeNodeOfReviewKey(stepKey);
    return { no: NOTICE_NODE_POSITIONS.find((p) => p.node === node)?.afterStep ?? 0, label: `${NOTICE_NODE_LABELS[node]}暂缓后的复核`, committee: false };
  }
  const step = stepByKey(stepKey as Parameters<typeof stepByKey>[0]);
  return { no: step.no, label: step.label, committee: step.actor === 'committee-staff' };
}

/** Whether submitted counts are a real failed vote: only then does the form offer the confirmation that ends the stage. */
function failedVoteSubmitted(values: Record<string, string> | undefined): boolean {
  if (!values) return false;
  const n = (name: string) => (values[name] ? Number(values[name]) : 0);
  try {
    return isFailedVote(checkGeneralMeetingVote({ shouldAttend: n('shouldAttend'), present: n('present'), yes: n('yes'), writtenYes: n('writtenYes'), writtenNo: n('writtenNo') }));
  } catch {
    return false;
  }
}

export async function stepFormView(deps: Pick<ServiceDeps, 'store' | 'clock'>, actor: Actor, caseId: string, stepKey: string, values?: Record<string, string>): Promise<StepFormView> {
  const hasForm = (isStepKey(stepKey) && isFormStepKey(stepKey) && stepKey !== 'application') || isNoticeReviewKey(stepKey);
  if (!hasForm) throw new RecordNotFoundError('该步骤的表单');
  const devCase = await loadCase(deps, caseId);
  const tree = await loadOrgTree(deps.store);
  authorize(actor, 'case.view', devCase.orgId, tree);
  const identity = stepIdentity(stepKey);
  const mayHandle = permits(actor, 'case.handle', devCase.orgId, tree) && (!identity.committee || permits(actor, 'case.committee', devCase.orgId, tree));
  const today = chinaDate(deps.clock.now());
  const rules = await getRuleSet(deps, devCase.ruleSetVersion);
  const meeting = stepKey === 'generalMeeting' || stepKey === 'conversionMeeting';
  const attendance = meeting ? await meetingAttendanceOf(deps, devCase.orgId, today) : undefined;
  const confirming = meeting && failedVoteSubmitted(values);
  const fields = stepFormFields(stepKey as DevelopmentTaskKey & Parameters<typeof stepFormFields>[0]).filter((f) => f.name !== CONFIRM_VOTE_FAILED_FIELD || confirming);
  let people: StepFormView['people'] = [];
  if (fields.some((f) => f.type === 'people')) {
    const candidates = (await peopleOfSubtree(deps.store, tree, devCase.orgId)).filter((p) => p.id !== devCase.personId);
    people = candidates
      .map((p) => ({ person: p, member: memberOnDate(p, today) }))
      .sort((a, b) => Number(b.member.status === 'full') - Number(a.member.status === 'full') || a.person.name.localeCompare(b.person.name, 'zh-CN'))
      .map(({ person, member }) => {
        const eligible = member.status === 'full' && member.rightsState === 'normal';
        const why = member.status !== 'full' ? (member.status ? MEMBERSHIP_STATUS_LABELS[member.status] : '非党员') : RIGHTS_STATE_LABELS[member.rightsState];
        return { id: person.id, label: `${person.name}${eligible ? '（正式党员）' : `（${why}，不符合条件）`}` };
      });
  }
  const mode = RECORD_STEPS.has(stepKey) ? 'record' : 'form';
  const stored = mode === 'form' ? await getTask(deps.store, developmentTaskId(caseId, stepKey, devCase.attempt)) : undefined;
  const task = stored ? (({ taskToken: _token, ...rest }) => rest as PendingTask)(stored) : undefined; // never the token on a page
  const person = await getPerson(deps.store, devCase.personId);
  return {
    devCase, personStatus: person ? MEMBERSHIP_STATUS_LABELS[person.status] : '姓名', stepKey, stepNo: identity.no, label: identity.label, mode, fields, people, task, mayHandle, today, committeeStep: identity.committee,
    explanations: explainStep({ key: stepKey, devCase, rules, today, attendance, values }),
    shouldAttend: attendance?.shouldAttendCount,
  };
}
