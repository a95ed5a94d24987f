/** People (docs/domain/organizations-and-people.md): their record, membership status with its history, and the states that take away a vote. */

/**
 * probation-cancelled: the conversion general meeting cancelled the probationary status (取消预备党员资格); the
 * person is not a member (no vote, not counted as should attend), kept on the roster for the record.
 */
/** development-ended: an applicant, activist or development target whose development case was ended (终止发展). */
/**
 * transferred-out: a member whose membership went to an organization outside this system, its receipt (回执) back
 * (docs/domain/transfer.md T6b): no longer on any roster, his record kept; set only by the transfer, undone only by
 * registering his arrival back (T10).
 */
export type MembershipStatus = 'applicant' | 'activist' | 'development-target' | 'probationary' | 'full' | 'probation-cancelled' | 'development-ended' | 'transferred-out';

export const MEMBERSHIP_STATUS_LABELS: Record<MembershipStatus, string> = {
  applicant: '入党申请人',
  activist: '入党积极分子',
  'development-target': '发展对象',
  probationary: '预备党员',
  full: '正式党员',
  'probation-cancelled': '已取消预备党员资格',
  'development-ended': '已终止发展',
  'transferred-out': '已转出本系统',
};

/** The statuses staff record by hand (forms, roster files): every one but 已转出本系统, which only a transfer sets. */
export const RECORDABLE_STATUSES: readonly MembershipStatus[] = (Object.keys(MEMBERSHIP_STATUS_LABELS) as MembershipStatus[]).filter((s) => s !== 'transferred-out');

/** Whether the person is on his organization's roster: everyone but a member transferred out of the system. */
export function onRoster(person: Pick<Person, 'status'>): boolean {
  return person.status !== 'transferred-out';
}

/** States that remove voting rights while they last. */
export type RightsState = 'normal' | 'probation-within-party' | 'rights-suspended';

export const RIGHTS_STATE_LABELS: Record<RightsState, string> = {
  normal: '正常',
  'probation-within-party': '留党察看',
  'rights-suspended': '停止党籍/暂停行使权利',
};

/** The recorded reasons for leaving a voting member out of "should attend" (docs/domain/development.md). */
export type AttendanceExclusionReason = 'abroad' | 'serving-sentence' | 'unable-to-express' | 'long-illness' | 'away-without-transfer';

export const EXCLUSION_REASON_LABELS: Record<AttendanceExclusionReason, string> = {
  abroad: '出国出境半年以上',
  'serving-sentence': '正在服刑',
  'unable-to-express': '因病等原因丧失行为能力、无法表达意志',
  'long-illness': '长期患病',
  'away-without-transfer': '外出半年以上且未转组织关系',
};

/** A value with the date it took effect (YYYY-MM-DD), oldest first in a history. */
export interface Dated<T> {
  value: T;
  from: string;
  note?: string;
}

export interface AttendanceExclusion {
  reason: AttendanceExclusionReason;
  from: string;
  /** Last day, inclusive; open-ended when absent. */
  to?: string;
  note?: string;
}

export interface Person {
  id: string;
  orgId: string;
  name: string;
  gender: '男' | '女';
  ethnicity: string;
  /** YYYY-MM-DD */
  birthDate: string;
  idNumber: string;
  education: string;
  unitPost: string;
  phone: string;
  email?: string;
  address?: string;
  status: MembershipStatus;
  statusHistory: Dated<MembershipStatus>[];
  rightsState: RightsState;
  rightsHistory: Dated<RightsState>[];
  exclusions: AttendanceExclusion[];
  applicationDate?: string;
  /** Optimistic-locking version, incremented by every change. */
  version: number;
}

function valueOn<T>(history: readonly Dated<T>[], date: string): T | undefined {
  let current: T | undefined;
  for (const entry of history) if (entry.from <= date) current = entry.value;
  return current;
}

/** The membership status on a date, from the history (undefined before the first entry). */
export function statusOn(person: Pick<Person, 'statusHistory'>, date: string): MembershipStatus | undefined {
  return valueOn(person.statusHistory, date);
}

export function rightsOn(person: Pick<Person, 'rightsHistory'>, date: string): RightsState {
  return valueOn(person.rightsHistory, date) ?? 'normal';
}

export function exclusionOn(person: Pick<Person, 'exclusions'>, date: string): AttendanceExclusion | undefined {
  return person.exclusions.find((e) => e.from <= date && (e.to === undefined || date <= e.to));
}

/** Only full members whose rights are not restricted vote (docs/domain/organizations-and-people.md, docs/domain/elections.md). */
export function votesOn(person: Pick<Person, 'statusHistory' | 'rightsHistory'>, date: string): boolean {
  return statusOn(person, date) === 'full' && rightsOn(person, date) === 'normal';
}

/** Why a person has no vote on `date`, in Chinese (是预备党员, 受留党察看处分…); undefined when they vote. */
export function noVoteReason(person: Pick<Person, 'statusHistory' | 'rightsHistory'>, date: string): string | undefined {
  const status = statusOn(person, date);
  if (status !== 'full') return status ? `是${MEMBERSHIP_STATUS_LABELS[status]}，不是正式党员` : '尚未登记党员状态';
  const rights = rightsOn(person, date);
  return rights === 'normal' ? undefined : `处于${RIGHTS_STATE_LABELS[rights]}期间，没有表决权`;
}
