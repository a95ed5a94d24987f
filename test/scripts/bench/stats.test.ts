import { unusualLogLines } from '../../../scripts/bench/bench-runtime';
import { mapLimit, percentile, round, summarize, tally } from '../../../scripts/bench/stats';

describe('bench statistics', () => {
  test('percentiles are nearest-rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  test('a summary agrees with the percentiles and leaves its input alone', () => {
    const values = [5, 1, 4, 2, 3];
    expect(summarize(values)).toEqual({ count: 5, min: 1, p50: 3, p99: 5, max: 5, mean: 3 });
    expect(values).toEqual([5, 1, 4, 2, 3]);
    expect(summarize([]).count).toBe(0);
  });

  test('rounding, tallies', () => {
    expect(round(1.2345, 2)).toBe(1.23);
    expect(round(Number.NaN)).toBeNaN();
    expect(tally([303, 303, 500, 'x'])).toEqual({ 303: 2, 500: 1, x: 1 });
  });

  test('mapLimit keeps the order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapLimit([30, 10, 20, 5, 1], 2, async (ms, index) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running--;
      return index;
    });
    expect(results).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
  });

  test('the runner log: transitions are ordinary, anything else is counted apart', () => {
    const log = [
      '[sfn] notice-bench-x-0001: → WaitForNoticeEnd',
      '[sfn] notice-bench-x-0001: SUCCEEDED',
      '[sfn] arn:aws:states:local:000000000000:execution:notice:n-1: step CloseNotice interrupted (socket hang up); retrying',
      '[sfn] notice-bench-x-0002: FAILED States.TaskFailed boom',
    ];
    expect(unusualLogLines(log)).toEqual(log.slice(2));
  });
});
