import { checkElectionSize, type ElectionSizeInput } from '../../../../shared/domain/election/election-size';
import { DEFAULT_ELECTION_RULES } from '../../../../shared/domain/election/rule-set';

const input = (over: Partial<ElectionSizeInput>): ElectionSizeInput => ({ orgKind: 'branch', votingMembers: 12, seats: 3, deputies: 1, form: 'gongtui', rules: DEFAULT_ELECTION_RULES, ...over });
const outcome = (over: Partial<ElectionSizeInput>) => {
  const check = checkElectionSize(input(over));
  return check.ok ? 'ok' : check.field;
};

// Issue 13 item 2: an election that could never finish is refused when it is created, each boundary on both sides.
test.each([
  ['a branch of 7 members electing a committee of 3', { votingMembers: 7, seats: 3 }, 'ok'],
  ['a branch of 6 members electing a committee of 3', { votingMembers: 6, seats: 3 }, 'seats'],
  ['a branch of 6 members electing a secretary and a deputy', { votingMembers: 6, seats: 2, deputies: 1 }, 'ok'],
  ['a branch of 6 members electing a secretary only', { votingMembers: 6, seats: 1, deputies: 0 }, 'ok'],
  ['a branch of 6 members: seats 2 without a deputy', { votingMembers: 6, seats: 2, deputies: 0 }, 'seats'],
  ['a branch of 3 members: the 海选 of 3 seats of the issue', { votingMembers: 3, seats: 3, form: 'haixuan' }, 'seats'],
  ['a branch of 3 members: secretary and deputy need 3 candidates', { votingMembers: 3, seats: 2, deputies: 1 }, 'ok'],
  ['a branch of 2 members: secretary and deputy need 3 candidates', { votingMembers: 2, seats: 2, deputies: 1 }, 'seats'],
  ['a branch of 2 members: a secretary needs 2 candidates', { votingMembers: 2, seats: 1, deputies: 0 }, 'ok'],
  ['a branch of 1 member', { votingMembers: 1, seats: 1, deputies: 0 }, 'seats'],
  ['a branch committee of 7', { votingMembers: 40, seats: 7 }, 'ok'],
  ['a branch committee of 8', { votingMembers: 40, seats: 8 }, 'seats'],
  ['a committee of 9 with 11 members (needs 11)', { orgKind: 'committee', votingMembers: 11, seats: 9 }, 'ok'],
  ['a committee of 9 with 10 members (needs 11)', { orgKind: 'committee', votingMembers: 10, seats: 9 }, 'seats'],
  ['a committee of 2 seats', { orgKind: 'committee', votingMembers: 40, seats: 2 }, 'seats'],
  ['a general branch of 5 members: no small-branch rule, 3 seats need 4', { orgKind: 'general-branch', votingMembers: 5, seats: 3 }, 'ok'],
  ['as many deputies as seats', { votingMembers: 12, seats: 3, deputies: 3 }, 'deputies'],
] as const)('%s: %s', (_name, over, expected) => {
  expect(outcome(over as Partial<ElectionSizeInput>)).toBe(expected);
});

test('the refusal says what to do, in Chinese', () => {
  expect(checkElectionSize(input({ votingMembers: 3, seats: 3, form: 'haixuan' }))).toEqual({
    ok: false, field: 'seats', message: '本支部有表决权的正式党员 3 名，不足 7 名，不设支部委员会，只选举书记 1 名、副书记 1 名：委员名额应填 2。',
  });
  expect(checkElectionSize(input({ orgKind: 'committee', votingMembers: 3, seats: 3, form: 'haixuan' }))).toMatchObject({
    message: '应选 3 名，海选首轮公开投票须产生候选人预备人选至少 4 名，本组织有表决权的正式党员只有 3 名，选举无法完成：请减少委员名额。',
  });
});
