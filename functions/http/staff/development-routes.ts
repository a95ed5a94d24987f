import { openCase } from '../../../shared/services/development';
import { developmentCasesView } from '../../../shared/services/development-views/cases';
import { developmentDashboard } from '../../../shared/services/development-views/dashboard';
import { developmentPaths } from '../../../shared/ui/development/paths';
import { developmentCasesPage } from '../../../shared/ui/pages/development-cases';
import { developmentDashboardPage } from '../../../shared/ui/pages/development-dashboard';
import { htmlResponse, jsonResponse, redirect } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import { handleDevelopmentForm } from './development-form';
import { formFields, sessionOf, staffLayout, type StaffSiteDeps } from './staff-context';

/** 发展党员: the dashboard (预警) and the list of cases with the form opening one (step 1). */
export function developmentRoutes(deps: StaffSiteDeps): RouteTable {
  return {
    'GET /staff/development': async (request) => {
      const session = sessionOf(request);
      const view = await developmentDashboard(deps, session.actor, request.query.orgId || undefined);
      if (request.site.json) return jsonResponse(200, view);
      return htmlResponse(200, developmentDashboardPage(view, staffLayout(session)));
    },

    'GET /staff/cases': async (request) => {
      const session = sessionOf(request);
      const view = await developmentCasesView(deps, session.actor, request.query.orgId || undefined, request.query.cursor || undefined);
      if (request.site.json) return jsonResponse(200, { org: view.org, cases: view.cases, ...(view.next ? { next: view.next } : {}) });
      return htmlResponse(200, developmentCasesPage(view, staffLayout(session), { values: {}, errors: {} }));
    },

    'POST /staff/cases': async (request) => {
      const session = sessionOf(request);
      const form = formFields(request);
      return handleDevelopmentForm(
        request,
        async () => {
          const opened = await openCase(deps, session.actor, form);
          return request.site.json ? jsonResponse(201, opened) : redirect(`${developmentPaths.caseFile(opened.id)}?done=opened`);
        },
        async (failure) => {
          const view = await developmentCasesView(deps, session.actor, form.orgId || undefined);
          const message = failure.problems?.join('\n') ?? failure.message;
          return htmlResponse(failure.status, developmentCasesPage(view, staffLayout(session), { values: form, errors: failure.fieldErrors }, message));
        },
      );
    },
  };
}
