import { ServiceError } from '../../../shared/services/errors';

export class BodyTooLargeError extends ServiceError {
  readonly httpStatus = 413;
  /** `userMessage`: a route's own wording (e.g. the upload's size limit); else the generic one. */
  constructor(options?: ErrorOptions & { detail?: string; userMessage?: string }) {
    super(options?.userMessage ?? '提交的内容过大，请精简后重新提交。', options);
  }
}

export class BodyMalformedError extends ServiceError {
  readonly httpStatus = 400;
  constructor(options?: ErrorOptions & { detail?: string }) {
    super('提交的内容无法识别，请返回上一页重新提交。', options);
  }
}
