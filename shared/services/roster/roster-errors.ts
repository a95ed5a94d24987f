import { ServiceError } from '../../errors';

/** The file cannot be read as a roster at all (format, encoding, size, header): nothing is imported. */
export class RosterFileInvalidError extends ServiceError {
  readonly httpStatus = 422;
  constructor(userMessage: string, options?: ErrorOptions & { detail?: string }) {
    super(userMessage, options);
  }
}

/** The carried file of a confirmation does not match its checksum (damaged or altered in the page). */
export class RosterFileMismatchError extends ServiceError {
  readonly httpStatus = 400;
  constructor(options?: ErrorOptions & { detail?: string }) {
    super('导入的文件与预览时的文件不一致，请重新上传文件并预览。', options);
  }
}
