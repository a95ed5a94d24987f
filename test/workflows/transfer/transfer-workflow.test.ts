import { formatSerial } from '../../../shared/domain/transfer/serial';
import { getOrganization } from '../../../shared/store/orgs-repo';
import { getPerson, listPeople, listPeopleLeft } from '../../../shared/store/people-repo';
import { meetingAttendanceOf, votingMembersOf } from '../../../shared/services/registry/questions';
import { registerIncoming } from '../../../shared/services/transfer';
import { getTask } from '../../../shared/store/tasks-repo';
import { listAudit } from '../../../shared/store/audit';
import { getGuard } from '../../../shared/store/guards';
import type { TestRuntime } from '../../support/local-runtime';
import { runScheduledWork } from '../../../shared/services/scheduled/tick';
import { otherCommitteeStaff, outsideRequest, startTransferRuntime, TransferDriver, withinRequest, type TransferRegistry } from './transfer-fixtures';


let runtime: TestRuntime;
let registry: TransferRegistry;
let driver: TransferDriver;

beforeEach(async () => {
  ({ runtime, registry } = await startTransferRuntime());
  driver = new TransferDriver(runtime);
});
afterEach(async () => runtime.shutdown());

const mailsTo = (address: string) => runtime.mailer.sent.filter((m) => [m.to].flat().includes(address));

test('within the system, accepted: letter by the committee, the receiving branch accepts, the person moves once with his posts ended', async () => {
  const [zhang] = registry.members;
  const [transfer] = await driver.request(withinRequest([zhang.id]));
  expect(await driver.state(transfer.id)).toBe('IssueLetter');
  expect(mailsTo('dangwei-1@example.org').map((m) => m.subject)).toEqual(['【待办】组织关系转接：张伟 开具介绍信']);

  const issued = await driver.issue(transfer.id);
  expect(formatSerial(issued.letters[0].serialYear, issued.letters[0].serialNo)).toBe('〔2026〕第1号');
  expect(issued.letters[0].validUntil).toBe('2026-12-23T15:59:59.000Z');
  expect(await driver.state(transfer.id)).toBe('ArrivalAndAcceptance');
  expect(mailsTo('zuzhi-3@example.org').map((m) => m.subject)).toEqual(['【待办】组织关系转接：张伟 报到接收']);

  await runtime.advanceTo('2026-10-08T02:00:00.000Z');
  await driver.accept(transfer.id);
  expect(await driver.state(transfer.id)).toBe('SUCCEEDED');
  expect((await driver.execution(transfer.id)).output).toMatchObject({ step: { outcome: 'accepted' } });
  const moved = await getPerson(runtime.store, zhang.id);
  expect(moved?.orgId).toBe('branch-3');
  // He counts on the new branch's roster and votes there, no longer on the old one's.
  expect((await votingMembersOf(runtime.deps, 'branch-1', '2026-10-08')).map((p) => p.name)).not.toContain('张伟');
  expect((await meetingAttendanceOf(runtime.deps, 'branch-3', '2026-10-08')).shouldAttend.map((p) => p.name)).toEqual(['张伟']);
  const branch1 = await getOrganization(runtime.store, 'branch-1');
  expect(branch1?.committee.map((m) => m.name)).toEqual(['刘洋']);
  const branchHistory = await listAudit(runtime.store, 'ORG#branch-1');
  expect(branchHistory.at(-1)).toMatchObject({ action: 'org.committee-post-ended', details: { name: '张伟', posts: ['组织委员'], endedOn: '2026-10-08' } });
  expect((await listAudit(runtime.store, `PERSON#${zhang.id}`)).map((e) => e.action)).toEqual(['person.created', 'transfer.requested', 'person.transferred']);
  expect((await getGuard(runtime.store, { rule: 'transfer', scope: zhang.id }))?.holders).toEqual([]);
  expect(mailsTo('zuzhi-1@example.org').at(-1)?.text).toContain('已被业务一处党支部接收');
});

test('refused: the receiving branch returns it with the reason; the person stays', async () => {
  const [zhang] = registry.members;
  const [transfer] = await driver.request(withinRequest([zhang.id]));
  await driver.issue(transfer.id);
  const refused = await driver.refuse(transfer.id, '本人尚未到我单位报到');
  expect(refused).toMatchObject({ status: 'refused', refusalReason: '本人尚未到我单位报到' });
  expect(await driver.state(transfer.id)).toBe('SUCCEEDED');
  expect((await getPerson(runtime.store, zhang.id))?.orgId).toBe('branch-1');
  expect(mailsTo('zuzhi-1@example.org').at(-1)?.text).toContain('原因：本人尚未到我单位报到');
});

test('expired and reissued: acceptance refused after the validity, the letter cancelled keeps its number, a new serial', async () => {
  const [zhang] = registry.members;
  const [transfer] = await driver.request(withinRequest([zhang.id]));
  await driver.issue(transfer.id);
  await runtime.advanceTo('2026-12-23T16:00:00.000Z'); // one second after the last second of the validity
  await expect(driver.accept(transfer.id)).rejects.toMatchObject({ httpStatus: 409, userMessage: expect.stringContaining('介绍信已过有效期') });
  const reissuing = await driver.reissue(transfer.id);
  expect(reissuing.letters[0]).toMatchObject({ status: 'void', serialNo: 1, voidReason: '介绍信过期未报到' });
  expect(await driver.state(transfer.id)).toBe('IssueLetter');
  const second = await driver.issue(transfer.id);
  expect(second.letters.map((l) => [l.serialNo, l.status])).toEqual([[1, 'void'], [2, 'valid']]);
  expect(second.letters[1].validUntil).toBe('2027-03-24T15:59:59.000Z');
  await driver.accept(transfer.id);
  expect(await driver.state(transfer.id)).toBe('SUCCEEDED');
  expect((await getPerson(runtime.store, zhang.id))?.orgId).toBe('branch-3');
});

test('outside the system: the letter, then the returned receipt recorded by the sender', async () => {
  const [, wang] = registry.members;
  const [transfer] = await driver.request(outsideRequest([wang.id]));
  await driver.issue(transfer.id);
  expect(await driver.state(transfer.id)).toBe('ReturnedReceipt');
  await expect(driver.accept(transfer.id)).rejects.toMatchObject({ httpStatus: 403 });
  await runtime.advanceTo('2026-10-20T02:00:00.000Z');
  await expect(driver.receipt(transfer.id, '2026-10-21')).rejects.toMatchObject({ httpStatus: 422 });
  const received = await driver.receipt(transfer.id, '2026-10-15');
  expect(received).toMatchObject({ status: 'received', receiptDate: '2026-10-15' });
  expect(await driver.state(transfer.id)).toBe('SUCCEEDED');

  // He left the system: off the branch's roster, its voting members and its should-attend from the receipt's date.
  const left = await getPerson(runtime.store, wang.id);
  expect(left).toMatchObject({ orgId: 'branch-1', status: 'transferred-out' });
  expect(left?.statusHistory.at(-1)).toEqual({ value: 'transferred-out', from: '2026-10-15', note: '组织关系转往中共某县委组织部' });
  expect((await listPeople(runtime.store, 'branch-1')).map((p) => p.name)).not.toContain('王芳');
  expect((await listPeopleLeft(runtime.store, 'branch-1')).map((p) => p.name)).toEqual(['王芳']);
  expect((await votingMembersOf(runtime.deps, 'branch-1', '2026-10-20')).map((p) => p.name)).not.toContain('王芳');
  expect((await meetingAttendanceOf(runtime.deps, 'branch-1', '2026-10-20')).shouldAttend.map((p) => p.name)).not.toContain('王芳');
  expect((await votingMembersOf(runtime.deps, 'branch-1', '2026-10-20')).map((p) => p.name)).toContain('张伟');

  // Coming back with a letter from outside, he is registered again on the receiving branch's roster.
  const { reactivated } = await registerIncoming(runtime.deps, otherCommitteeStaff, {
    orgId: 'branch-3', fromOrgName: '中共某县委组织部', name: wang.name, gender: wang.gender, ethnicity: wang.ethnicity, birthDate: wang.birthDate,
    idNumber: wang.idNumber, education: wang.education, unitPost: wang.unitPost, phone: wang.phone, status: 'full', statusFrom: '2026-10-20',
  });
  expect(reactivated).toBe(true);
  expect((await listPeople(runtime.store, 'branch-3')).map((p) => p.name)).toEqual(['王芳']);
  expect(await listPeopleLeft(runtime.store, 'branch-1')).toEqual([]);
});

test('a batch: one request for three members, one execution and one letter each, consecutive serial numbers', async () => {
  const transfers = await driver.request(withinRequest(registry.members.map((m) => m.id)));
  expect(transfers).toHaveLength(3);
  expect(new Set(transfers.map((t) => t.batchId)).size).toBe(1);
  const issued = await Promise.all(transfers.map((t) => driver.issue(t.id)));
  expect(issued.map((t) => t.letters[0].serialNo).sort()).toEqual([1, 2, 3]);
  for (const t of transfers) await driver.accept(t.id);
  for (const t of transfers) expect(await driver.state(t.id)).toBe('SUCCEEDED');
  const people = await Promise.all(registry.members.map((m) => getPerson(runtime.store, m.id)));
  expect(people.map((p) => p?.orgId)).toEqual(['branch-3', 'branch-3', 'branch-3']);
});

test('accepted twice at once: the person moves once, the second is told it was handled', async () => {
  const [zhang] = registry.members;
  const [transfer] = await driver.request(withinRequest([zhang.id]));
  await driver.issue(transfer.id);
  const results = await Promise.allSettled([driver.accept(transfer.id), driver.accept(transfer.id)]);
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { httpStatus: 409 } });
  const person = await getPerson(runtime.store, zhang.id);
  expect(person).toMatchObject({ orgId: 'branch-3', version: zhang.version + 1 });
  expect((await listAudit(runtime.store, `PERSON#${zhang.id}`)).filter((e) => e.action === 'person.transferred')).toHaveLength(1);
  expect((await getTask(runtime.store, `transfer-${transfer.id}-arrival-1`))?.status).toBe('done');
});

test('one transfer at a time per person; a second request names him', async () => {
  const [zhang] = registry.members;
  await driver.request(withinRequest([zhang.id]));
  await expect(driver.request(withinRequest([zhang.id]))).rejects.toMatchObject({ httpStatus: 409, userMessage: expect.stringContaining('张伟已有正在办理的组织关系转接') });
});

test('the scheduler tick mails each warning once: about to expire, expired, and six months gone', async () => {
  const [zhang] = registry.members;
  const [transfer] = await driver.request(withinRequest([zhang.id]));
  await driver.issue(transfer.id);
  const warningSubjects = () => runtime.mailer.sent.map((m) => m.subject).filter((s) => s.startsWith('【组织关系转接预警】'));
  await runtime.advanceTo('2026-12-09T15:59:59.000Z');
  await runScheduledWork(runtime.deps);
  expect(warningSubjects()).toEqual([]);
  await runtime.advanceTo('2026-12-10T01:00:00.000Z');
  await runScheduledWork(runtime.deps);
  await runScheduledWork(runtime.deps);
  expect(warningSubjects()).toEqual(['【组织关系转接预警】张伟：介绍信即将到期']);
  await runtime.advanceTo('2026-12-24T01:00:00.000Z');
  await runScheduledWork(runtime.deps);
  expect(warningSubjects().slice(1)).toEqual(['【组织关系转接预警】张伟：介绍信已过期未接收']);
  await runtime.advanceTo('2027-03-21T01:00:00.000Z');
  await runScheduledWork(runtime.deps);
  expect(warningSubjects().slice(2)).toEqual(['【组织关系转接预警】张伟：离开已满六个月未转接']);
  expect(mailsTo('zuzhi-3@example.org').some((m) => m.subject === '【组织关系转接预警】张伟：介绍信已过期未接收')).toBe(true);
});
