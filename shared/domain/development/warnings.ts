import { caseDeadlines, type CaseDates, type CaseDeadline, type DeadlineKind } from './deadlines';
import { DEFAULT_RULE_SET, type DevelopmentRuleSet } from './rule-set';

/**
 * The warnings (预警) of docs/domain/warnings.md as the dashboard and the e-mails show them: for each open case, every deadline
 * that is overdue or due soon and every milestone that is due soon or reached, with the person's name, a Chinese
 * message and the step to act on. Built on `caseDeadlines`; pure (the date `asOf` is a parameter).
 */

/** What a warning needs to know about a case (a development case carries more). */
export interface WarningCase {
  caseId: string;
  personName: string;
  orgId: string;
  /** The stage (1-5) the case is in. */
  stage: number;
  dates: CaseDates;
}

/** `overdue`: a deadline has passed; `due-soon`: within the window; `reached`: a milestone's day has come. */
export type WarningLevel = 'overdue' | 'due-soon' | 'reached';

export const WARNING_LEVEL_LABELS: Record<WarningLevel, string> = { overdue: '已逾期', 'due-soon': '即将到期', reached: '已到期' };

export const WARNING_KIND_LABELS: Record<DeadlineKind, string> = {
  'talk-due': '谈话',
  'evaluation-due': '半年考察',
  'cultivation-reached': '培养满一年',
  'admission-approval-due': '接收预备党员审批',
  'admission-approval-limit': '接收预备党员审批时限',
  'probation-end': '预备期满',
  'conversion-approval-due': '转正审批',
};

/** The step (docs/domain/development.md numbering) at which a warning is resolved: its link target. */
export const WARNING_STEP: Record<DeadlineKind, number> = {
  'talk-due': 2,
  'evaluation-due': 6,
  'cultivation-reached': 7,
  'admission-approval-due': 17,
  'admission-approval-limit': 17,
  'probation-end': 22,
  'conversion-approval-due': 24,
};

/**
 * Mailed by the development reminders, never a second copy by the warnings: an overdue admission approval
 * (3 months, hard stop at 6), which the reminders also enforce (the case's warning, the decision window, the
 * block), and the cultivation year or the probation end reached, which they announce as "stage III / V can start
 * now". Their due-soon warnings are mailed as warnings.
 */
export function mailedByReminders(item: { kind: DeadlineKind; level: WarningLevel }): boolean {
  if (item.level === 'overdue') return item.kind === 'admission-approval-due' || item.kind === 'admission-approval-limit';
  return item.level === 'reached' && (item.kind === 'cultivation-reached' || item.kind === 'probation-end');
}

export interface WarningItem {
  caseId: string;
  personName: string;
  orgId: string;
  stage: number;
  kind: DeadlineKind;
  dueDate: string;
  level: WarningLevel;
  /** Days from `asOf` to the due date (negative when past). */
  daysLeft: number;
  /** e.g. 张三：应在 2026-04-10 前与入党申请人谈话（已逾期 3 天） */
  message: string;
  /** Link target: the case and the step to act on. */
  target: { caseId: string; stepNo: number };
  /** Stable per case, deadline and level: one e-mail per key. */
  key: string;
}

function levelOf(deadline: CaseDeadline): WarningLevel | undefined {
  if (deadline.status === 'overdue') return 'overdue';
  if (deadline.status === 'due-soon') return 'due-soon';
  if (deadline.status === 'reached') return 'reached';
  return undefined;
}

function when(level: WarningLevel, daysLeft: number): string {
  if (level === 'overdue') return `已逾期 ${-daysLeft} 天`;
  if (level === 'reached') return daysLeft === 0 ? '今天到期' : `已到期 ${-daysLeft} 天`;
  return daysLeft === 0 ? '今天到期' : `还有 ${daysLeft} 天`;
}

export interface WarningOptions {
  /** A deadline within this many days is due soon (default 14, as caseDeadlines). */
  dueSoonDays?: number;
  /** The rule set of each case (by its version); default the national rules. */
  rulesOf?: (item: WarningCase) => DevelopmentRuleSet;
}

/** Every warning of the cases on `asOf`, overdue first, then by due date and name. */
export function caseWarnings(cases: readonly WarningCase[], asOf: string, options: WarningOptions = {}): WarningItem[] {
  const items: WarningItem[] = [];
  for (const item of cases) {
    const rules = options.rulesOf?.(item) ?? DEFAULT_RULE_SET;
    for (const deadline of caseDeadlines(item.dates, asOf, rules, { dueSoonDays: options.dueSoonDays })) {
      const level = levelOf(deadline);
      if (!level) continue;
      items.push({
        caseId: item.caseId,
        personName: item.personName,
        orgId: item.orgId,
        stage: item.stage,
        kind: deadline.kind,
        dueDate: deadline.dueDate,
        level,
        daysLeft: deadline.daysLeft,
        message: `${item.personName}：${deadline.message}（${when(level, deadline.daysLeft)}）`,
        target: { caseId: item.caseId, stepNo: WARNING_STEP[deadline.kind] },
        key: `${item.caseId}#${deadline.kind}#${deadline.dueDate}#${level}`,
      });
    }
  }
  const rank: Record<WarningLevel, number> = { overdue: 0, reached: 1, 'due-soon': 2 };
  return items.sort((a, b) => rank[a.level] - rank[b.level] || a.dueDate.localeCompare(b.dueDate) || a.personName.localeCompare(b.personName, 'zh-CN'));
}

export interface StageCount {
  stage: number;
  cases: number;
  overdue: number;
  dueSoon: number;
  reached: number;
}

/** Cases and warnings per stage (1-5), every stage listed even when empty. */
export function warningCountsByStage(cases: readonly Pick<WarningCase, 'caseId' | 'stage'>[], items: readonly WarningItem[]): StageCount[] {
  return [1, 2, 3, 4, 5].map((stage) => {
    const here = items.filter((item) => item.stage === stage);
    return {
      stage,
      cases: cases.filter((item) => item.stage === stage).length,
      overdue: here.filter((item) => item.level === 'overdue').length,
      dueSoon: here.filter((item) => item.level === 'due-soon').length,
      reached: here.filter((item) => item.level === 'reached').length,
    };
  });
}
