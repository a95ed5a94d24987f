import {
  allowedParentKinds, canEverApprove, COMMITTEE_POST_LABELS, ORG_KIND_LABELS, type CommitteeMember, type Organization, type OrgKind,
} from '../../domain/registry/organization';
import type { OrgTree } from '../../domain/registry/org-tree';
import { closeOrganizationForm, committeeSchema, createOrganizationForm, editOrganizationForm, moveOrganizationForm } from '../../schemas/organization-forms';
import { parseForm } from '../../schemas/parse-form';
import { auditPut } from '../../store/audit';
import { getOrganization, organizationWrites, orgPk } from '../../store/orgs-repo';
import { orgPath } from '../../domain/registry/org-path';
import { listPeople } from '../../store/people-repo';
import type { Actor } from '../actor';
import { authorize, loadOrgTree } from '../authorization';
import { InputInvalidError, RecordNotFoundError } from '../../errors';
import { checkVersion, commitChange, fieldError, today, type RegistryDeps } from './commit';
import { OrgClosedError, OrgNotEmptyError, OrgSubtreeTooLargeError, RegistryVersionConflictError } from './errors';

/**
 * Changes to the organization tree (组织管理): create, edit, move, close. Each is authorized against the current
 * tree, version-checked, and written in one transaction with its audit event in the organization's partition.
 */

type Form = Record<string, string | undefined>;

/** Parses the form's own fields and its committee rows together, so every message is shown at once. */
function parseWithCommittee<T>(parse: () => T, form: Form): { input: T; committee: CommitteeMember[] } {
  const errors: Record<string, string> = {};
  let input: T | undefined;
  let committee: CommitteeMember[] = [];
  try {
    input = parse();
  } catch (error) {
    if (!(error instanceof InputInvalidError)) throw error;
    Object.assign(errors, error.fieldErrors);
  }
  try {
    committee = parseForm(committeeSchema, Object.fromEntries(Object.entries(form).filter(([key]) => key.startsWith('committee.'))));
  } catch (error) {
    if (!(error instanceof InputInvalidError)) throw error;
    Object.assign(errors, error.fieldErrors);
  }
  if (Object.keys(errors).length > 0 || input === undefined) throw new InputInvalidError(errors);
  return { input, committee };
}

export const committeeText = (committee: CommitteeMember[]): string =>
  committee.map((m) => `${COMMITTEE_POST_LABELS[m.post]} ${m.name}${m.duty ? `（${m.duty}）` : ''}`).join('；') || '无';

function checkParent(tree: OrgTree, kind: OrgKind, parentId: string | undefined): Organization | undefined {
  if (!parentId) {
    if (allowedParentKinds(kind).length > 0) throw fieldError('parentId', `请选择上级组织：${ORG_KIND_LABELS[kind]}须设在上级组织之下。`);
    return undefined;
  }
  const parent = tree.get(parentId);
  if (!parent) throw fieldError('parentId', '上级组织不存在。');
  if (parent.status !== 'active') throw new OrgClosedError({ detail: `parent ${parentId} is closed` });
  if (!allowedParentKinds(kind).includes(parent.kind)) {
    throw fieldError('parentId', `${ORG_KIND_LABELS[kind]}不能设在${ORG_KIND_LABELS[parent.kind]}之下。`);
  }
  return parent;
}

function checkMayApprove(kind: OrgKind, mayApprove: boolean): void {
  if (mayApprove && !canEverApprove(kind)) throw fieldError('mayApprove', '只有机关党工委、机关党委可以审批；党总支只审查、不审批，党支部和党小组不审批。');
}

async function loadForChange(deps: RegistryDeps, actor: Actor, orgId: string, action: 'org.edit' | 'org.move' | 'org.close') {
  const tree = await loadOrgTree(deps.store);
  authorize(actor, action, orgId, tree);
  const org = await getOrganization(deps.store, orgId);
  if (!org) throw new RecordNotFoundError('该组织');
  if (org.status !== 'active') throw new OrgClosedError({ detail: `organization ${orgId} is closed` });
  return { tree, org };
}

export async function createOrganization(deps: RegistryDeps, actor: Actor, form: Form): Promise<Organization> {
  const tree = await loadOrgTree(deps.store);
  const parentId = form.parentId?.trim() || undefined;
  authorize(actor, 'org.create', parentId, tree);
  const { input, committee } = parseWithCommittee(() => parseForm(createOrganizationForm, form), form);
  checkParent(tree, input.kind, input.parentId);
  checkMayApprove(input.kind, input.mayApprove);
  const id = `org-${deps.newId()}`;
  const org: Organization = {
    id, name: input.name, kind: input.kind, parentId: input.parentId, committee,
    termStart: input.termStart, termEnd: input.termEnd, mayApprove: input.mayApprove, status: 'active',
    path: orgPath(input.parentId ? tree.pathOf(input.parentId) : undefined, id), version: 1,
  };
  const details = { name: org.name, kind: org.kind, parentId: org.parentId, mayApprove: org.mayApprove, termStart: org.termStart, termEnd: org.termEnd, committee: committeeText(committee) };
  const at = deps.clock.now().toISOString();
  await commitChange(deps, [...organizationWrites(deps.store, { created: [org] }), auditPut(deps.store, orgPk(org.id), { at, action: 'org.created', actor: actor.id, details })], `create ${org.id}`);
  return org;
}

/** Name, committee (members and duties), term, and whether it may approve. */
export async function editOrganization(deps: RegistryDeps, actor: Actor, orgId: string, form: Form): Promise<Organization> {
  const { org } = await loadForChange(deps, actor, orgId, 'org.edit');
  const { input, committee } = parseWithCommittee(() => parseForm(editOrganizationForm, form), form);
  checkVersion(org, input.version, `edit ${orgId}`);
  checkMayApprove(org.kind, input.mayApprove);
  const next: Organization = { ...org, name: input.name, committee, termStart: input.termStart, termEnd: input.termEnd, mayApprove: input.mayApprove, version: org.version + 1 };
  const changes: Record<string, unknown> = {};
  for (const key of ['name', 'termStart', 'termEnd', 'mayApprove'] as const) {
    if (org[key] !== next[key]) changes[key] = { before: org[key] ?? '', after: next[key] ?? '' };
  }
  if (committeeText(org.committee) !== committeeText(committee)) changes.committee = { before: committeeText(org.committee), after: committeeText(committee) };
  if (Object.keys(changes).length === 0) return org;
  const at = deps.clock.now().toISOString();
  const termsUnchanged = org.termEnd === next.termEnd; // the term entry stands (docs/domain/scheduler.md)
  await commitChange(deps, [...organizationWrites(deps.store, { replaced: [next], termsUnchanged }), auditPut(deps.store, orgPk(orgId), { at, action: 'org.edited', actor: actor.id, details: changes })], `edit ${orgId}`);
  return next;
}

/**
 * Organizations one move may carry: the moved organization and everything below it are rewritten (new ancestry paths)
 * in the move's one transaction, with the audit event and the tree's mark, within DynamoDB's 100 items.
 */
const MOVE_LIMIT = 98;

/**
 * Moves an organization under another parent: authorized in both places; kind rules; never below itself. The
 * organization and its whole subtree get their new ancestry paths in the same transaction, so every descendant's
 * scope is right from the moment of the move.
 */
export async function moveOrganization(deps: RegistryDeps, actor: Actor, orgId: string, form: Form): Promise<Organization> {
  const { tree, org } = await loadForChange(deps, actor, orgId, 'org.move');
  const parentId = form.parentId?.trim() || undefined;
  authorize(actor, 'org.move', parentId, tree);
  const input = parseForm(moveOrganizationForm, form);
  checkVersion(org, input.version, `move ${orgId}`);
  if (input.parentId === org.parentId) throw fieldError('parentId', '新的上级组织与原上级组织相同。');
  if (tree.wouldCreateCycle(orgId, input.parentId)) throw fieldError('parentId', '不能把组织移到它自身或它的下级组织之下。');
  const parent = checkParent(tree, org.kind, input.parentId);
  const subtree = tree.moved(orgId, input.parentId);
  if (subtree[0]?.version !== org.version + 1) throw new RegistryVersionConflictError({ detail: `move ${orgId}: tree behind the stored organization` });
  if (subtree.length > MOVE_LIMIT) throw new OrgSubtreeTooLargeError(subtree.length, MOVE_LIMIT);
  const details = { before: org.parentId ? (tree.get(org.parentId)?.name ?? org.parentId) : '无', after: parent?.name ?? input.parentId, beforeId: org.parentId, afterId: input.parentId };
  const at = deps.clock.now().toISOString();
  await commitChange(deps, [...organizationWrites(deps.store, { replaced: subtree, termsUnchanged: true }), auditPut(deps.store, orgPk(orgId), { at, action: 'org.moved', actor: actor.id, details })], `move ${orgId}`);
  return subtree[0];
}

/** Closes (撤销) an organization without active children or people; it stays, closed, for the record. */
export async function closeOrganization(deps: RegistryDeps, actor: Actor, orgId: string, form: Form): Promise<Organization> {
  const { tree, org } = await loadForChange(deps, actor, orgId, 'org.close');
  const input = parseForm(closeOrganizationForm, form);
  checkVersion(org, input.version, `close ${orgId}`);
  const activeChildren = tree.childrenOf(orgId).filter((child) => child.status === 'active').length;
  const people = (await listPeople(deps.store, orgId)).length;
  if (activeChildren > 0 || people > 0) throw new OrgNotEmptyError(activeChildren, people);
  const closedAt = today(deps);
  const next: Organization = { ...org, status: 'closed', closedAt, version: org.version + 1 };
  const at = deps.clock.now().toISOString();
  await commitChange(deps, [...organizationWrites(deps.store, { replaced: [next] }), auditPut(deps.store, orgPk(orgId), { at, action: 'org.closed', actor: actor.id, details: { reason: input.reason, closedAt } })], `close ${orgId}`);
  return next;
}
