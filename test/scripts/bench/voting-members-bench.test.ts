import { idNumberProblems } from '../../../shared/domain/registry/id-number';
import { OrgTree } from '../../../shared/domain/registry/org-tree';
import { votesOn } from '../../../shared/domain/registry/person';
import {
  formatVotingMembersBench,
  runVotingMembersBench,
  votingBenchOrganizations,
  votingBenchPerson,
  votingMembersBenchJson,
  votingMembersWarnings,
} from '../../../scripts/bench/voting-members-bench';

test('the seed: valid, distinct ID numbers, and 16 in 20 vote on the date, as the domain says', () => {
  const seeded = Array.from({ length: 2_000 }, (_, i) => votingBenchPerson(i, 'bench-vb1'));
  const ids = new Set(seeded.map(({ person }) => person.id));
  expect(ids.size).toBe(2_000);
  for (const { person, votes } of seeded) {
    expect(idNumberProblems(person.idNumber, person, '2026-09-23')).toEqual([]);
    expect(votesOn(person, '2026-09-23')).toBe(votes);
  }
  expect(seeded.filter((s) => s.votes)).toHaveLength(1_600);
});

test('the tree: a committee, 2 general branches holding 4 branches each, the other branches under the committee', () => {
  const tree = new OrgTree(votingBenchOrganizations(20, 2));
  expect(tree.subtreeIds('bench-vc')).toHaveLength(23);
  expect(tree.childrenOf('bench-vg1').map((org) => org.id)).toEqual(['bench-vb1', 'bench-vb2', 'bench-vb3', 'bench-vb4']);
  expect(tree.childrenOf('bench-vc')).toHaveLength(2 + 12);
});

test('a small voting-members bench returns what the seed implies', async () => {
  const result = await runVotingMembersBench({ endpoint: process.env.TEST_DYNAMODB_ENDPOINT!, people: 160, branches: 8, calls: 5, warmupCalls: 1 });
  expect(result.committee).toMatchObject({ subtreeOrgs: 11, people: 160, expected: 128, returned: 128, inconsistentCalls: 0, calls: 5 });
  expect(result.branch).toMatchObject({ subtreeOrgs: 1, people: 20, expected: 16, returned: 16 });
  expect(result.committee.latencyMs.p99).toBeGreaterThan(0);
  expect(votingMembersWarnings(result)).toEqual([]);
  expect(formatVotingMembersBench(result)).toContain('p99');
  expect(votingMembersBenchJson(result)).toMatchObject({ people: 160, committee: { returned: 128 } });
  expect(votingMembersWarnings({ ...result, branch: { ...result.branch, returned: 15 } })).toEqual(['测试局第1党支部: 15 voting members returned, the seed implies 16']);
});
