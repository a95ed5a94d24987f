import fc from 'fast-check';
import { CIRCULAR_MAX_CHARS, circularBody, isDueSoon, reportReminderDue, reviewReminderDue } from '../../../../shared/domain/assessment';

// Reminders before and warnings after the due instant (A18), with the boundary on each side.
const dueAt = '2026-02-06T23:59:59+08:00';

test.each([
  ['open', '2026-02-03T15:59:58.999Z', undefined],
  ['open', '2026-02-03T15:59:59.000Z', 'before'],
  ['returned', '2026-02-05T00:00:00.000Z', 'before'],
  ['open', '2026-02-06T15:59:59.000Z', 'before'],
  ['open', '2026-02-06T15:59:59.001Z', 'after'],
  ['returned', '2026-03-01T00:00:00.000Z', 'after'],
  ['submitted', '2026-03-01T00:00:00.000Z', undefined],
  ['scored', '2026-02-05T00:00:00.000Z', undefined],
])('%s at %s → %s', (status, now, kind) => {
  expect(reportReminderDue({ status, dueAt }, new Date(now))).toBe(kind);
});

test('the 待办 marks a task due within 3 days, never one overdue', () => {
  expect([isDueSoon(dueAt, new Date('2026-02-03T15:59:58Z')), isDueSoon(dueAt, new Date('2026-02-04T00:00:00Z')), isDueSoon(dueAt, new Date('2026-02-07T00:00:00Z'))]).toEqual([false, true, false]);
});

// The committee's reminder and warning of a period's review deadline (A16a), the boundary on each side.
test.each([
  ['2026-02-10T15:59:58.999Z', undefined],
  ['2026-02-10T15:59:59.000Z', 'before'],
  ['2026-02-13T15:59:59.000Z', 'before'],
  ['2026-02-13T15:59:59.001Z', 'after'],
])('review deadline 13 Feb, at %s → %s', (now, kind) => {
  expect(reviewReminderDue('2026-02-13T23:59:59+08:00', new Date(now))).toBe(kind);
});

describe('the circular (A16, A16a)', () => {
  const report = (orgName: string, status: 'open' | 'submitted' | 'returned' | 'scored', score?: number, returns = 0, late = false) => ({
    orgId: `id-${orgName}`, orgName, status, score, fullMarks: 16, late, returns: Array.from({ length: returns }, () => ({ reason: '请补充材料', at: '2026-02-03T01:00:00.000Z', byName: '李组织员' })),
  });

  test('every report scored: the ranking (equal scores share a rank), the late and returned reports, no fourth part', () => {
    expect(circularBody([report('甲支部', 'scored', 15), report('乙支部', 'scored', 16, 1), report('丙支部', 'scored', 15, 0, true)])).toBe([
      '一、得分及排名', '第 1 名　乙支部　16 分（满分 16 分）', '第 2 名　丙支部　15 分（满分 16 分）', '第 2 名　甲支部　15 分（满分 16 分）', '',
      '二、逾期报送', '丙支部', '', '三、退回修改', '乙支部（退回 1 次）',
    ].join('\n'));
  });

  test('at the review deadline: the reports not scored are listed apart with where each stands, not ranked', () => {
    const body = circularBody([report('甲支部', 'submitted'), report('乙支部', 'returned', undefined, 2), report('丙支部', 'open')]);
    expect(body).toContain('一、得分及排名\n无\n');
    expect(body).toContain('四、审核期限届满时尚未评分（不参加本期排名）\n甲支部（已报送，待审核）、乙支部（已退回，尚未重新报送）、丙支部（未报送）');
  });

  test('500 organizations: the ranking cut to the first 20 with the addressee\'s own place; the lists say how many; within one notice', () => {
    const reports = Array.from({ length: 500 }, (_, i) => ({
      ...report(`第${i + 1}党支部`, i < 480 ? 'scored' as const : 'submitted' as const, i < 480 ? 100 - i / 10 : undefined, i % 7 === 0 ? 1 : 0, i % 10 === 9),
      fullMarks: 100,
    }));
    const body = circularBody(reports, 'id-第300党支部');
    expect(body.length).toBeLessThanOrEqual(CIRCULAR_MAX_CHARS);
    expect(body).toContain('本期共 500 个组织，已评分 480 个。组织较多，本通报列出前 20 名和本组织的名次。');
    expect(body).toContain('第 20 名　第20党支部　98.1 分（满分 100 分）\n……\n本组织：第 300 名　第300党支部　70.1 分（满分 100 分）');
    expect(body).not.toContain('第 21 名');
    expect(body).toMatch(/二、逾期报送（共 50 个）\n第10党支部、第20党支部、.*、第500党支部\n/); // all fit
    expect(body).toMatch(/三、退回修改（共 72 个）\n第1党支部（退回 1 次）、.*（退回 1 次）等 72 个组织\n/); // cut, with how many
    expect(circularBody(reports, 'id-第490党支部')).toContain('本组织：第490党支部（已报送，待审核，不参加本期排名）');
  });

  test('any committee: the circular fits in one notice and names the addressee\'s place when it was scored', () => {
    const status = fc.constantFrom('open' as const, 'submitted' as const, 'returned' as const, 'scored' as const);
    const reportArb = fc.record({ name: fc.string({ minLength: 2, maxLength: 60 }), status, score: fc.integer({ min: 0, max: 1000 }), returns: fc.nat(3), late: fc.boolean() });
    fc.assert(fc.property(fc.array(reportArb, { maxLength: 700 }), fc.nat(), (rows, pick) => {
      const reports = rows.map((r, i) => ({ ...report(r.name, r.status, r.status === 'scored' ? r.score / 10 : undefined, r.returns, r.late), orgId: `o${i}` }));
      const forOrgId = reports.length > 0 ? reports[pick % reports.length].orgId : undefined;
      const body = circularBody(reports, forOrgId);
      expect(body.length).toBeLessThanOrEqual(CIRCULAR_MAX_CHARS);
      const own = reports.find((r) => r.orgId === forOrgId);
      if (own?.status === 'scored') expect(body).toContain(`${own.orgName}　${Math.round((own.score ?? 0) * 10) / 10} 分`);
    }), { numRuns: 60 });
  });
});
