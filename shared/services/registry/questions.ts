import { meetingAttendance, votingMembers, votingStanding, type MeetingAttendance } from '../../domain/registry/attendance';
import type { OrgTree } from '../../domain/registry/org-tree';
import type { Organization } from '../../domain/registry/organization';
import type { Person } from '../../domain/registry/person';
import { listOrgAccounts } from '../../store/accounts-repo';
import type { StaffRole } from '../actor';
import { loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { RecordNotFoundError } from '../../errors';
import { peopleOfSubtree } from './people-read';

/**
 * The questions the processes ask the registry (issue 3, part 5). They act for the system, not for a person, so
 * they take no actor; the pages that show their answers authorize first.
 */

type Deps = Pick<ServiceDeps, 'store'>;

async function treeWith(deps: Deps, orgId: string, read?: OrgTree) {
  const tree = read ?? (await loadOrgTree(deps.store));
  if (!tree.get(orgId)) throw new RecordNotFoundError('该组织');
  return tree;
}

const byName = (a: Pick<Person, 'name'>, b: Pick<Person, 'name'>) => a.name.localeCompare(b.name, 'zh-CN');

/**
 * The people of the organization and every organization below it, read once for the questions a request asks of
 * them (`votingMembersIn`, `meetingAttendanceIn`): a voting round checks 应到 and who may be elected from one read.
 */
export async function rosterOf(deps: Deps, orgId: string, read?: OrgTree): Promise<Person[]> {
  return peopleOfSubtree(deps.store, await treeWith(deps, orgId, read), orgId);
}

/** Full members with voting rights on `date` among `people`, by name. */
export const votingMembersIn = (people: readonly Person[], date: string): Person[] => votingMembers(people, date).sort(byName);

/** Full members with voting rights on `date` (YYYY-MM-DD), of the organization and every organization below it. */
export async function votingMembersOf(deps: Deps, orgId: string, date: string, read?: OrgTree): Promise<Person[]> {
  return votingMembersIn(await rosterOf(deps, orgId, read), date);
}

/** The voting names of the organization's roster on `date`, and why each other name has no vote (candidates' check). */
export async function votingStandingOf(deps: Deps, orgId: string, date: string, read?: OrgTree): Promise<ReturnType<typeof votingStanding>> {
  const tree = await treeWith(deps, orgId, read);
  return votingStanding(await peopleOfSubtree(deps.store, tree, orgId), date);
}

/**
 * Who should attend a general meeting of the organization on `date` (a branch meeting: the branch and its party
 * groups): the voting members, less those excluded with a recorded reason (listed with it).
 */
export async function meetingAttendanceOf(deps: Deps, orgId: string, date: string, read?: OrgTree): Promise<MeetingAttendance & { shouldAttendCount: number }> {
  return meetingAttendanceIn(await rosterOf(deps, orgId, read), date);
}

/** `meetingAttendanceOf` over people already read (`rosterOf`). */
export function meetingAttendanceIn(people: readonly Person[], date: string): MeetingAttendance & { shouldAttendCount: number } {
  const attendance = meetingAttendance([...people].sort(byName), date);
  return { ...attendance, shouldAttendCount: attendance.shouldAttend.length };
}

/** The nearest active organization above that may approve (a general branch never does); undefined at the top. */
export async function approverOf(deps: Deps, orgId: string): Promise<Organization | undefined> {
  return (await treeWith(deps, orgId)).approvingOrganization(orgId);
}

export interface StaffContact {
  username: string;
  displayName: string;
  role: StaffRole;
  orgId: string;
  email: string;
}

/**
 * Staff to notify about the organization: active committee and branch staff whose scope covers it, i.e. the
 * accounts of the organization itself and of every organization above it, nearest first. Administrators manage the
 * registry and are not told about an organization's business.
 */
export async function staffToNotify(deps: Deps, orgId: string): Promise<StaffContact[]> {
  const tree = await treeWith(deps, orgId);
  const orgIds = [orgId, ...tree.ancestors(orgId).map((org) => org.id)];
  const accounts = (await Promise.all(orgIds.map((id) => listOrgAccounts(deps.store, id)))).flat();
  return accounts
    .filter((account) => !account.disabled && account.role !== 'admin' && account.email)
    .map(({ username, displayName, role, orgId: accountOrg, email }) => ({ username, displayName, role, orgId: accountOrg, email }));
}
