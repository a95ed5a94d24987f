import { maskIdNumber } from '../../domain/registry/id-number';
import type { Organization } from '../../domain/registry/organization';
import { parsePeopleQuery } from '../../domain/registry/people-query';
import type { Person } from '../../domain/registry/person';
import { findPeopleByName, getPersonByIdNumber } from '../../store/people-repo';
import type { Actor } from '../actor';
import { authorize, loadOrgTree, permits } from '../authorization';
import { InputInvalidError, RecordNotFoundError } from '../../errors';
import { today, type RegistryDeps } from './commit';
import { summarize, type PersonSummary } from './people-read';

/** The most people one search shows (same-named people beyond it: search by ID number). */
export const SEARCH_RESULT_LIMIT = 100;

export interface PeopleSearchView {
  /** Where the search looked: this organization and those below it. */
  org: Organization;
  /** What was searched, as the page may show it: the name, or the ID number masked (never in full). */
  shown: string;
  /** How it was read; absent when nothing was typed. */
  by?: 'name' | 'idNumber';
  /** The people found in scope, by organization (path order), then name; ID numbers masked. */
  results: PersonSummary[];
  /** More people of that name are in scope than shown. */
  more: boolean;
}

/**
 * 人员查找 (docs/domain/organizations-and-people.md §2a): by a full ID number (the ID-number index) or an exact full
 * name (the name index), within `orgId`'s subtree and the actor's scope (`person.view`). A person outside either is
 * not found, exactly as one who does not exist: the answer never tells them apart. Reads only; a query too short or
 * not a whole number is refused (422) with what to type.
 */
export async function searchPeople(deps: RegistryDeps, actor: Actor, orgId: string, query: string, options: { inAddress?: boolean } = {}): Promise<PeopleSearchView> {
  const tree = await loadOrgTree(deps.store);
  const org = tree.get(orgId);
  if (!org) {
    authorize(actor, 'person.view', undefined, tree);
    throw new RecordNotFoundError('该组织');
  }
  authorize(actor, 'person.view', orgId, tree);
  const parsed = parsePeopleQuery(query, options);
  if (parsed.kind === 'invalid') throw new InputInvalidError({ q: parsed.message });
  if (parsed.kind === 'empty') return { org, shown: '', results: [], more: false };
  const inScope = (person: Person) => tree.isWithin(person.orgId, orgId) && permits(actor, 'person.view', person.orgId, tree);
  let found: { people: Person[]; more: boolean };
  if (parsed.kind === 'idNumber') {
    const person = await getPersonByIdNumber(deps.store, parsed.idNumber);
    found = { people: person && inScope(person) ? [person] : [], more: false };
  } else {
    found = await findPeopleByName(deps.store, parsed.name, { limit: SEARCH_RESULT_LIMIT, keep: inScope });
  }
  const onDate = today(deps);
  const pathOf = (person: Person) => tree.pathOf(person.orgId) ?? '';
  const results = found.people
    .sort((a, b) => (pathOf(a) < pathOf(b) ? -1 : pathOf(a) > pathOf(b) ? 1 : a.name.localeCompare(b.name, 'zh-CN')))
    .map((person) => summarize(person, tree, onDate));
  return { org, shown: parsed.kind === 'idNumber' ? maskIdNumber(parsed.idNumber) : parsed.name, by: parsed.kind, results, more: found.more };
}
