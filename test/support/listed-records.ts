import type { ApprovalSubject } from '../../shared/domain/approval/approval';
import type { PersonNotice } from '../../shared/domain/notice/notice';
import { putNewApproval, type StoredApproval } from '../../shared/store/approvals-repo';
import { LISTING_SK } from '../../shared/store/listings';
import { putNewNotice } from '../../shared/store/notices-repo';
import type { Store } from '../../shared/store/store';
import { transactWrite, type TransactItem } from '../../shared/store/transact';

/** Approvals and notices as the repositories store them, for the tests of the province-wide lists (listings.ts). */

export const at = (n: number) => new Date(Date.UTC(2026, 8, 1) + n * 60_000).toISOString();

export const approval = (id: string, orgId: string, createdAt: string): StoredApproval & { subject: ApprovalSubject } => ({
  id, subject: { kind: 'pre-review', title: `审批事项${id}`, summary: '张三，男，大学本科。', orgId, orgName: '某党支部' },
  policy: 'any', dueDate: '2026-10-30T09:00:00.000Z', approvers: [{ name: '赵审批', email: 'approver@example.org', linkHash: `hash-${id}` }],
  status: 'pending', decisions: [], taskToken: `token-${id}`, executionArn: `arn:test:${id}`, createdAt, version: 1,
});

export const notice = (id: string, orgId: string, publishedAt: string): PersonNotice => ({
  id, orgId, orgName: '某党支部', kind: 'development-target', audience: 'public',
  subject: { name: '张三', gender: '男', birthYearMonth: '1995-04', education: '大学本科', unitPost: '科员' }, proposedStep: '拟确定为发展对象',
  objectionContact: { office: '机关党委组织处', contact: '010-12345678' }, period: { unit: 'workingDays', count: 5 }, createdBy: 'wang',
  status: 'open', publishedAt, endsAt: '2026-10-09T23:59:59+08:00', endsAtMs: Date.parse('2026-10-09T23:59:59+08:00'), provisional: false, objectionCount: 0,
});

export async function putApprovals(store: Store, approvals: ReturnType<typeof approval>[]): Promise<void> {
  for (let i = 0; i < approvals.length; i += 25) await transactWrite(store, approvals.slice(i, i + 25).flatMap((a) => putNewApproval(store, a)));
}

export async function putNotices(store: Store, notices: PersonNotice[]): Promise<void> {
  for (let i = 0; i < notices.length; i += 40) await transactWrite(store, notices.slice(i, i + 40).flatMap((n) => putNewNotice(store, n)));
}

const withoutEntry = (items: TransactItem[]) => items.filter((item) => item.Put?.Item?.sk !== LISTING_SK);

/** As stored before the province-wide lists: without the listing entry. */
export async function putApprovalBeforeTheList(store: Store, a: ReturnType<typeof approval>): Promise<void> {
  await transactWrite(store, withoutEntry(putNewApproval(store, a)));
}

export async function putNoticeBeforeTheList(store: Store, n: PersonNotice): Promise<void> {
  await transactWrite(store, withoutEntry(putNewNotice(store, n)));
}
