import { simulateDevelopment } from '../../../scripts/simulate/simulate-development';

test('the simulation takes a demo case through all 25 steps and four notices, in order, to full membership', async () => {
  const { timeline, mails } = await simulateDevelopment(process.env.TEST_DYNAMODB_ENDPOINT!);
  expect(timeline[0]).toMatch(/^\S+ 的发展党员全程纪实（规则版本 2014）$/);
  const steps = timeline.map((line) => /第\s*(\d+)步/.exec(line)?.[1]).filter(Boolean).map(Number);
  expect(steps).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  const notices = timeline.filter((line) => line.includes('公示   '));
  expect(notices.map((line) => /公示 {3}(\S+?)公示/.exec(line)?.[1])).toEqual(['入党积极分子', '发展对象', '拟接收预备党员', '预备党员拟转正']);
  expect(notices.every((line) => line.includes('期满无异议或异议不成立'))).toBe(true);
  // The activist notice follows the decision it announces; the conversion approval comes a year after admission.
  expect(timeline.findIndex((l) => l.includes('入党积极分子公示'))).toBeGreaterThan(timeline.findIndex((l) => l.includes('第 3步')));
  expect(timeline.find((l) => l.includes('第25步'))).toMatch(/^2028-01-\d\d {2}第25步 材料归档/);
  expect(mails.filter((subject) => subject.startsWith('【审批】'))).toHaveLength(3);
});
