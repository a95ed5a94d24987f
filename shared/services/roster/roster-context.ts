import { chinaDate } from '../../domain/calendar';
import { normalizeIdNumber } from '../../domain/registry/id-number';
import type { OrgTree } from '../../domain/registry/org-tree';
import { loadOrgTree } from '../authorization';
import type { Organization } from '../../domain/registry/organization';
import type { Person } from '../../domain/registry/person';
import type { OrgResolution, PlanContext, RosterRow } from '../../domain/roster';
import { getPeopleByIdNumbers } from '../../store/people-batch';
import type { Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { mayRoster } from './roster-access';

const normalizeName = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

/** An organization named in a row: by id, else by name (several of that name: the one in the actor's scope). */
export function orgResolver(tree: OrgTree, inScope: (orgId: string) => boolean): (text: string) => OrgResolution {
  const byName = new Map<string, Organization[]>();
  for (const org of tree.organizations) byName.set(normalizeName(org.name), [...(byName.get(normalizeName(org.name)) ?? []), org]);
  const check = (org: Organization, text: string): OrgResolution => {
    if (org.status === 'closed') return { kind: 'closed', text };
    return inScope(org.id) ? { kind: 'found', org } : { kind: 'out-of-scope', text };
  };
  return (text) => {
    const byId = tree.get(text.trim());
    if (byId) return check(byId, text);
    const named = byName.get(normalizeName(text)) ?? [];
    const active = named.filter((org) => org.status === 'active');
    const pool = active.length > 0 ? active : named;
    const scoped = pool.filter((org) => inScope(org.id));
    if (scoped.length === 1) return check(scoped[0], text);
    if (pool.length === 1) return check(pool[0], text);
    return { kind: pool.length === 0 ? 'unknown' : 'ambiguous', text };
  };
}

/** The stored people the rows name, by normalized ID number (reads only, in batches: the ID-number index, then the people). */
async function storedPeople(deps: ServiceDeps, rows: readonly RosterRow[]): Promise<Map<string, Person>> {
  const idNumbers = [...new Set(rows.map((row) => normalizeIdNumber(row.values.idNumber ?? '')).filter((id) => /^\d{17}[\dX]$/.test(id)))];
  return getPeopleByIdNumbers(deps.store, idNumbers);
}

/** Everything the pure plan needs: today, the tree with the actor's scope, and the stored people the file names. */
export async function rosterPlanContext(deps: ServiceDeps, actor: Actor, rows: readonly RosterRow[]): Promise<PlanContext & { tree: OrgTree }> {
  const tree = await loadOrgTree(deps.store);
  const inScope = (orgId: string) => mayRoster(actor, 'roster.import', orgId, tree);
  return { today: chinaDate(deps.clock.now()), tree, inScope, resolveOrg: orgResolver(tree, inScope), existing: await storedPeople(deps, rows) };
}
