import { runDevelopmentDemo } from '../../../scripts/simulate/development-demo';
import { createTestStore } from '../../support/store';

test('`npm run simulate -- development` drives one case through the 25 steps to full membership and prints its timeline', async () => {
  const lines = await runDevelopmentDemo(await createTestStore());
  expect(lines[0]).toBe('发展党员全程纪实：张三（规则 2014）');
  expect(lines.at(-1)).toBe('结果：已转为正式党员');
  const steps = lines.map((line) => /第 +(\d+) 步/.exec(line)?.[1]).filter(Boolean).map(Number);
  expect([...new Set(steps)]).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  expect(lines.filter((line) => line.includes('公示期满：0 条异议，无异议，继续办理'))).toHaveLength(4);
  expect(lines.filter((line) => line.includes('── 第'))).toHaveLength(5);
  // In order: each line's date is not before the previous one's.
  const dates = lines.slice(1, -1).map((line) => line.slice(0, 10));
  expect([...dates].sort()).toEqual(dates);
  expect(lines.join('\n')).toContain('第三阶段：发展对象的确定和考察自 2027-01-06 起可开始');
});
