import { bandCounts, distributionChart, trendChart } from '../../../shared/ui/assessment-charts';
import { visibleProblems } from '../../support/visible-text';

test.each([
  [[59.9], [1, 0, 0, 0, 0]], [[60], [0, 1, 0, 0, 0]], [[69.9, 70], [0, 1, 1, 0, 0]], [[89.9, 90], [0, 0, 0, 1, 1]], [[100, 103], [0, 0, 0, 0, 2]], [[0], [1, 0, 0, 0, 0]],
])('score rates %j fall in the bands %j', (percents, counts) => {
  expect(bandCounts(percents)).toEqual(counts);
});

test('the distribution: inline SVG with a text alternative, nothing loaded from elsewhere', () => {
  const chart = String(distributionChart('2026 年累计得分分布', [95, 91, 72, 40]));
  expect(chart).toContain('<svg role="img" aria-label="2026 年累计得分分布：60 分以下 1 个，60–69 0 个，70–79 1 个，80–89 0 个，90 分以上 2 个"');
  expect(chart).toContain('<tr><td>90 分以上</td><td>2</td></tr>');
  expect(chart).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  expect(visibleProblems(chart)).toEqual([]);
});

test('the trend: a point per scored period, a gap where a period is not scored, the same figures as a table', () => {
  const chart = String(trendChart('2026 年得分趋势', [{ label: '2026年1月', percent: 100 }, { label: '2026年2月', percent: 81.3 }, { label: '2026年3月' }, { label: '2026年4月', percent: 50 }]));
  expect(chart.match(/<circle /g)).toHaveLength(3);
  expect(chart.match(/<polyline /g)).toHaveLength(2);
  expect(chart).toContain('2026年3月 未评分');
  expect(chart).toContain('<tr><td>2026年2月</td><td>81.3%</td></tr>');
  expect(visibleProblems(chart)).toEqual([]);
});
