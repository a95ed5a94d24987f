import type { PendingTask } from '../../../shared/domain/tasks/pending-task';
import { staffHomePage } from '../../../shared/ui/pages/staff-home';

// The 待办 marks assessment tasks, the report and the review alike, 即将到期 within 3 days of their due instant and
// 已逾期 after it (A16a, A18); the boundary on each side.
const staff = { displayName: '王红', role: 'committee-staff' as const, csrfToken: 'x' };
const task = (kind: PendingTask['kind']): PendingTask => ({
  id: `t-${kind}`, kind, title: '党建考核审核：办公室党支部 2027年1月', orgId: 'c1', assigneeRole: 'committee-staff',
  subject: { committeeId: 'c1', periodKey: '2027-M01', orgId: 'b1' }, status: 'open', createdAt: '2027-02-01T01:00:00.000Z', dueAt: '2027-02-12T15:59:59.000Z',
});

test.each([
  ['assessment-review', '2027-02-09T15:59:58.000Z', ''],
  ['assessment-review', '2027-02-09T15:59:59.000Z', '即将到期'],
  ['assessment-report', '2027-02-10T00:00:00.000Z', '即将到期'],
  ['assessment-review', '2027-02-12T15:59:59.000Z', '即将到期'],
  ['assessment-review', '2027-02-12T16:00:00.000Z', '已逾期'],
  ['development-step', '2027-02-10T00:00:00.000Z', ''],
] as const)('%s at %s: %s', (kind, now, mark) => {
  const page = String(staffHomePage([task(kind)], staff, new Date(now)));
  for (const tag of ['即将到期', '已逾期']) expect(page.includes(`>${tag}</span>`)).toBe(tag === mark);
});
