import type { Election } from '../../../../shared/domain/election/election';
import { ELECTION_RULE_SETS } from '../../../../shared/domain/election/rule-set';
import { votingStanding } from '../../../../shared/domain/registry/attendance';
import type { MembershipStatus, RightsState } from '../../../../shared/domain/registry/person';
import { InputInvalidError } from '../../../../shared/errors';
import { FORM_STEP_EFFECTS } from '../../../../shared/domain/election/step-rules';

// A refused candidate is told why: not on the roster, or on it without a vote (预备党员, 留党察看…), never the
// blanket "不在名册中（或重名）" for someone who is in the roster.

const today = '2026-09-15';
const person = (name: string, status: MembershipStatus, rights: RightsState = 'normal', since = '2020-01-01') => ({
  name, statusHistory: [{ value: status, from: since }], rightsHistory: rights === 'normal' ? [] : [{ value: rights, from: since }],
});
const roster = [
  person('张伟', 'full'), person('刘洋', 'full'), person('陈静', 'full'), person('杨帆', 'full'),
  person('王芳', 'probationary'), person('李娜', 'full', 'probation-within-party'), person('黄敏', 'full', 'rights-suspended'),
  person('周杰', 'activist'), person('吴丽', 'full', 'normal', '2026-10-01'),
];

test.each([
  ['张伟', undefined],
  ['王芳', '是预备党员，不是正式党员'],
  ['周杰', '是入党积极分子，不是正式党员'],
  ['李娜', '处于留党察看期间，没有表决权'],
  ['黄敏', '处于停止党籍/暂停行使权利期间，没有表决权'],
  ['吴丽', '尚未登记党员状态'],
  ['赵磊', undefined],
])('%s: why no vote on the day (%s)', (name, reason) => {
  const { votingNames, noVote } = votingStanding(roster, today);
  expect(noVote.get(name)).toBe(reason);
  expect(votingNames.has(name)).toBe(name === '张伟');
});

test('two people of one name: the name votes when one of them does', () => {
  const { votingNames, noVote } = votingStanding([person('张伟', 'probationary'), person('张伟', 'full')], today);
  expect(votingNames.has('张伟')).toBe(true);
  expect(noVote.has('张伟')).toBe(false);
});

test('the recommendation names each refused candidate with the reason', () => {
  const election = { seats: 3, excluded: [], rules: ELECTION_RULE_SETS['2020'] } as unknown as Election;
  const names = ['张伟', '刘洋', '王芳', '李娜', '赵磊'];
  const values = {
    organizationNominees: names, jointNominations: {}, selfNominees: [], memberVoters: 10, staffVoters: 0,
    votes: Object.fromEntries(names.map((name) => [name, [8, 0]])),
  };
  const context = { ...votingStanding(roster, today), at: `${today}T02:00:00.000Z` };
  let message = '';
  try {
    FORM_STEP_EFFECTS.recommendation(election, values as never, context);
  } catch (error) {
    expect(error).toBeInstanceOf(InputInvalidError);
    message = (error as InputInvalidError).fieldErrors.votes ?? '';
  }
  expect(message).toContain('“王芳”是预备党员，不是正式党员');
  expect(message).toContain('“李娜”处于留党察看期间，没有表决权');
  expect(message).toContain('“赵磊”不在本组织名册中');
  expect(message).not.toContain('或重名');
});
