import type { PendingTask } from '../../../shared/domain/tasks/pending-task';
import { staffHomePage } from '../../../shared/ui/pages/staff-home';

// docs/domain/pending-tasks.md P4: a large scope's 待办 comes a page at a time, with links on and back to the start.
const staff = { displayName: '王红', role: 'committee-staff' as const, csrfToken: 'x' };
const task: PendingTask = {
  id: 't1', kind: 'approval-overdue', title: '审批逾期：张三', orgId: 'b1', assigneeRole: 'committee-staff',
  subject: { approvalId: 'a1' }, status: 'open', createdAt: '2026-09-01T01:00:00.000Z', dueAt: '2026-10-01T01:00:00.000Z',
};
const now = new Date('2026-09-23T01:00:00.000Z');

test.each([
  [{}, false, false],
  [{ next: 'MjAyNi0xMC0wMVQwMTowMDowMC4wMDBaI3Qx' }, true, false],
  [{ next: 'MjAyNi0xMC0wMVQwMTowMDowMC4wMDBaI3Qx', paged: true }, true, true],
  [{ paged: true }, false, true],
])('pages %j: a link to the following tasks %s, back to the first %s', (pages, following, back) => {
  const page = String(staffHomePage([task], staff, now, undefined, [], undefined, pages));
  expect(page.includes('href="/staff?cursor=MjAyNi0xMC0wMVQwMTowMDowMC4wMDBaI3Qx">后面的待办事项</a>')).toBe(following);
  expect(page.includes('<a href="/staff">回到最早到期的待办</a>')).toBe(back);
});
