import { chinaDate } from '../../../shared/domain/calendar';
import { getCaseFile, startStage, submitStepForm } from '../../../shared/services/development';
import { stepFormView } from '../../../shared/services/development-views/step-form';
import { getOrganization } from '../../../shared/store/orgs-repo';
import { developmentPaths } from '../../../shared/ui/development/paths';
import { joinPeopleRows } from '../../../shared/ui/development/step-fields';
import { developmentArchivePrintPage } from '../../../shared/ui/pages/development-archive-print';
import { developmentCaseFilePage } from '../../../shared/ui/pages/development-case-file';
import { developmentStepFormPage } from '../../../shared/ui/pages/development-step-form';
import { htmlResponse, jsonResponse, redirect } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import type { SiteRequest } from '../edge/types';
import { handleDevelopmentForm } from './development-form';
import { formFields, sessionOf, staffLayout, type StaffSiteDeps } from './staff-context';

const FLASH: Record<string, string> = { opened: '案件已建立，第一阶段已开始。', step: '已登记。', stage: '新的阶段已开始。' };

/** A case: its file (全程纪实), the printable archive, starting the next stage, and the generic step form. */
export function caseRoutes(deps: StaffSiteDeps): RouteTable {
  const today = () => chinaDate(deps.clock.now());
  const filePage = async (request: SiteRequest, status: number, extra: { flash?: string; stageMessage?: string } = {}) => {
    const session = sessionOf(request);
    const file = await getCaseFile(deps, session.actor, request.params.caseId);
    if (request.site.json) return jsonResponse(status, file);
    return htmlResponse(status, developmentCaseFilePage({ file, staff: staffLayout(session), now: deps.clock.now(), today: today(), ...extra }));
  };

  return {
    'GET /staff/cases/{caseId}': (request) => filePage(request, 200, { flash: FLASH[request.query.done ?? ''] }),

    'GET /staff/cases/{caseId}/archive': async (request) => {
      const file = await getCaseFile(deps, sessionOf(request).actor, request.params.caseId);
      const org = await getOrganization(deps.store, file.case.orgId);
      return htmlResponse(200, developmentArchivePrintPage(file, org?.name ?? file.case.orgId, today()));
    },

    'POST /staff/cases/{caseId}/stages': async (request) => {
      const session = sessionOf(request);
      return handleDevelopmentForm(
        request,
        async () => {
          const started = await startStage(deps, session.actor, request.params.caseId, request.site.form.stage ?? '');
          return request.site.json ? jsonResponse(200, started) : redirect(`${developmentPaths.caseFile(started.id)}?done=stage`);
        },
        async (failure) => filePage(request, failure.status, { stageMessage: failure.problems?.join('；') ?? Object.values(failure.fieldErrors)[0] ?? failure.message }),
      );
    },

    'GET /staff/cases/{caseId}/steps/{stepKey}': async (request) => {
      const session = sessionOf(request);
      const view = await stepFormView(deps, session.actor, request.params.caseId, request.params.stepKey);
      if (request.site.json) return jsonResponse(200, view);
      const values: Record<string, string> = view.shouldAttend !== undefined ? { shouldAttend: String(view.shouldAttend) } : {};
      return htmlResponse(200, developmentStepFormPage({ view, staff: staffLayout(session), form: { values, errors: {} } }));
    },

    'POST /staff/cases/{caseId}/steps/{stepKey}': async (request) => {
      const session = sessionOf(request);
      const { caseId, stepKey } = request.params;
      const view = await stepFormView(deps, session.actor, caseId, stepKey);
      const form = joinPeopleRows(formFields(request), view.fields);
      return handleDevelopmentForm(
        request,
        async () => {
          const record = await submitStepForm(deps, session.actor, caseId, stepKey, form);
          return request.site.json ? jsonResponse(201, record) : redirect(`${developmentPaths.caseFile(caseId)}?done=step`);
        },
        async (failure) => {
          const again = await stepFormView(deps, session.actor, caseId, stepKey, form);
          const page = developmentStepFormPage({ view: again, staff: staffLayout(session), form: { values: formFields(request), errors: failure.fieldErrors }, message: failure.message, problems: failure.problems });
          return htmlResponse(failure.status, page);
        },
      );
    },
  };
}
