import type { Actor } from '../../../shared/services/actor';
import type { Store } from '../../../shared/store/store';
import { getOrganization } from '../../../shared/store/orgs-repo';
import { MEMBERSHIP_STATUS_LABELS } from '../../../shared/domain/registry/person';
import { listPeople } from '../../../shared/store/people-repo';
import type { PublishCandidate } from '../../../shared/ui/pages/publish-form';

/** The people of the actor's organizations, for the 发布公示 picker (name, organization, status only). */
export async function publishCandidates(store: Store, actor: Actor): Promise<PublishCandidate[]> {
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
