import { getOrganization } from '../../store/orgs-repo';
import type { Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { authorizeRosterUse } from './roster-access';

/** The roster page's own organization (offered for export), after the role check of the upload form: 403 otherwise. */
export async function rosterHomeOrg(deps: ServiceDeps, actor: Actor): Promise<{ id: string; name: string } | undefined> {
  authorizeRosterUse(actor, 'roster.import');
  const org = await getOrganization(deps.store, actor.orgId);
  return org ? { id: org.id, name: org.name } : undefined;
}
