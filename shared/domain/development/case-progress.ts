import type { DevelopmentCase, StageOutcome } from './case';
import { STAGE_OUTCOME_LABELS } from './case';
import { currentProbationEndDate } from './conversion';
import { cultivationCompleteDate } from './cultivation';
import type { DevelopmentRuleSet } from './rule-set';
import type { StageNo } from './steps';

/**
 * The case after a stage execution ended with `outcome` on `today` (YYYY-MM-DD): the long periods are dates on the
 * case (ARCHITECTURE §2). Completed: stage III may start on the anniversary of the activist date, stage V at the end
 * of probation, the others at once; stage V completed makes a full member. Rejected, a failed vote, a withdrawn
 * notice or a blocked approval: the same stage may run again (next attempt). Extended: a new stage V attempt at the
 * new end of probation. Stopped or cancelled: the case ends.
 */
export function caseAfterStage(devCase: DevelopmentCase, outcome: StageOutcome, rules: DevelopmentRuleSet, today: string, at: string, reason?: string): DevelopmentCase {
  const base: DevelopmentCase = {
    ...devCase,
    stageState: 'between',
    lastOutcome: outcome,
    outcomeReasons: outcome === 'completed' ? devCase.outcomeReasons : [...devCase.outcomeReasons, `第${devCase.stage}阶段：${reason ?? STAGE_OUTCOME_LABELS[outcome]}`],
    updatedAt: at,
    version: devCase.version + 1,
  };
  const next = (stage: StageNo, attempt: number, earliestStart: string): DevelopmentCase => ({ ...base, nextStage: { stage, attempt, earliestStart } });
  const close = (status: DevelopmentCase['status']): DevelopmentCase => ({ ...base, status, stageState: 'closed', nextStage: undefined, dates: { ...devCase.dates, closedDate: today } });
  const { dates } = devCase;
  switch (outcome) {
    case 'completed':
      switch (devCase.stage) {
        case 1:
          return next(2, 1, today);
        case 2:
          return next(3, 1, cultivationCompleteDate(dates.activistDate ?? today, rules));
        case 3:
          return next(4, 1, today);
        case 4:
          return next(5, 1, currentProbationEndDate(dates.admissionMeetingDate ?? today, dates.probationExtensions ?? [], rules));
        default:
          return { ...base, status: 'full-member', stageState: 'closed', nextStage: undefined };
      }
    case 'extended':
      return next(5, devCase.attempt + 1, currentProbationEndDate(dates.admissionMeetingDate ?? today, dates.probationExtensions ?? [], rules));
    case 'stopped':
      return close('stopped');
    case 'cancelled':
      return close('cancelled');
    default:
      return next(devCase.stage, devCase.attempt + 1, today);
  }
}
