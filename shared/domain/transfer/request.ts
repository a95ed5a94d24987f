import { MEMBERSHIP_STATUS_LABELS, type Person } from '../registry/person';
import type { Organization } from '../registry/organization';
import { transferableStatus } from './transfer';

/**
 * Who a branch may ask to transfer (docs/domain/transfer.md T1): one of its own people, a member or someone on the
 * way to membership (T8 moves his case). The problem in Chinese, or undefined.
 */
export function memberProblem(person: Pick<Person, 'name' | 'orgId' | 'status'> | undefined, from: Pick<Organization, 'id' | 'name'>): string | undefined {
  if (!person || person.orgId !== from.id) return `所选人员不属于${from.name}。`;
  if (!transferableStatus(person.status)) return `${person.name}是${MEMBERSHIP_STATUS_LABELS[person.status]}，只有正式党员、预备党员及入党积极分子、发展对象办理转接。`;
  return undefined;
}

/** Where a transfer within the system may go (T1): an active branch other than the sending one. */
export function destinationProblem(org: Pick<Organization, 'id' | 'name' | 'kind' | 'status'> | undefined, fromOrgId: string): string | undefined {
  if (!org || org.status !== 'active') return '转入组织不存在或已撤销。';
  if (org.kind !== 'branch') return `组织关系应转入党支部，“${org.name}”不是党支部。`;
  if (org.id === fromOrgId) return '转入组织不能是转出组织本身。';
  return undefined;
}

/** The date on a returned receipt (T6): not before the letter's day of issue, not after today (China dates). */
export function receiptDateProblem(receiptDate: string, letterIssuedOn: string | undefined, today: string): string | undefined {
  if (letterIssuedOn && receiptDate < letterIssuedOn) return '回执日期不能早于介绍信开具日期。';
  if (receiptDate > today) return '回执日期不能晚于今天。';
  return undefined;
}
