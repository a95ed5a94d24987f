import type { OrgKind } from '../registry/organization';
import { candidateCount } from './nomination';
import type { ElectionForm } from './election';
import type { ElectionRuleSet } from './rule-set';

/** A branch with fewer full members than this has no committee: it elects a secretary (and a deputy where needed). */
export const SMALL_BRANCH_MEMBERS = 7;
/** A branch committee has at most this many members. */
export const BRANCH_COMMITTEE_MAX = 7;
/** A committee (not a small branch's secretary) has at least this many members. */
export const COMMITTEE_MIN = 3;

export interface ElectionSizeInput {
  orgKind: OrgKind;
  /** Full members with voting rights: the voters, and those who may be elected. */
  votingMembers: number;
  seats: number;
  deputies: number;
  form: ElectionForm;
  rules: Pick<ElectionRuleSet, 'candidateMargin'>;
}

export type ElectionSizeCheck = { ok: true } | { ok: false; field: 'seats' | 'deputies'; message: string };

/**
 * Whether an election of this size can finish (docs/domain/elections.md): a branch with fewer than 7 full members elects only a
 * secretary (and a deputy where needed: seats = 1 + deputies); a committee has 3 or more seats (a branch's at most 7);
 * the candidates the first ballot needs — 差额, seats plus 20% rounded up, or the 海选 open ballot's list — cannot be
 * more than the members who may be elected.
 */
export function checkElectionSize(input: ElectionSizeInput): ElectionSizeCheck {
  const { votingMembers: n, seats, deputies } = input;
  const branch = input.orgKind === 'branch';
  if (branch && n < SMALL_BRANCH_MEMBERS) {
    const posts = 1 + deputies;
    if (seats !== posts) {
      return { ok: false, field: 'seats', message: `本支部有表决权的正式党员 ${n} 名，不足 ${SMALL_BRANCH_MEMBERS} 名，不设支部委员会，只选举书记 1 名${deputies > 0 ? '、副书记 1 名' : '（必要时另选副书记 1 名）'}：委员名额应填 ${posts}。` };
    }
  } else {
    if (seats < COMMITTEE_MIN) return { ok: false, field: 'seats', message: `委员名额至少 ${COMMITTEE_MIN} 名（只有党员不足 ${SMALL_BRANCH_MEMBERS} 名的支部才只选举书记、副书记）。` };
    if (branch && seats > BRANCH_COMMITTEE_MAX) return { ok: false, field: 'seats', message: `支部委员会委员一般 3 至 5 名，最多 ${BRANCH_COMMITTEE_MAX} 名。` };
  }
  if (deputies >= seats) return { ok: false, field: 'deputies', message: '副书记职数应少于委员名额。' };
  const needed = candidateCount(seats, input.rules);
  if (needed > n) {
    const how = input.form === 'haixuan' ? `海选首轮公开投票须产生候选人预备人选至少 ${needed} 名` : `差额选举须有候选人至少 ${needed} 名（多于应选人数 20%，向上取整）`;
    return { ok: false, field: 'seats', message: `应选 ${seats} 名，${how}，本组织有表决权的正式党员只有 ${n} 名，选举无法完成：请减少委员名额。` };
  }
  return { ok: true };
}
