import { chinaDate } from '../../domain/calendar';
import { checkApplicationAge } from '../../domain/development/age';
import type { DevelopmentCase, StepRecord } from '../../domain/development/case';
import type { AttachmentMeta } from '../../domain/development/case';
import { stepFormSchema } from '../../schemas/development-steps';
import { parseForm } from '../../schemas/parse-form';
import { auditPut } from '../../store/audit';
import { caseCountItems, caseListingPath } from './case-counts';
import { caseDueItem } from './case-wake';
import { casePk, getOpenCaseIdOf, putNewCase, putStepRecord } from '../../store/cases-repo';
import { getPerson } from '../../store/people-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { Actor } from '../actor';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { InputInvalidError } from '../../errors';
import { DevelopmentCaseExistsError, DevelopmentRuleViolationError } from './errors';
import { getRuleSet } from './rule-sets';
import { startStageExecution } from './stages';

/**
 * Step 1: the application is received. Opens the person's case under a rule set (default 2014), records step 1, and
 * starts stage I (the talk). The applicant must be of age on the application date; one open case per person.
 */
export async function openCase(deps: ServiceDeps, actor: Actor, input: unknown): Promise<DevelopmentCase> {
  const values = parseForm(stepFormSchema('application'), input);
  const personId = values.personId as string;
  const person = await getPerson(deps.store, personId);
  if (!person) throw new InputInvalidError({ personId: '党员名册中没有该人员，请先在名册中登记入党申请人。' });
  authorize(actor, 'case.handle', person.orgId, await loadOrgTree(deps.store));
  const rules = await getRuleSet(deps, (values.ruleSetVersion as string | undefined) ?? undefined);
  const now = deps.clock.now();
  const applicationDate = values.applicationDate as string;
  const problems = [...checkApplicationAge({ birthDate: person.birthDate, applicationDate }, rules).problems];
  if (applicationDate > chinaDate(now)) problems.push({ code: 'DATE_IN_FUTURE', message: `收到入党申请书的日期 ${applicationDate} 晚于今天。` });
  if (problems.length) throw new DevelopmentRuleViolationError(problems);
  const existing = await getOpenCaseIdOf(deps.store, personId);
  if (existing) throw new DevelopmentCaseExistsError(existing);
  const at = now.toISOString();
  const devCase: DevelopmentCase = {
    id: `c${deps.newId()}`,
    personId,
    personName: person.name,
    orgId: person.orgId,
    ruleSetVersion: rules.ruleSetVersion,
    status: 'active',
    stage: 1,
    attempt: 1,
    stageState: 'running',
    dates: { applicationDate },
    outcomeReasons: [],
    warnings: [],
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const record: StepRecord = {
    caseId: devCase.id, stepNo: 1, stepKey: 'application', stage: 1, attempt: 1, at, actorId: actor.id, actorName: actor.displayName,
    values: { applicationDate, personId, ruleSetVersion: rules.ruleSetVersion }, attachments: values.attachments as AttachmentMeta[], notes: values.notes, explanations: [],
  };
  try {
    await transactWrite(deps.store, [
      ...putNewCase(deps.store, devCase, await caseListingPath(deps, undefined, devCase)),
      ...(await caseCountItems(deps, undefined, devCase)),
      putStepRecord(deps.store, record, false),
      auditPut(deps.store, casePk(devCase.id), { at, action: 'case.opened', actor: actor.id, details: { personId, applicationDate, ruleSetVersion: rules.ruleSetVersion } }),
      await caseDueItem(deps, devCase),
    ]);
  } catch (error) {
    if (error instanceof StoreConditionFailedError && error.failedAt(1)) throw new DevelopmentCaseExistsError((await getOpenCaseIdOf(deps.store, personId)) ?? '', { cause: error });
    throw error;
  }
  await startStageExecution(deps, devCase);
  return devCase;
}
