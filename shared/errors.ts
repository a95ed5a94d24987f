/**
 * Errors the services raise for a person to act on. Each carries the HTTP status the edge answers with
 * and a message in Simplified Chinese for the page; a 4xx never hides a server fault.
 */
export abstract class ServiceError extends Error {
  abstract readonly httpStatus: number;
  /** What the page shows, in Simplified Chinese. */
  readonly userMessage: string;

  constructor(userMessage: string, options?: ErrorOptions & { detail?: string }) {
    super(options?.detail ?? userMessage, options);
    this.userMessage = userMessage;
    this.name = new.target.name;
  }
}

/** Bad input: per-field messages (field name → message in Chinese). */
export class InputInvalidError extends ServiceError {
  readonly httpStatus = 422;
  constructor(readonly fieldErrors: Record<string, string>, options?: ErrorOptions) {
    super('提交的内容有误，请按提示修改后重新提交。', options);
  }
}

export class AuthRequiredError extends ServiceError {
  readonly httpStatus = 401;
  constructor(options?: ErrorOptions) {
    super('请先登录。', options);
  }
}

export class AuthForbiddenError extends ServiceError {
  readonly httpStatus = 403;
  constructor(options?: ErrorOptions & { detail?: string }) {
    super('您没有权限办理此事项。', options);
  }
}

export class RecordNotFoundError extends ServiceError {
  readonly httpStatus = 404;
  constructor(what: string, options?: ErrorOptions) {
    super(`未找到${what}。`, options);
  }
}

/** The notice no longer accepts objections (ended or withdrawn). */
export class NoticeClosedError extends ServiceError {
  readonly httpStatus = 409;
  constructor(readonly endsAt: string, options?: ErrorOptions & { detail?: string }) {
    super(`该公示已于 ${endsAt} 结束，不再受理异议。如有情况反映，请直接联系公示所列的受理部门。`, options);
  }
}

/** The person has an open notice of the same step (one open notice per person and step). */
export class NoticeAlreadyOpenError extends ServiceError {
  readonly httpStatus = 409;
  constructor(options?: ErrorOptions & { detail?: string }) {
    super('该人员同一事项的公示正在进行，不能重复发布；请待该公示结束或撤回后再发布。', options);
  }
}

/** A notice that cannot change any more (closed, withdrawn). */
export class NoticeNotOpenError extends ServiceError {
  readonly httpStatus = 409;
  constructor(options?: ErrorOptions & { detail?: string }) {
    super('该公示已结束或已撤回，无法再进行此操作。', options);
  }
}

/** A notice a process published as the record of an approved decision (staffMayWithdraw). */
export class NoticeNotWithdrawableError extends ServiceError {
  readonly httpStatus = 409;
  constructor(options?: ErrorOptions & { detail?: string }) {
    super('该公示由考核或评议程序在审批后发布，不能在此撤回；如需更正，请联系发布它的党组织。', options);
  }
}

/** A human step that someone else has already completed. */
export class TaskAlreadyHandledError extends ServiceError {
  readonly httpStatus = 409;
  constructor(readonly handledBy: string | undefined, readonly handledAt: string | undefined, options?: ErrorOptions) {
    super(`此事项已由${handledBy ?? '其他工作人员'}${handledAt ? `于 ${handledAt} ` : ''}办理完毕，无需重复提交。`, options);
  }
}
