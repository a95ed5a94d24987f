import { AWS_PRICES, costOf } from '../../../scripts/bench/aws-prices';

const none = { stateTransitions: 0, taskInvocations: 0, httpRequests: 0, readUnits: 0, writeUnits: 0, mails: 0 };

test.each([
  ['1,000 state transitions', { stateTransitions: 1000 }, 'stepFunctions', 0.025],
  ['a million write units', { writeUnits: 1e6 }, 'dynamoDb', 0.625],
  ['a million read units', { readUnits: 1e6 }, 'dynamoDb', 0.125],
  ['1,000 mails', { mails: 1000 }, 'ses', 0.1],
  // 0.20 per million requests + 0.25 GB × 0.1 s × 0.0000166667 per GB-s per invocation
  ['a million task invocations', { taskInvocations: 1e6 }, 'lambda', 0.2 + 0.25 * 0.1 * 0.0000166667 * 1e6],
] as const)('%s cost their list price', (_what, usage, part, dollars) => {
  const cost = costOf({ ...none, ...usage });
  expect(cost[part]).toBeCloseTo(dollars, 6);
  expect(cost.total).toBeCloseTo(dollars, 6);
});

test('an HTTP request is an HTTP API request and a Lambda invocation', () => {
  const cost = costOf({ ...none, httpRequests: 1e6 });
  expect(cost.httpApi).toBeCloseTo(1, 6);
  expect(cost.lambda).toBeCloseTo(1e6 * (AWS_PRICES.lambdaPerRequest + 0.25 * 0.1 * AWS_PRICES.lambdaPerGbSecond), 6);
  expect(cost.total).toBeCloseTo(cost.httpApi + cost.lambda, 9);
});
