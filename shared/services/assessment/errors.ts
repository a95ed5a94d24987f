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

/** A save over a version somebody else changed or published meanwhile. */
export class SchemeChangedError extends ServiceError {
  readonly httpStatus = 409;
  constructor(options?: ErrorOptions & { detail?: string }) {
    super('考核方案已被他人修改或已发布，请刷新页面后再操作。', options);
  }
}
