import { checkResult, DevelopmentInputError, type CheckResult, type Finding } from './check-result';
import { addMonths, requireDate } from './dates';
import { DEFAULT_RULE_SET, type DevelopmentRuleSet } from './rule-set';

/**
 * Step 6: an evaluation every half year. Due date k (k = 1, 2, …) is the activist date plus k×6
 * months; the evaluation for period k is any evaluation after due date k−1 and on or before due date k.
 */
export function evaluationDueDates(activistDate: string, through: string, rules: DevelopmentRuleSet = DEFAULT_RULE_SET): string[] {
  requireDate(activistDate, '确定入党积极分子日期');
  requireDate(through, '日期');
  const dates: string[] = [];
  for (let k = 1; ; k += 1) {
    const due = addMonths(activistDate, k * rules.evaluationIntervalMonths);
    if (due > through) return dates;
    dates.push(due);
    if (k > 1200) throw new DevelopmentInputError('考察期过长');
  }
}

/** The next half-yearly due date strictly after `asOf`. */
export function nextEvaluationDueDate(activistDate: string, asOf: string, rules: DevelopmentRuleSet = DEFAULT_RULE_SET): string {
  const past = evaluationDueDates(activistDate, asOf, rules);
  return addMonths(activistDate, (past.length + 1) * rules.evaluationIntervalMonths);
}

/** A half-year whose due date has come by `asOf` without an evaluation after `from` and on or before `due`. */
export interface MissingEvaluation {
  from: string;
  due: string;
}

/**
 * The half-yearly evaluations of a case on `asOf`, by the due dates above: the half-years that have no
 * evaluation, and the next due date to meet (the one after the current half-year when that half-year
 * already has its evaluation). The step-6 check and the 预警 both read it, so they name the same dates.
 */
export function evaluationSchedule(
  input: { activistDate: string; evaluationDates: readonly string[]; asOf: string },
  rules: DevelopmentRuleSet = DEFAULT_RULE_SET,
): { missing: MissingEvaluation[]; nextDue: string } {
  const activistDate = requireDate(input.activistDate, '确定入党积极分子日期');
  const evaluations = input.evaluationDates.map((date) => requireDate(date, '考察日期'));
  const evaluatedIn = (from: string, due: string) => evaluations.some((date) => date > from && date <= due);
  const missing: MissingEvaluation[] = [];
  let previous = activistDate;
  const past = evaluationDueDates(activistDate, input.asOf, rules);
  for (const due of past) {
    if (!evaluatedIn(previous, due)) missing.push({ from: previous, due });
    previous = due;
  }
  const following = (k: number) => addMonths(activistDate, k * rules.evaluationIntervalMonths);
  const next = following(past.length + 1);
  return { missing, nextDue: evaluatedIn(previous, next) ? following(past.length + 2) : next };
}

/** Every half-year whose due date has passed by `asOf` must have an evaluation in it. */
export function checkEvaluations(
  input: { activistDate: string; evaluationDates: readonly string[]; asOf: string },
  rules: DevelopmentRuleSet = DEFAULT_RULE_SET,
): CheckResult {
  const activistDate = requireDate(input.activistDate, '确定入党积极分子日期');
  const evaluations = input.evaluationDates.map((date) => requireDate(date, '考察日期'));
  const problems: Finding[] = [];
  for (const date of evaluations) {
    if (date < activistDate) problems.push({ code: 'EVALUATION_BEFORE_ACTIVIST', message: `考察日期 ${date} 早于确定为入党积极分子的日期 ${activistDate}。` });
  }
  for (const { from, due } of evaluationSchedule({ activistDate, evaluationDates: evaluations, asOf: input.asOf }, rules).missing) {
    problems.push({ code: 'EVALUATION_MISSING', message: `${from} 至 ${due} 的半年考察没有记录（每半年应考察一次）。` });
  }
  return checkResult(problems);
}
