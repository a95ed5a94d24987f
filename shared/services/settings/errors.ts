import { ServiceError } from '../../errors';

/** Someone else saved the setting since the form was shown: 409, nothing written; reload and redo. */
export class SettingsVersionConflictError extends ServiceError {
  readonly httpStatus = 409;
  constructor(readonly storedVersion: number, options?: ErrorOptions & { detail?: string }) {
    super(`换届提醒设置已被他人修改（当前为第 ${storedVersion} 版），您看到的是旧版本，本次未保存。请核对最新设置后重新提交。`, options);
  }
}
