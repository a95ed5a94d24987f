import { synthesizeWorkflows } from '../../../infra/aws/asl';
import { runFloorBench } from '../../../scripts/bench/floor-bench';

test('the floor runs the synthesized notice ASL on bare aws-local-stepfunctions to "proceed"', async () => {
  const result = await runFloorBench({ notices: 5, rounds: 2, definition: synthesizeWorkflows().notice });
  expect(result.results).toEqual({ proceed: 10 });
  expect(result.roundsPerSecond).toHaveLength(2);
  expect(result.executionsPerSecond).toBeGreaterThan(0);
  expect(result.executionMs.count).toBe(5);
}, 60_000);
