import { ServiceError } from '../../errors';

/** Staff tried to change an approval that is already decided. */
export class ApprovalNotPendingError extends ServiceError {
  readonly httpStatus = 409;
  constructor(options?: ErrorOptions & { detail?: string }) {
    super('该审批事项已有结果，无法再进行此操作。', options);
  }
}

/** Staff tried to resend or reassign the link of an approver who has already decided. */
export class ApproverAlreadyDecidedError extends ServiceError {
  readonly httpStatus = 409;
  constructor(name: string, options?: ErrorOptions & { detail?: string }) {
    super(`审批人${name}已作出决定，无需重新发送链接或更换审批人。`, options);
  }
}

/** A decision after the approval's hard stop (e.g. 6 months after the general meeting): refused. */
export class ApprovalWindowClosedError extends ServiceError {
  readonly httpStatus = 409;
  constructor(readonly closesAt: string, options?: ErrorOptions) {
    super(`已超过最长审批期限（${closesAt.slice(0, 10)}），不能再作出审批决定。请与上级党委组织部门联系。`, options);
  }
}
