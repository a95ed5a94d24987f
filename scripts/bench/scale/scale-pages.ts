import type { Province } from './generate-province';
import { WORKING_COMMITTEE_ID } from './province-registry';

/** The staff page kinds of issue 17 and the address of the n-th request of each, within the measured staff's scope. */

export type Viewer = 'agency' | 'working';

export interface PageKind {
  key: string;
  label: string;
  /** The address of request `n` (targets taken in turn), or undefined when the site has no such page. */
  path: (n: number) => string | undefined;
}

const spread = <T>(items: readonly T[], count: number): T[] => {
  if (items.length <= count) return [...items];
  const step = items.length / count;
  return Array.from({ length: count }, (_, k) => items[Math.floor(k * step)]);
};

const pick = <T>(items: readonly T[], n: number): T | undefined => (items.length === 0 ? undefined : items[n % items.length]);

/** The viewer's own organization and the records in its scope (20 of each, spread over the scope). */
export function pageKinds(province: Province, viewer: Viewer): { orgId: string; pages: PageKind[] } {
  const { registry } = province;
  const orgId = viewer === 'working' ? WORKING_COMMITTEE_ID : registry.committees[0];
  const inScope = (id: string) => viewer === 'working' || registry.committeeOf.get(id) === orgId;
  const branches = spread(registry.branches.filter(inScope), 20);
  const cases = spread(province.cases.filter((c) => inScope(c.orgId)), 20);
  const people = spread(registry.people.filter((p) => inScope(p.orgId)), 20);
  const elections = spread(province.elections.filter((e) => inScope(e.orgId)), 20);
  const path = (prefix: string, ids: readonly { id: string }[] | readonly string[]) => (n: number) => {
    const item = pick<{ id: string } | string>(ids, n);
    return item === undefined ? undefined : `${prefix}${encodeURIComponent(typeof item === 'string' ? item : item.id)}`;
  };
  return {
    orgId,
    pages: [
      { key: 'tasks', label: '待办', path: () => '/staff' },
      { key: 'development', label: '发展党员 dashboard', path: () => '/staff/development' },
      { key: 'cases', label: 'case list', path: () => '/staff/cases' },
      { key: 'case', label: 'case file', path: path('/staff/cases/', cases) },
      { key: 'people', label: 'people list (own org subtree)', path: () => `/staff/orgs/${encodeURIComponent(orgId)}/people` },
      { key: 'branchPeople', label: 'people list (a branch)', path: (n) => { const b = pick(branches, n); return b && `/staff/orgs/${encodeURIComponent(b)}/people`; } },
      { key: 'peopleSearch', label: 'people search (a name in scope)', path: (n) => { const p = pick(people, n); return p && `/staff/people/search?q=${encodeURIComponent(p.name)}`; } },
      { key: 'person', label: 'a person', path: path('/staff/people/', people) },
      { key: 'orgTree', label: 'org tree', path: () => '/staff/orgs' },
      { key: 'org', label: 'an organization', path: path('/staff/orgs/', branches) },
      { key: 'elections', label: 'elections overview', path: () => '/staff/elections' },
      { key: 'election', label: 'an election file', path: path('/staff/elections/', elections) },
      { key: 'approvals', label: 'approvals list', path: () => '/staff/approvals' },
      { key: 'notices', label: 'notice list', path: () => '/staff/notices' },
    ],
  };
}
