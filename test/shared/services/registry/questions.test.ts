import type { Person } from '../../../../shared/domain/registry/person';
import { approverOf, meetingAttendanceOf, staffToNotify, votingMembersOf } from '../../../../shared/services/registry';
import { addAccount } from '../../../functions/http/support/test-deps';
import { putTestOrg, putTestPerson, testOrg, testPerson } from '../../../support/registry-fixtures';
import { registryFixture } from './support';

let fixture: Awaited<ReturnType<typeof registryFixture>>;
const people: Record<string, Person> = {};

beforeAll(async () => {
  fixture = await registryFixture();
  const { store } = fixture.deps;
  const add = async (key: string, person: Parameters<typeof testPerson>[0]) => (people[key] = await putTestPerson(store, testPerson({ name: key, ...person })));
  await add('赵正式', { orgId: 'b1' });
  await add('钱小组', { orgId: 'g1' }); // in the branch's party group: counts for the branch
  await add('孙预备', { orgId: 'b1', status: 'probationary', statusHistory: [{ value: 'probationary', from: '2025-06-20' }] });
  // Converted to full member on 2026-02-01: a voting member from that day only.
  await add('李转正', { orgId: 'b1', status: 'full', statusHistory: [{ value: 'probationary', from: '2025-01-10' }, { value: 'full', from: '2026-02-01' }] });
  // Probation cancelled (取消预备党员资格) on 2026-01-20: never a voting member, before or after.
  await add('陈取消', { orgId: 'b1', status: 'probation-cancelled', statusHistory: [{ value: 'probationary', from: '2025-01-10' }, { value: 'probation-cancelled', from: '2026-01-20' }] });
  // Under 留党察看 from 2025-12-10 until restored on 2026-12-10.
  await add('周察看', { orgId: 'b1', rightsState: 'probation-within-party', rightsHistory: [{ value: 'probation-within-party', from: '2025-12-10' }, { value: 'normal', from: '2026-12-10' }] });
  await add('吴出国', { orgId: 'b1', exclusions: [{ reason: 'abroad', from: '2025-11-01', to: '2026-10-31', note: '公派出国' }] });
  await add('郑服刑', { orgId: 'g1', exclusions: [{ reason: 'serving-sentence', from: '2025-05-01' }] });
  await add('王别支部', { orgId: 'b2' });
  await putTestOrg(store, testOrg({ id: 'c9', kind: 'committee', parentId: 'wc', mayApprove: false }));
  await putTestOrg(store, testOrg({ id: 'b9', kind: 'branch', parentId: 'c9' }));
  await addAccount(store, { username: 'li', password: 'x', role: 'branch-staff', orgId: 'b1', email: 'li@example.org' });
  await addAccount(store, { username: 'wang', password: 'x', role: 'committee-staff', orgId: 'c1', email: 'wang@example.org' });
  await addAccount(store, { username: 'zhao', password: 'x', role: 'branch-staff', orgId: 'b2', email: 'zhao@example.org' });
  await addAccount(store, { username: 'admin', password: 'x', role: 'admin', orgId: 'wc', email: 'admin@example.org' });
});

const names = (list: { name: string }[]) => list.map((p) => p.name).sort();

describe('questions the processes ask', () => {
  test('voting members on a date follow the status and rights histories, over the subtree', async () => {
    expect(names(await votingMembersOf(fixture.deps, 'b1', '2026-01-15'))).toEqual(names([{ name: '赵正式' }, { name: '钱小组' }, { name: '吴出国' }, { name: '郑服刑' }]));
    expect(names(await votingMembersOf(fixture.deps, 'b1', '2026-03-01'))).toEqual(names([{ name: '赵正式' }, { name: '钱小组' }, { name: '李转正' }, { name: '吴出国' }, { name: '郑服刑' }]));
    expect(names(await votingMembersOf(fixture.deps, 'b1', '2027-01-01'))).toContain('周察看');
    expect(names(await votingMembersOf(fixture.deps, 'b1', '2025-12-01'))).toContain('周察看');
    expect(names(await votingMembersOf(fixture.deps, 'c1', '2026-03-01'))).toContain('王别支部');
  });

  test('should attend: voting members less the excluded, each with the recorded reason', async () => {
    const attendance = await meetingAttendanceOf(fixture.deps, 'b1', '2026-03-01');
    expect(names(attendance.shouldAttend)).toEqual(names([{ name: '赵正式' }, { name: '钱小组' }, { name: '李转正' }]));
    expect(attendance.shouldAttendCount).toBe(3);
    expect(attendance.excluded.map((e) => [e.name, e.reasonLabel, e.note]).sort()).toEqual([
      ['吴出国', '出国出境半年以上', '公派出国'],
      ['郑服刑', '正在服刑', undefined],
    ].sort());
    const later = await meetingAttendanceOf(fixture.deps, 'b1', '2026-11-01'); // back from abroad
    expect(names(later.shouldAttend)).toContain('吴出国');
  });

  test('the approver skips a general branch and a committee that may not approve', async () => {
    expect((await approverOf(fixture.deps, 'b2'))?.id).toBe('c1');
    expect((await approverOf(fixture.deps, 'gb'))?.id).toBe('c1');
    expect((await approverOf(fixture.deps, 'b9'))?.id).toBe('wc');
    expect(await approverOf(fixture.deps, 'wc')).toBeUndefined();
    await expect(approverOf(fixture.deps, 'nope')).rejects.toMatchObject({ httpStatus: 404 });
  });

  test('staff to notify: the staff whose scope covers the organization, nearest first, not administrators', async () => {
    expect((await staffToNotify(fixture.deps, 'g1')).map((s) => [s.username, s.email])).toEqual([['li', 'li@example.org'], ['wang', 'wang@example.org']]);
    expect((await staffToNotify(fixture.deps, 'b2')).map((s) => s.username)).toEqual(['zhao', 'wang']);
    expect(await staffToNotify(fixture.deps, 'wc')).toEqual([]);
  });
});
