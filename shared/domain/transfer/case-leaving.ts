import type { DevelopmentCase } from '../development/case';
import type { CaseOpenItems } from './case-move';

/**
 * A development case whose person's membership goes outside the system (docs/domain/transfer.md T8b). The receiving
 * organization continues it from the letter and the printed file; here the case closes when the receipt (回执) is
 * recorded: 随组织关系转出本系统, not 终止发展, so nothing of it is said to have failed. Its records stay, read-only,
 * and nothing of it is due any more (no reminders, no warnings). It cannot close while one of its approvals or notices
 * is open, as it could not move then within the system (T8).
 */

/** Why the receipt cannot be recorded now (Chinese, with what to do), empty when it can. */
export function caseLeavingBlockers(items: CaseOpenItems): string[] {
  return [
    ...items.openApprovals.map((title) => `发展党员材料中的审批“${title}”尚未作出决定`),
    ...items.openNotices.map((title) => `公示“${title}”尚未结束`),
  ];
}

/** The line kept with the case's outcome reasons. */
export function caseLeavingText(toOrgName: string, receiptDate: string): string {
  return `随组织关系转出本系统：转往${toOrgName}，回执日期 ${receiptDate}，发展党员材料随介绍信转交。`;
}

/** The case once its person's receipt is recorded: closed from the receipt's date, nothing due, its records kept. */
export function caseAfterLeaving(devCase: DevelopmentCase, leaving: { toOrgName: string; receiptDate: string; at: string }): DevelopmentCase {
  return {
    ...devCase,
    status: 'transferred-out',
    stageState: 'closed',
    nextStage: undefined,
    dates: { ...devCase.dates, closedDate: leaving.receiptDate },
    outcomeReasons: [...devCase.outcomeReasons, caseLeavingText(leaving.toOrgName, leaving.receiptDate)],
    updatedAt: leaving.at,
    version: devCase.version + 1,
  };
}
