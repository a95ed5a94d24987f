import { runDevelopmentBench } from '../../../scripts/bench/development-bench';

// The benchmark's driver on a few cases: every case reaches full membership, and the counts are those of the
// whole path (five stage executions and four notices and three approvals nested per case), the same for each case.
test('three cases driven through all five stages reach full membership, with per-case counts', async () => {
  const result = await runDevelopmentBench({ endpoint: process.env.TEST_DYNAMODB_ENDPOINT!, cases: 3, clients: 3 });
  expect(result.completed).toBe(3);
  expect(result.executions).toBe(3 * (5 + 4 + 3));
  expect(result.unusualLog).toEqual([]);
  const { perCase } = result;
  expect(Number.isInteger(perCase.stateTransitions)).toBe(true);
  expect(perCase.stateTransitions).toBeGreaterThan(25);
  // Requests: opening the case, 14 step forms, 4 period records, 4 stage starts, 3 approvals and 3 filings opened
  // and decided (2 each), the case file.
  expect(perCase.httpRequests).toBe(1 + 14 + 4 + 4 + 3 * 2 + 3 * 2 + 1);
  expect(perCase.writeUnits).toBeGreaterThan(perCase.stateTransitions);
  expect(result.taskInvocationsByHandler).toMatchObject({ 'notice-publish': 12, 'notice-close': 12, 'approval-request': 9 });
});
