import type { Organization } from '../../domain/registry/organization';
import type { OrgTree } from '../../domain/registry/org-tree';
import type { Person } from '../../domain/registry/person';
import { LIST_PAGE_SIZE, pageAcrossOrganizations, type OrgRange } from '../../store/org-pages';
import { listPeople, personFromItem, ROSTER_KEY_ATTRIBUTES, rosterRange } from '../../store/people-repo';
import type { Actor } from '../actor';
import { authorize, loadOrgTree, permits } from '../authorization';
import { RecordNotFoundError } from '../../errors';
import { today, type RegistryDeps } from './commit';
import { summarize, type PersonSummary } from './people-read';


/** The roster, or the members who left for an organization outside the system (off the roster, records kept: docs/domain/transfer.md T6b). */
export type PeopleListKind = 'roster' | 'left';

export interface OrgPeopleGroup {
  orgId: string;
  orgName: string;
  people: PersonSummary[];
}

export interface OrgPeopleView {
  org: Organization;
  list: PeopleListKind;
  /** This page's people, in order: organizations in path order (a subtree together), each one's people by name. */
  people: PersonSummary[];
  /** The same people under their organization (one group per organization on the page). */
  groups: OrgPeopleGroup[];
  /** The cursor of the next page; absent on the last. */
  next?: string;
  /** Whether this is the list's first page (no cursor given). */
  first: boolean;
  /** Organizations the list runs over (the organization and those below it). */
  orgCount: number;
  /** The whole list's counts, known when it fits on its first page. */
  totals?: { people: number; voting: number };
  canCreate: boolean;
}

/** Each organization of the subtree the actor may see, with its people's range, in path order (org-pages.ts). */
function rangesOf(tree: OrgTree, actor: Actor, orgId: string, list: PeopleListKind): OrgRange[] {
  return tree.subtreeIds(orgId)
    .filter((id) => permits(actor, 'person.view', id, tree))
    .map((id) => ({ orgId: id, path: tree.pathOf(id) as string, ...rosterRange(id, list) }));
}

/** The organization asked for, authorized (`person.view`); an unknown one is 404 once the actor may view people at all. */
function authorizedOrg(tree: OrgTree, actor: Actor, orgId: string): Organization {
  const org = tree.get(orgId);
  if (!org) {
    authorize(actor, 'person.view', undefined, tree);
    throw new RecordNotFoundError('该组织');
  }
  authorize(actor, 'person.view', orgId, tree);
  return org;
}

/** The page's people under their organization, in the order given (consecutive people of one organization form a group). */
function grouped(people: PersonSummary[]): OrgPeopleGroup[] {
  const groups: OrgPeopleGroup[] = [];
  for (const person of people) {
    const last = groups.at(-1);
    if (last?.orgId === person.orgId) last.people.push(person);
    else groups.push({ orgId: person.orgId, orgName: person.orgName, people: [person] });
  }
  return groups;
}

/**
 * 党员名册 of an organization and those below it, a page at a time (docs/domain/organizations-and-people.md §2a):
 * ID numbers masked; the cursor from the previous page's `next`. Reads only the organizations the page reaches.
 */
export async function listOrgPeople(
  deps: RegistryDeps,
  actor: Actor,
  orgId: string,
  options: { cursor?: string; list?: PeopleListKind; limit?: number } = {},
): Promise<OrgPeopleView> {
  const tree = await loadOrgTree(deps.store);
  const org = authorizedOrg(tree, actor, orgId);
  const list = options.list ?? 'roster';
  const ranges = rangesOf(tree, actor, orgId, list);
  const page = await pageAcrossOrganizations<Record<string, unknown>>(deps.store, ranges, {
    limit: options.limit ?? LIST_PAGE_SIZE, cursor: options.cursor || undefined, keyAttributes: ROSTER_KEY_ATTRIBUTES,
  });
  const onDate = today(deps);
  const people = page.items.map(personFromItem).map((person) => summarize(person, tree, onDate));
  const first = !options.cursor;
  return {
    org, list, people, groups: grouped(people), first, orgCount: ranges.length,
    ...(page.next ? { next: page.next } : {}),
    ...(first && !page.next ? { totals: { people: people.length, voting: people.filter((p) => p.votesToday).length } } : {}),
    canCreate: org.status === 'active' && permits(actor, 'person.create', orgId, tree),
  };
}

/** One organization's own roster, whole (no organization below it): for forms that choose among its people (a transfer request). */
export async function listOwnRoster(deps: RegistryDeps, actor: Actor, orgId: string): Promise<Person[]> {
  const tree = await loadOrgTree(deps.store);
  authorizedOrg(tree, actor, orgId);
  return listPeople(deps.store, orgId);
}
