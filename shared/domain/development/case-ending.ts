import type { DevelopmentCase } from './case';
import { checkResult, type CheckResult } from './check-result';

/**
 * Ending a development case (终止发展) before its end: the applicant withdraws, leaves the unit, dies, or the branch
 * decides not to go on. Branch staff record the kind and the circumstances; the case is closed for good (a new
 * application opens a new case). A probationary member's way ends only at the conversion general meeting (step 23,
 * 取消预备党员资格), so a case past the admission approval cannot be ended here.
 */
export const CASE_ENDING_KINDS = ['withdrawn', 'left', 'died', 'refused', 'other'] as const;
export type CaseEndingKind = (typeof CASE_ENDING_KINDS)[number];

export const CASE_ENDING_KIND_LABELS: Record<CaseEndingKind, string> = {
  withdrawn: '本人申请撤回入党申请',
  left: '调离或离开本单位',
  died: '本人去世',
  refused: '经支部研究不再继续发展',
  other: '其他原因',
};

/** What the file keeps of the ending: the kind, the circumstances, who ended it and when. */
export interface CaseEnding {
  kind: CaseEndingKind;
  reason: string;
  /** China date the case ended. */
  date: string;
  /** ISO instant. */
  at: string;
  byName: string;
}

/** Whether the case can be ended now; the problem says why not, in words staff can act on. */
export function checkCaseEnding(devCase: Pick<DevelopmentCase, 'status' | 'dates'>): CheckResult {
  if (devCase.status !== 'active') return checkResult([{ code: 'CASE_CLOSED', message: '该案件已经结束，不能再终止。' }]);
  if (devCase.dates.admissionApprovalDate !== undefined) {
    return checkResult([{
      code: 'ALREADY_PROBATIONARY',
      message: '该同志已被批准为预备党员，不能在此终止；预备期内如需取消预备党员资格，请在转正阶段由支部大会讨论决定（第23步）。',
    }]);
  }
  return checkResult();
}

/** The one-line reason kept with the case's other outcome reasons. */
export function caseEndingText(ending: Pick<CaseEnding, 'kind' | 'reason'>): string {
  return `终止发展：${CASE_ENDING_KIND_LABELS[ending.kind]}。${ending.reason}`;
}

/** The case after ending: closed, nothing due, the ending kept on the case. */
export function caseAfterEnding(devCase: DevelopmentCase, ending: CaseEnding): DevelopmentCase {
  return {
    ...devCase,
    status: 'ended',
    stageState: 'closed',
    nextStage: undefined,
    dates: { ...devCase.dates, closedDate: ending.date },
    outcomeReasons: [...devCase.outcomeReasons, caseEndingText(ending)],
    ending,
    updatedAt: ending.at,
    version: devCase.version + 1,
  };
}
