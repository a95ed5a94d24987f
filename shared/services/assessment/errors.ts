import { AssessmentRuleError } from '../../domain/assessment';
import { InputInvalidError, ServiceError } from '../../errors';

/** A domain rule broken by staff input: a 422 with the rule's Chinese message on its field. */
export function asInputError(error: unknown): never {
  if (error instanceof AssessmentRuleError) throw new InputInvalidError({ [error.field ?? '_form']: error.message }, { cause: error });
  throw error;
}

/** Runs `check`, turning a broken rule into InputInvalidError (nothing is written before). */
export function checked<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    return asInputError(error);
  }
}

/** The report is not waiting for what was asked (already submitted, already scored, not open yet). */
export class ReportNotOpenError extends ServiceError {
  readonly httpStatus = 409;
  constructor(statusLabel: string, options?: ErrorOptions & { detail?: string }) {
    super(`该报告当前状态为“${statusLabel}”，不能办理此操作；请刷新页面查看最新状态。`, options);
  }
}

/** What somebody else changed meanwhile, so that the message names it (a scheme, an organization's bonuses and deductions, the year end). */
export type ChangedRecord = 'scheme' | 'adjustments' | 'year-end';

const CHANGED_MESSAGES: Record<ChangedRecord, string> = {
  scheme: '考核方案已被他人修改或已发布，本次未保存。请刷新页面，核对最新内容后重新操作。',
  adjustments: '该组织本年度的加减分刚由他人录入或修改，本次未录入。请刷新页面，核对最新的加减分后重新录入。',
  'year-end': '年终考核已被他人修改（述职评议得分已由他人保存，或已提交审批），本次未保存。请刷新页面，核对最新内容后重新操作。',
};

/** A save over a record somebody else changed meanwhile (its version moved on): a 409 naming what changed, nothing written. */
export class AssessmentChangedError extends ServiceError {
  readonly httpStatus = 409;
  constructor(readonly record: ChangedRecord, options?: ErrorOptions & { detail?: string }) {
    super(CHANGED_MESSAGES[record], options);
  }
}
