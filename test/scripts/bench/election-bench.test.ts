import { runElectionBench } from '../../../scripts/bench/election-bench';

// The benchmark's driver on a few branches: every election reaches approved results, and the counts are those of the
// whole path (the election execution with three approvals, the announcement and the one candidate-list notice nested), the
// same for each election.
test('three 公推直选 elections driven through all six steps reach approved results, with per-election counts', async () => {
  const result = await runElectionBench({ endpoint: process.env.TEST_DYNAMODB_ENDPOINT!, elections: 3, clients: 3 });
  expect(result.completed).toBe(3);
  expect(result.executions).toBe(3 * (1 + 3 + 1 + 1));
  expect(result.unusualLog).toEqual([]);
  const { perElection } = result;
  expect(Number.isInteger(perElection.stateTransitions)).toBe(true);
  expect(perElection.stateTransitions).toBeGreaterThan(50);
  // Requests: the written request, 3 approvals opened and decided (2 each), 4 step forms, 4 rounds, the file.
  expect(perElection.httpRequests).toBe(1 + 3 * 2 + 4 + 4 + 1);
  // Mails: 3 approval requests to the committee, a to-do for each of the 8 human steps to the branch's staff.
  expect(perElection.mails).toBe(3 + 8);
  expect(perElection.writeUnits).toBeGreaterThan(perElection.stateTransitions);
  expect(result.taskInvocationsByHandler).toMatchObject({
    'approval-request': 9, 'election-open-step': 24, 'notice-publish': 6, 'notice-close': 6, 'election-record-results': 3,
  });
});
