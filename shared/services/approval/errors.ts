import { ServiceError } from '../errors';

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
