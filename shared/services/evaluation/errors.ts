import { ServiceError } from '../../errors';

/** The branch already has its evaluation of the year (one per branch and year). */
export class EvaluationExistsError extends ServiceError {
  readonly httpStatus = 409;
  constructor(year: number, options?: ErrorOptions & { detail?: string }) {
    super(`该支部 ${year} 年度的民主评议党员已经开始，不能重复发起。`, options);
  }
}

/** The step submitted is not the one the evaluation waits on. */
export class EvaluationStepNotOpenError extends ServiceError {
  readonly httpStatus = 409;
  constructor(waitingFor: string | undefined, options?: ErrorOptions & { detail?: string }) {
    super(waitingFor ? `此次民主评议当前待办理的是“${waitingFor}”，不能提交此步骤。` : '此次民主评议当前没有待办理的步骤。', options);
  }
}

export type RaterCodeProblem = 'unknown' | 'spent' | 'expired' | 'closed';

const CODE_MESSAGES: Record<RaterCodeProblem, string> = {
  unknown: '评议码不存在，请核对评议码纸条上的字母和数字后重新输入。',
  spent: '此评议码已经使用过，每个评议码只能评议一次。',
  expired: '此评议码已过有效期，不能再评议。如有疑问请联系支部。',
  closed: '本次民主评议的网上评议已经结束，不能再评议。',
};

/** A rater's code that cannot rate: unknown, spent, expired, or the rating closed. Nothing is written. */
export class RaterCodeRefusedError extends ServiceError {
  readonly httpStatus: number;
  constructor(readonly problem: RaterCodeProblem, options?: ErrorOptions & { detail?: string }) {
    super(CODE_MESSAGES[problem], options);
    this.httpStatus = problem === 'unknown' ? 404 : 410;
  }
}

/** An improvement talk is recorded from the publication of the grades until the follow-up is done. */
export class TalkNotOpenError extends ServiceError {
  readonly httpStatus = 409;
  constructor(options?: ErrorOptions & { detail?: string }) {
    super('谈心谈话在定档结果公开后、组织处置办结前登记；此次民主评议现在不能登记。', options);
  }
}
