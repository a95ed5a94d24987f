import type { TallyProblem } from './types';

export function quorumNotMet(shouldAttend: number, present: number, strict: boolean): TallyProblem {
  const rule = strict ? '须超过应到人数的五分之四' : '须达到应到人数的五分之四';
  return { code: 'quorumNotMet', message: `实到 ${present} 人，应到 ${shouldAttend} 人：实到人数${rule}，选举无效` };
}

export function moreBallotsReturnedThanIssued(issued: number, returned: number): TallyProblem {
  return {
    code: 'moreBallotsReturnedThanIssued',
    message: `收回选票 ${returned} 张，多于发出的 ${issued} 张：本次选举无效，应重新进行选举`,
  };
}

export function candidateMarginTooSmall(seats: number, candidates: number, needed: number): TallyProblem {
  return {
    code: 'candidateMarginTooSmall',
    message: `应选 ${seats} 名，候选人 ${candidates} 名：差额不足，候选人数至少应为 ${needed} 名`,
  };
}
