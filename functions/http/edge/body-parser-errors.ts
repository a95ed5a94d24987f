import { ServiceError } from '../../../shared/errors';

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

/** A field with text no one can read or see: broken UTF-8, a NUL or control character, a lone surrogate, only zero-width characters. */
export class TextUnreadableError extends ServiceError {
  readonly httpStatus = 422;
  constructor(options?: ErrorOptions & { detail?: string }) {
    super('提交的内容含有无法识别或看不见的字符（如乱码、空字符、零宽字符），请删除这些字符后重新提交。', options);
  }
}
