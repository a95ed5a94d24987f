import type { Period } from '../calendar';

/**
 * The configurable numbers of the annual evaluation (docs/domain/evaluation.md, V2). An evaluation keeps the rules
 * it was started under.
 */
export interface EvaluationRules {
  rulesVersion: string;
  /** The 优秀 share cap, percent of those evaluated, rounded down (V7). */
  excellentCapPercent: number;
  /** How much one 群众评议 rating weighs beside a member's (0: shown beside, not counted) (V5). */
  massWeight: number;
  /** The publication's period (V9). */
  publication: Period;
  /** 基本合格: the improvement talk is due within this many months of publication (V10). */
  improvementTalkMonths: number;
  /** 不合格: 限期改正 for this many months from publication (V10). */
  correctionMonths: number;
  /** An evaluation of year Y should be started by the end of this month of year Y + 1 (V11). */
  startByMonth: number;
  /** How long a rater's code may be used, in calendar days from its issue (V4). */
  codeValidDays: number;
}

export const DEFAULT_EVALUATION_RULES: EvaluationRules = {
  rulesVersion: '2018',
  excellentCapPercent: 30,
  massWeight: 0,
  publication: { unit: 'workingDays', count: 5 },
  improvementTalkMonths: 1,
  correctionMonths: 6,
  startByMonth: 3,
  codeValidDays: 14,
};

export const EVALUATION_RULE_SETS: Record<string, EvaluationRules> = { '2018': DEFAULT_EVALUATION_RULES };
