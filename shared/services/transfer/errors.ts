import { ServiceError } from '../../errors';

/** The person has a transfer under way (one at a time, docs/domain/transfer.md T1). */
export class TransferAlreadyActiveError extends ServiceError {
  readonly httpStatus = 409;
  constructor(names: string[], options?: ErrorOptions & { detail?: string }) {
    super(`${names.join('、')}已有正在办理的组织关系转接，不能重复申请；请待其办结后再申请。`, options);
  }
}

/** The change is not allowed now (docs/domain/transfer.md T2, T6): the rule's Chinese reasons. */
export class TransferChangeRefusedError extends ServiceError {
  readonly httpStatus = 409;
  constructor(readonly problems: string[], options?: ErrorOptions & { detail?: string }) {
    super(problems.join(''), options);
  }
}

/** Another change was saved first (a double click, two staff at once): the page is out of date. */
export class TransferChangedError extends ServiceError {
  readonly httpStatus = 409;
  constructor(options?: ErrorOptions & { detail?: string }) {
    super('该转接已被他人办理或已有更新，请刷新页面查看最新状态。', options);
  }
}

/** The development case may not move yet (docs/domain/transfer.md T8): what to wait for. */
export class CaseCannotMoveError extends ServiceError {
  readonly httpStatus = 409;
  constructor(readonly blockers: string[], options?: ErrorOptions & { detail?: string }) {
    super(`该同志的发展党员材料暂不能转入：${blockers.join('')}届时再办理接收即可，转接不会丢失。`, options);
  }
}

/** The series' numbers kept being taken by other letters issued at the same moment (docs/domain/transfer.md T5). */
export class LetterSeriesBusyError extends ServiceError {
  readonly httpStatus = 409;
  constructor(options?: ErrorOptions & { detail?: string }) {
    super('同一时间开具的介绍信较多，编号未能取得，介绍信没有开具；请稍后再点击“开具介绍信”。', options);
  }
}

/** The development case has an approval or a notice open: the receipt waits for it (docs/domain/transfer.md T8b). */
export class CaseCannotLeaveError extends ServiceError {
  readonly httpStatus = 409;
  constructor(readonly blockers: string[], options?: ErrorOptions & { detail?: string }) {
    super(`该同志的发展党员材料尚有未结束的事项：${blockers.join('；')}。请待其结束后再登记回执；回执日期按回执上所填写的日期登记，稍后登记不影响转接，回执也不会丢失。`, options);
  }
}
