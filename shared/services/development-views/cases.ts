import { MEMBERSHIP_STATUS_LABELS } from '../../domain/registry/person';
import type { DevelopmentCase } from '../../domain/development/case';
import type { Organization } from '../../domain/registry/organization';
import type { OrgTree } from '../../domain/registry/org-tree';
import { pageOrgCases, peopleWithOpenCase } from '../../store/cases-repo';
import { LIST_PAGE_SIZE } from '../../store/org-pages';
import { listPeopleBrief } from '../../store/people-repo';
import { orgPickerChoices } from '../../domain/registry/org-picker';
import { canActIn, type Actor } from '../actor';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { RecordNotFoundError } from '../../errors';
import { ruleSetsInStore } from './rule-set-admin';

/**
 * The new-case form lists the applicants of the chosen organization's subtree when it has at most this many
 * organizations; above that (a working committee over its agencies) staff choose a committee or branch first.
 */
export const APPLICANT_SUBTREE_LIMIT = 100;

/** 发展党员案件 of an organization's subtree, one page at a time, and who may have a case opened (people not yet members, no open case). */
export interface CasesView {
  org: Pick<Organization, 'id' | 'name'>;
  orgChoices: Array<Pick<Organization, 'id' | 'name'>>;
  /** One page of the cases: the organizations in tree (path) order, each one's cases newest first. */
  cases: DevelopmentCase[];
  /** The cursor of the next page (absent on the last); `firstPage` false once a cursor was given. */
  next?: string;
  firstPage: boolean;
  pageSize: number;
  orgNames: Record<string, string>;
  /** Undefined when the subtree is too large to list its applicants (APPLICANT_SUBTREE_LIMIT). */
  applicants?: Array<{ id: string; label: string }>;
  /** The rule-set versions a new case may be opened under, the built-in one first. */
  ruleSetVersions: Array<{ version: string; builtIn: boolean }>;
}

type Deps = Pick<ServiceDeps, 'store' | 'clock'>;

/** The organizations of `orgId`'s subtree that `actor` may view cases in, with their paths (after authorizing). */
export async function caseScope(deps: Pick<ServiceDeps, 'store'>, actor: Actor, orgId: string): Promise<{ tree: OrgTree; org: Organization; orgs: Array<{ id: string; path: string }> }> {
  const tree = await loadOrgTree(deps.store);
  const org = tree.get(orgId);
  if (!org) throw new RecordNotFoundError('该组织');
  authorize(actor, 'case.view', orgId, tree);
  const orgs = tree.subtreeIds(orgId).filter((id) => canActIn(actor, id)).map((id) => ({ id, path: tree.pathOf(id) as string }));
  return { tree, org, orgs };
}

async function applicantsOf(deps: Deps, orgIds: readonly string[], orgNames: Record<string, string>): Promise<CasesView['applicants']> {
  if (orgIds.length > APPLICANT_SUBTREE_LIMIT) return undefined;
  const people = (await Promise.all(orgIds.map((id) => listPeopleBrief(deps.store, id, ['full', 'probationary'])))).flat();
  const withOpenCase = await peopleWithOpenCase(deps.store, people.map((p) => p.id));
  return people
    .filter((p) => !withOpenCase.has(p.id))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
    .map((p) => ({ id: p.id, label: `${p.name}（${orgNames[p.orgId] ?? p.orgId}，${MEMBERSHIP_STATUS_LABELS[p.status]}）` }));
}

export async function developmentCasesView(deps: Deps, actor: Actor, orgId: string = actor.orgId, cursor?: string): Promise<CasesView> {
  const { tree, org, orgs } = await caseScope(deps, actor, orgId);
  const page = await pageOrgCases(deps.store, orgs, { limit: LIST_PAGE_SIZE, cursor });
  const listed = new Set([...page.items.map((c) => c.orgId)]);
  const names = (ids: Iterable<string>) => Object.fromEntries([...ids].map((id) => [id, tree.get(id)?.name ?? id]));
  const small = orgs.length <= APPLICANT_SUBTREE_LIMIT;
  const orgNames = names(small ? [...orgs.map((o) => o.id), ...listed] : listed);
  const applicants = await applicantsOf(deps, orgs.map((o) => o.id), small ? orgNames : {});
  const orgChoices = orgPickerChoices(tree, (id) => canActIn(actor, id), orgId);
  const ruleSetVersions = (await ruleSetsInStore(deps)).map(({ version, builtIn }) => ({ version, builtIn }));
  return { org: { id: org.id, name: org.name }, orgChoices, cases: page.items, ...(page.next ? { next: page.next } : {}), firstPage: !cursor, pageSize: LIST_PAGE_SIZE, orgNames, applicants, ruleSetVersions };
}
