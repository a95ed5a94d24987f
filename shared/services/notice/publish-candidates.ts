import type { Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { getOrganization } from '../../store/orgs-repo';
import { MEMBERSHIP_STATUS_LABELS } from '../../domain/registry/person';
import { listPeople } from '../../store/people-repo';
import type { PublishCandidate } from '../../ui/pages/publish-form';

/** The people of the actor's organizations, for the 发布公示 picker (name, organization, status only). */
export async function publishCandidates({ store }: ServiceDeps, actor: Actor): Promise<PublishCandidate[]> {
  const perOrg = await Promise.all(
    actor.scopeOrgIds.map(async (orgId) => {
      const [org, people] = await Promise.all([getOrganization(store, orgId), listPeople(store, orgId)]);
      return people.map((person) => ({
        id: person.id,
        name: person.name,
        orgName: org?.name ?? orgId,
        statusLabel: MEMBERSHIP_STATUS_LABELS[person.status] ?? person.status,
      }));
    }),
  );
  return perOrg.flat().sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'));
}
