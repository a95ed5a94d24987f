import { DEVELOPMENT_STEPS } from '../../domain/development/steps';
import { isFormStepKey } from '../../schemas/development-steps';

/** Addresses of the member-development pages (发展党员), one place for every link. */

const enc = encodeURIComponent;

export const developmentPaths = {
  dashboard: (orgId?: string) => `/staff/development${orgId ? `?orgId=${enc(orgId)}` : ''}`,
  cases: (orgId?: string) => `/staff/cases${orgId ? `?orgId=${enc(orgId)}` : ''}`,
  caseFile: (caseId: string) => `/staff/cases/${enc(caseId)}`,
  archive: (caseId: string) => `/staff/cases/${enc(caseId)}/archive`,
  step: (caseId: string, stepKey: string) => `/staff/cases/${enc(caseId)}/steps/${enc(stepKey)}`,
  stages: (caseId: string) => `/staff/cases/${enc(caseId)}/stages`,
  end: (caseId: string) => `/staff/cases/${enc(caseId)}/end`,
  ruleSets: () => '/staff/development/rule-sets',
  task: (taskId: string) => `/staff/tasks/${enc(taskId)}`,
};

/** Where a warning or a step number leads: the step's form when staff fill one in, otherwise the case file. */
export function stepHref(caseId: string, stepNo: number): string {
  const step = DEVELOPMENT_STEPS.find((s) => s.no === stepNo);
  return step && isFormStepKey(step.key) && step.no !== 1 ? developmentPaths.step(caseId, step.key) : developmentPaths.caseFile(caseId);
}
