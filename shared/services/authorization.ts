import type { OrgTree } from '../domain/registry/org-tree';
import { currentOrgTree } from './org-tree-cache';
import type { Store } from '../store/store';
import type { Actor, StaffIdentity, StaffRole } from './actor';
import { AuthForbiddenError } from '../errors';

/**
 * Who may do what, where. A permission is an action allowed to a role; the place is the actor's scope, computed
 * from the CURRENT organization tree: an administrator everything; committee and branch staff the subtree of their
 * own organization (a committee's organizations below it; a branch and its party groups). Services call
 * `authorize` before any change; pages only hide what would be refused anyway.
 */
export const ACTIONS = [
  'org.view', 'org.create', 'org.edit', 'org.move', 'org.close',
  'person.view', 'person.viewIdNumber', 'person.create', 'person.edit', 'person.status', 'person.rights', 'person.exclusion',
  'roster.import', 'roster.export',
  'account.manage',
  'notice.publish', 'notice.withdraw', 'task.handle',
  'approval.manage',
  'election.view', 'election.handle', 'election.end',
  'evaluation.view', 'evaluation.handle', 'evaluation.talk', 'evaluation.startAll',
  'calendar.manage',
  'case.view', 'case.handle', 'case.end', 'case.committee', 'ruleset.manage', 'termreminders.manage',
  'transfer.view', 'transfer.request', 'transfer.issue', 'transfer.receive', 'transfer.receipt', 'transfer.incoming',
  'assessment.view', 'assessment.report', 'assessment.review', 'assessment.scheme',
] as const;

export type Action = (typeof ACTIONS)[number];

const ALL: readonly StaffRole[] = ['admin', 'committee-staff', 'branch-staff'];
const COMMITTEE: readonly StaffRole[] = ['admin', 'committee-staff'];
const ADMIN: readonly StaffRole[] = ['admin'];

/** The permission table: action → roles (documented in shared/services/README.md). */
export const PERMISSIONS: Record<Action, readonly StaffRole[]> = {
  'org.view': ALL,
  'org.create': ADMIN,
  'org.edit': COMMITTEE, // committee members, duties and terms after an election the committee approved
  'org.move': ADMIN,
  'org.close': ADMIN,
  'person.view': ALL, // with the ID number masked
  'person.viewIdNumber': COMMITTEE, // 显示完整证件号码 on the person page, recorded
  'person.create': ALL, // branch staff add people to their own branch, as 入党申请人 only (services/registry/people.ts)
  'person.edit': COMMITTEE,
  'person.status': COMMITTEE,
  'person.rights': COMMITTEE,
  'person.exclusion': ALL, // the branch knows who is abroad or ill, and runs the meetings
  'roster.import': COMMITTEE,
  'roster.export': COMMITTEE, // the file carries full ID numbers
  'account.manage': COMMITTEE, // administrators every account; committee staff the branch staff accounts of their subtree (domain/accounts)
  'notice.publish': ALL,
  'notice.withdraw': ALL,
  'task.handle': ALL,
  'approval.manage': COMMITTEE, // the higher committee's staff follow up approvals by e-mail link
  'election.view': ALL,
  'election.handle': ALL, // the branch runs its own election's steps through forms; the committee follows up
  'election.end': COMMITTEE, // ending an election (终止) is asked by the higher committee's staff, approved above
  'evaluation.view': ALL, // an evaluation's file (全程纪实), its tally; the committee's overview of a year
  'evaluation.handle': ALL, // start the branch's evaluation, its steps, codes, paper counts, self-evaluations
  'evaluation.talk': ALL, // record an improvement talk (谈心谈话) with a member graded 基本合格, on its own
  'evaluation.startAll': COMMITTEE, // start the evaluations of every branch below a committee at once
  'calendar.manage': ADMIN,
  'case.view': ALL, // a development case (发展党员) and its file (全程纪实)
  'case.handle': ALL, // open a case, start a stage, the branch's steps
  'case.end': ALL, // end a case (终止发展): the branch records why; the committee may too
  'case.committee': COMMITTEE, // the higher committee's steps: political review, training, interview, archive
  'ruleset.manage': ADMIN, // development rule sets by configuration
  'termreminders.manage': ADMIN, // the term-end reminder setting (换届提醒设置)
  // Transfers of membership (docs/domain/transfer.md): on the sending organization or on the receiving one.
  'transfer.view': ALL, // a transfer's file and letter: staff of the sending or the receiving organization
  'transfer.request': ALL, // the sending branch asks for its members
  'transfer.issue': COMMITTEE, // the letter, and its cancellation and reissue: the sending branch's higher committee
  'transfer.receive': ALL, // accept or refuse: the receiving organization
  'transfer.receipt': ALL, // the returned receipt of a letter outside the system: the sending organization
  'transfer.incoming': COMMITTEE, // a member arriving from outside the system: creates or re-activates a person (as person.create)
  'assessment.view': ALL, // the target assessment (党建工作目标考核): a committee's board, an organization's file
  'assessment.report': ALL, // an organization's report for a period
  'assessment.review': COMMITTEE, // the assessing committee scores or returns reports
  'assessment.scheme': ADMIN, // the yearly scheme and its versions
};

/** The organizations an identity may act in, in `tree`. */
export function scopeOf(identity: StaffIdentity, tree: OrgTree): string[] {
  if (identity.role === 'admin') return tree.organizations.map((org) => org.id);
  return tree.subtreeIds(identity.orgId);
}

/** The current organization tree (kept between requests while unchanged: org-tree-cache.ts). */
export async function loadOrgTree(store: Store): Promise<OrgTree> {
  return currentOrgTree(store);
}

/** The actor for an identity, its scope computed from the current tree (once per request). */
export async function resolveActor(store: Store, identity: StaffIdentity, tree?: OrgTree): Promise<Actor> {
  const current = tree ?? (await loadOrgTree(store));
  return { id: identity.id, displayName: identity.displayName, role: identity.role, orgId: identity.orgId, scopeOrgIds: scopeOf(identity, current) };
}

/**
 * Whether `actor` may do `action` in organization `orgId` (undefined: an action on no organization, such as creating
 * a root organization or the holiday calendar: administrators only, as everything outside a subtree).
 */
export function permits(actor: StaffIdentity, action: Action, orgId: string | undefined, tree: OrgTree): boolean {
  if (!PERMISSIONS[action].includes(actor.role)) return false;
  if (actor.role === 'admin') return orgId === undefined || tree.get(orgId) !== undefined;
  if (orgId === undefined) return false;
  return tree.isWithin(orgId, actor.orgId);
}

/** Throws AuthForbiddenError (403) unless `permits`. */
export function authorize(actor: StaffIdentity, action: Action, orgId: string | undefined, tree: OrgTree): void {
  if (!permits(actor, action, orgId, tree)) {
    throw new AuthForbiddenError({ detail: `actor ${actor.id} (${actor.role}) may not ${action} in ${orgId ?? '(none)'}` });
  }
}
