import { ServiceError } from '../../errors';

/** The step submitted is not the one the election waits on (another step is open, or none). */
export class ElectionStepNotOpenError extends ServiceError {
  readonly httpStatus = 409;
  constructor(readonly waitingFor: string | undefined, options?: ErrorOptions & { detail?: string }) {
    super(waitingFor ? `此选举当前待办理的是“${waitingFor}”，不能提交此步骤。` : '此选举当前没有待办理的步骤。', options);
  }
}

/** The organization has an election still running. */
export class ElectionAlreadyRunningError extends ServiceError {
  readonly httpStatus = 409;
  constructor(options?: ErrorOptions & { detail?: string }) {
    super('该组织已有正在进行的换届选举，不能重复发起。', options);
  }
}

/** A round entered again (double click, retry) after it was recorded: nothing more is written. */
export class ElectionRoundAlreadyRecordedError extends ServiceError {
  readonly httpStatus = 409;
  constructor(readonly roundNo: number, options?: ErrorOptions & { detail?: string }) {
    super(`第 ${roundNo} 轮投票已录入，无需重复提交。`, options);
  }
}

/** Ending an election that is not running, or already asked to end. */
export class ElectionEndNotPossibleError extends ServiceError {
  readonly httpStatus = 409;
  constructor(userMessage: string, options?: ErrorOptions & { detail?: string }) {
    super(userMessage, options);
  }
}
