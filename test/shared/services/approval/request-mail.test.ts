import { decideBy } from '../../../../shared/domain/approval/approval';
import { requestMail } from '../../../../shared/services/approval/format';
import type { ServiceDeps } from '../../../../shared/services/deps';
import type { StoredApproval } from '../../../../shared/store/approvals-repo';

// The approver is given one deadline: the due date, or the link's expiry when it comes first — never two that disagree.

const approval = {
  id: 'a1', subject: { kind: 'election-request', title: '关于办公室党支部召开党员大会进行换届选举的请示', summary: '情况', orgId: 'b1', orgName: '办公室党支部' },
  approvers: [{ name: '赵审批', email: 'zhao@example.org' }], policy: 'any', dueDate: '2027-02-11T15:59:59.000Z',
} as unknown as StoredApproval;
const deps = { publicBaseUrl: 'https://dangjian.example.cn' } as ServiceDeps;

test.each([
  ['the link expires first', '2027-01-26T02:00:00.000Z', '2027-01-26 10:00', '2027-02-11'],
  ['the approval is due first', '2027-03-01T02:00:00.000Z', '2027-02-11 23:59', '2027-03-01'],
])('%s: the mail names that date only', (_name, expiresAt, deadline, other) => {
  const { text } = requestMail(deps, approval, '案情摘要。', 0, 'x'.repeat(43), expiresAt, '请联系组织员。');
  expect(text).toContain(`请于 ${deadline}（北京时间）前作出决定`);
  expect(text).not.toContain(other);
  expect(text).toContain('（换届选举请示）');
});

test('decideBy is the earlier of the two', () => {
  expect(decideBy('2027-02-11T15:59:59.000Z', '2027-01-26T02:00:00.000Z')).toBe('2027-01-26T02:00:00.000Z');
  expect(decideBy('2027-02-11T15:59:59.000Z', '2027-02-11T16:00:00.000Z')).toBe('2027-02-11T15:59:59.000Z');
});
