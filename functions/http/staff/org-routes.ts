import { chinaDate } from '../../../shared/domain/calendar';
import { AuthForbiddenError, type InputInvalidError } from '../../../shared/errors';
import {
  closeOrganization, createOrganization, editOrganization, getOrganizationView, getOrgTreeView, moveOrganization, orgCreateParents,
} from '../../../shared/services/registry';
import { orgCreatePage } from '../../../shared/ui/pages/org-form';
import { orgDetailPage, type OrgFormName } from '../../../shared/ui/pages/org-detail';
import { orgTreePage } from '../../../shared/ui/pages/org-tree';
import { htmlResponse, jsonResponse, redirect } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import type { SiteRequest } from '../edge/types';
import { formFields, handleForm, sessionOf, staffLayout, type StaffSiteDeps } from './staff-context';

const ORG_FLASH: Record<string, string> = { created: '组织已建立。', edited: '组织信息已保存。', moved: '隶属关系已调整。', closed: '组织已撤销，其记录保留备查。' };
const orgPath = (orgId: string, done?: string) => `/staff/orgs/${encodeURIComponent(orgId)}${done ? `?done=${done}` : ''}`;

/** 组织管理: the tree, one organization with its 全程纪实, and the create / edit / move / close forms. */
export function orgRoutes(deps: StaffSiteDeps): RouteTable {
  const renderCreate = async (request: SiteRequest, form: Record<string, string>, error?: InputInvalidError) => {
    const session = sessionOf(request);
    const choices = await orgCreateParents(deps, session.actor);
    if (!choices.canCreateRoot && choices.parents.length === 0) throw new AuthForbiddenError({ detail: `actor ${session.actor.id} may create no organization` });
    const page = orgCreatePage({ ...choices, form: { values: form, errors: error?.fieldErrors ?? {} }, staff: staffLayout(session), message: error?.userMessage });
    return htmlResponse(error ? 422 : 200, page);
  };

  /** A change to one organization: JSON answers the organization, a browser goes back to its page. */
  const change = (name: OrgFormName, done: string, run: typeof editOrganization) => async (request: SiteRequest) => {
    const session = sessionOf(request);
    const { orgId } = request.params;
    const form = formFields(request);
    return handleForm(
      request,
      async () => {
        const org = await run(deps, session.actor, orgId, form);
        return request.site.json ? jsonResponse(200, { organization: org }) : redirect(orgPath(orgId, done));
      },
      async (error) => {
        const view = await getOrganizationView(deps, session.actor, orgId);
        return htmlResponse(422, orgDetailPage({ view, staff: staffLayout(session), failed: { name, form: { values: form, errors: error.fieldErrors }, message: error.userMessage } }));
      },
    );
  };

  return {
    'GET /staff/orgs': async (request) => {
      const session = sessionOf(request);
      const view = await getOrgTreeView(deps, session.actor);
      if (request.site.json) return jsonResponse(200, view);
      return htmlResponse(200, orgTreePage(view, staffLayout(session), chinaDate(deps.clock.now()), ORG_FLASH[request.query.done ?? '']));
    },

    'GET /staff/orgs/new': async (request) => renderCreate(request, { parentId: request.query.parentId ?? '' }),

    'POST /staff/orgs': async (request) => {
      const session = sessionOf(request);
      const form = formFields(request);
      return handleForm(
        request,
        async () => {
          const org = await createOrganization(deps, session.actor, form);
          return request.site.json ? jsonResponse(201, { organization: org }) : redirect(orgPath(org.id, 'created'));
        },
        async (error) => renderCreate(request, form, error),
      );
    },

    'GET /staff/orgs/{orgId}': async (request) => {
      const session = sessionOf(request);
      const view = await getOrganizationView(deps, session.actor, request.params.orgId);
      if (request.site.json) return jsonResponse(200, view);
      return htmlResponse(200, orgDetailPage({ view, staff: staffLayout(session), flash: ORG_FLASH[request.query.done ?? ''] }));
    },

    'POST /staff/orgs/{orgId}': change('edit', 'edited', editOrganization),
    'POST /staff/orgs/{orgId}/move': change('move', 'moved', moveOrganization),
    'POST /staff/orgs/{orgId}/close': change('close', 'closed', closeOrganization),
  };
}
