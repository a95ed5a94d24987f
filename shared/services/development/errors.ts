import type { Finding } from '../../domain/development/check-result';
import { ServiceError } from '../../errors';

/** A stage asked for before its date (the 1-year cultivation, the probation end). */
export class DevelopmentStageTooEarlyError extends ServiceError {
  readonly httpStatus = 409;
  constructor(readonly stage: number, readonly earliestStart: string, options?: ErrorOptions) {
    super(`第${stage}阶段须在 ${earliestStart} 以后开始，现在还不能开始。届时系统会提醒您。`, options);
  }
}

/** The case is not where the step or stage belongs (wrong stage, a stage running, the case closed). */
export class DevelopmentCaseStateError extends ServiceError {
  readonly httpStatus = 409;
  constructor(userMessage: string, options?: ErrorOptions & { detail?: string }) {
    super(userMessage, options);
  }
}

/** The form is well formed but breaks a rule of docs/domain/development.md: every problem is explained. */
export class DevelopmentRuleViolationError extends ServiceError {
  readonly httpStatus = 422;
  constructor(readonly problems: Finding[], options?: ErrorOptions) {
    super(problems.map((p) => p.message).join('\n'), options);
  }
}

/** A person with an open case cannot get a second one. */
export class DevelopmentCaseExistsError extends ServiceError {
  readonly httpStatus = 409;
  constructor(readonly caseId: string, options?: ErrorOptions) {
    super('该同志已有正在办理的发展党员案件，不能重复建立。', options);
  }
}

/** The filing acknowledgment link is unknown, used or expired. */
export class FilingLinkInvalidError extends ServiceError {
  readonly httpStatus = 404;
  constructor(options?: ErrorOptions) {
    super('该备案回执链接无效或已过期。如需确认备案，请联系报送单位。', options);
  }
}
