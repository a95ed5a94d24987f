import { allowedParentKinds, type Organization } from '../../domain/registry/organization';
import type { OrgTree } from '../../domain/registry/org-tree';
import { listAudit, type AuditEvent } from '../../store/audit';
import { orgPk } from '../../store/orgs-repo';
import type { Actor } from '../actor';
import { withActorNames } from '../audit-names';
import { authorize, loadOrgTree, permits, scopeOf } from '../authorization';
import { RecordNotFoundError } from '../../errors';
import type { RegistryDeps } from './commit';

/** One line of the tree as the actor sees it: depth from the top of their scope, and who approves for it. */
export interface OrgTreeNode {
  org: Organization;
  depth: number;
  approver?: Pick<Organization, 'id' | 'name'>;
}

export interface OrgTreeView {
  nodes: OrgTreeNode[];
  /** May the actor create a top-level organization (a working committee)? */
  canCreateRoot: boolean;
}

const byName = (a: Organization, b: Organization) => a.name.localeCompare(b.name, 'zh-CN');

/** The organizations in the actor's scope, depth-first from the top of the scope, children by name. */
export function scopedNodes(tree: OrgTree, scope: ReadonlySet<string>): OrgTreeNode[] {
  const nodes: OrgTreeNode[] = [];
  const visit = (org: Organization, depth: number) => {
    const approver = tree.approvingOrganization(org.id);
    nodes.push({ org, depth, approver: approver && { id: approver.id, name: approver.name } });
    for (const child of [...tree.childrenOf(org.id)].sort(byName)) if (scope.has(child.id)) visit(child, depth + 1);
  };
  const tops = tree.organizations.filter((org) => scope.has(org.id) && !(org.parentId && scope.has(org.parentId)));
  for (const top of [...tops].sort(byName)) visit(top, 0);
  return nodes;
}

export async function getOrgTreeView(deps: RegistryDeps, actor: Actor): Promise<OrgTreeView> {
  const tree = await loadOrgTree(deps.store);
  const scope = new Set(scopeOf(actor, tree).filter((id) => permits(actor, 'org.view', id, tree)));
  return { nodes: scopedNodes(tree, scope), canCreateRoot: permits(actor, 'org.create', undefined, tree) };
}

export interface OrgPermissions {
  edit: boolean;
  move: boolean;
  close: boolean;
  createChild: boolean;
  createPerson: boolean;
}

export interface OrgView {
  org: Organization;
  parent?: Organization;
  ancestors: Organization[];
  children: Organization[];
  approver?: Organization;
  history: AuditEvent[];
  permissions: OrgPermissions;
  /** Where the actor may move it: active, fitting its kind, not below itself, in scope. */
  moveTargets: Organization[];
}

export async function getOrganizationView(deps: RegistryDeps, actor: Actor, orgId: string): Promise<OrgView> {
  const tree = await loadOrgTree(deps.store);
  const org = tree.get(orgId);
  if (!org) {
    authorize(actor, 'org.view', undefined, tree);
    throw new RecordNotFoundError('该组织');
  }
  authorize(actor, 'org.view', orgId, tree);
  const active = org.status === 'active';
  const may = (action: Parameters<typeof permits>[1], id: string | undefined = orgId) => active && permits(actor, action, id, tree);
  const permissions: OrgPermissions = { edit: may('org.edit'), move: may('org.move'), close: may('org.close'), createChild: may('org.create'), createPerson: may('person.create') };
  const moveTargets = permissions.move
    ? tree.organizations
        .filter((target) => target.status === 'active' && target.id !== org.parentId && allowedParentKinds(org.kind).includes(target.kind))
        .filter((target) => !tree.wouldCreateCycle(orgId, target.id) && permits(actor, 'org.move', target.id, tree))
        .sort(byName)
    : [];
  return {
    org,
    parent: org.parentId ? tree.get(org.parentId) : undefined,
    ancestors: tree.ancestors(orgId),
    children: [...tree.childrenOf(orgId)].sort(byName),
    approver: tree.approvingOrganization(orgId),
    history: await withActorNames(deps, await listAudit(deps.store, orgPk(orgId))),
    permissions,
    moveTargets,
  };
}

/** Organizations the actor may put a person in (for the person form's select). */
export async function personOrgChoices(deps: RegistryDeps, actor: Actor, action: 'person.create' | 'person.edit'): Promise<Organization[]> {
  const tree = await loadOrgTree(deps.store);
  return scopedNodes(tree, new Set(scopeOf(actor, tree)))
    .map((node) => node.org)
    .filter((org) => org.status === 'active' && permits(actor, action, org.id, tree));
}

/** Organizations the actor may create an organization under (active, able to have children, in scope). */
export async function orgCreateParents(deps: RegistryDeps, actor: Actor): Promise<{ parents: Organization[]; canCreateRoot: boolean }> {
  const tree = await loadOrgTree(deps.store);
  const parents = scopedNodes(tree, new Set(scopeOf(actor, tree)))
    .map((node) => node.org)
    .filter((org) => org.status === 'active' && org.kind !== 'party-group' && permits(actor, 'org.create', org.id, tree));
  return { parents, canCreateRoot: permits(actor, 'org.create', undefined, tree) };
}
